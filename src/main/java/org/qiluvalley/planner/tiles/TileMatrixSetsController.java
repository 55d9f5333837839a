package org.qiluvalley.planner.tiles;

import java.util.List;

import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.features.FeaturesController;
import org.qiluvalley.planner.features.OgcApi;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The tile matrix sets the tiles use (OGC API Tiles' {@code /tileMatrixSets}, OGC 17-083r4 definitions): the list, and
 * each definition. One is served, {@link WebMercatorQuad}; a client reaches it from the landing page
 * ({@code tiling-schemes}) and from every tileset ({@code tiling-scheme}). GDAL's OGCAPI driver reads the definition
 * to georeference the tiles.
 */
@RestController
class TileMatrixSetsController {

    private final FeaturesController reads;

    TileMatrixSetsController(FeaturesController reads) {
        this.reads = reads;
    }

    /** The list: each set's id, title, URI, CRS and the link to its definition. */
    @JsonPropertyOrder({"links", "tileMatrixSets"})
    record TileMatrixSetList(List<TilesController.Link> links, List<TileMatrixSetSummary> tileMatrixSets) {
    }

    @JsonPropertyOrder({"id", "title", "uri", "crs", "links"})
    record TileMatrixSetSummary(String id, String title, String uri, String crs, List<TilesController.Link> links) {
    }

    @GetMapping(value = OgcApi.ROOT + "/tileMatrixSets", produces = MediaType.APPLICATION_JSON_VALUE)
    TileMatrixSetList tileMatrixSets(@RequestParam MultiValueMap<String, String> query) {
        TilesController.onlyFormat(query, TilesController.FORMAT_JSON);
        String base = reads.base();
        TileMatrixSetSummary webMercator = new TileMatrixSetSummary(WebMercatorQuad.ID, WebMercatorQuad.TITLE,
                WebMercatorQuad.URI, WebMercatorQuad.CRS, List.of(new TilesController.Link(
                        TileLinks.tileMatrixSet(base, WebMercatorQuad.ID), TileLinks.REL_SELF, TileLinks.JSON,
                        WebMercatorQuad.TITLE, null)));
        return new TileMatrixSetList(List.of(new TilesController.Link(TileLinks.tileMatrixSets(base),
                TileLinks.REL_SELF, TileLinks.JSON, "Tile matrix sets", null)), List.of(webMercator));
    }

    @GetMapping(value = OgcApi.ROOT + "/tileMatrixSets/{tileMatrixSetId}", produces = MediaType.APPLICATION_JSON_VALUE)
    WebMercatorQuad.Definition tileMatrixSet(@PathVariable String tileMatrixSetId,
            @RequestParam MultiValueMap<String, String> query) {
        TilesController.onlyFormat(query, TilesController.FORMAT_JSON);
        if (!WebMercatorQuad.isServed(tileMatrixSetId)) {
            throw new NotFoundException("no tile matrix set \"" + RefusedException.clip(tileMatrixSetId)
                    + "\"; the tile matrix sets are " + WebMercatorQuad.ID);
        }
        return WebMercatorQuad.definition(TileLinks.tileMatrixSet(reads.base(), WebMercatorQuad.ID));
    }
}
