package org.qiluvalley.planner.tiles;

import java.util.List;

import org.qiluvalley.planner.features.OgcApiExtension;
import org.springframework.stereotype.Component;

/**
 * The tiles as seen from the rest of the OGC API: the landing page links the tile matrix sets, each collection its
 * vector tilesets, the conformance declaration lists the Tiles classes ({@link TileLinks#CONFORMANCE}), and
 * {@code /ogc/api} describes the tile paths ({@code ogc/openapi-tiles.json}).
 */
@Component
class TilesOgcExtension implements OgcApiExtension {

    static final String OPEN_API_FRAGMENT = "ogc/openapi-tiles.json";

    @Override
    public List<String> conformance() {
        return TileLinks.CONFORMANCE;
    }

    @Override
    public List<Link> landingLinks(String ogcBase) {
        return TileLinks.landing(ogcBase, Link::new);
    }

    @Override
    public List<Link> collectionLinks(String ogcBase, String collectionId) {
        return TileLinks.collection(ogcBase, collectionId, Link::new);
    }

    @Override
    public String openApiFragment() {
        return OPEN_API_FRAGMENT;
    }
}
