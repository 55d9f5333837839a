package org.qiluvalley.planner.tiles;

import java.util.List;

/**
 * The OGC API Tiles vocabulary (OGC 20-057, with OGC 17-083r4 for tile matrix sets and tileset metadata) and the
 * links the rest of the OGC API needs to lead a client to the tiles: from the landing page to the tile matrix sets,
 * from each collection to its vector tilesets. Clients find the tiles only through these links: GDAL's OGCAPI driver
 * (3.6), opened on a collection, looks for the {@link #REL_TILESETS_VECTOR} link of type {@code application/json} and
 * nothing else.
 *
 * <p>Static and free of any link type of its own: the caller says how to build a link ({@link LinkFactory}), e.g.
 * {@code TileLinks.collection(base, id, FeatureJsonWriter.Link::new)}, so these links fit the documents of whoever
 * writes them.
 */
public final class TileLinks {

    public static final String JSON = "application/json";
    /** Mapbox Vector Tile 2.1, the tiles' media type. */
    public static final String MVT = "application/vnd.mapbox-vector-tile";

    public static final String REL_SELF = "self";
    /** A URI template of the tiles (with {@code templated: true}). */
    public static final String REL_ITEM = "item";
    /** From the landing page to the list of tile matrix sets. */
    public static final String REL_TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
    /** From a tileset to the definition of its tile matrix set. */
    public static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    /** From a collection (or the dataset) to its list of vector tilesets. */
    public static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    /** From a tileset of one collection to that collection. */
    public static final String REL_GEODATA = "http://www.opengis.net/def/rel/ogc/1.0/geodata";

    public static final String CONF_CORE = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core";
    public static final String CONF_TILESET = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset";
    public static final String CONF_TILESETS_LIST = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list";
    public static final String CONF_GEODATA_TILESETS =
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets";
    public static final String CONF_MVT = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt";
    public static final String CONF_OAS30 = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30";
    public static final String CONF_TMS = "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset";
    public static final String CONF_TMS_JSON = "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset";
    public static final String CONF_TILESET_METADATA = "http://www.opengis.net/spec/tms/2.0/conf/tilesetmetadata";
    public static final String CONF_TILESET_METADATA_JSON =
            "http://www.opengis.net/spec/tms/2.0/conf/json-tilesetmetadata";
    public static final String CONF_TMS_LIMITS = "http://www.opengis.net/spec/tms/2.0/conf/tilematrixsetlimits";
    public static final String CONF_TMS_LIMITS_JSON =
            "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixsetlimits";

    /**
     * The conformance classes of the tiles, for the conformance declaration. True once the landing page carries
     * {@link #landing} and each collection {@link #collection} (geodata-tilesets), and the API definition includes
     * {@code ogc/openapi-tiles.json} (oas30). Not declared: dataset tilesets ({@code /tiles} at the root; each
     * collection is tiled on its own), collections selection, datetime, and the other tile formats.
     */
    public static final List<String> CONFORMANCE = List.of(CONF_CORE, CONF_TILESET, CONF_TILESETS_LIST,
            CONF_GEODATA_TILESETS, CONF_MVT, CONF_OAS30, CONF_TMS, CONF_TMS_JSON, CONF_TILESET_METADATA,
            CONF_TILESET_METADATA_JSON, CONF_TMS_LIMITS, CONF_TMS_LIMITS_JSON);

    /** Builds one link object of the caller's kind from href, rel, media type and title. */
    @FunctionalInterface
    public interface LinkFactory<L> {
        L link(String href, String rel, String type, String title);
    }

    private TileLinks() {
    }

    /** The landing page's links: to the tile matrix sets. {@code ogcBase} is the API's root, e.g. {@code .../ogc}. */
    public static <L> List<L> landing(String ogcBase, LinkFactory<L> link) {
        return List.of(link.link(tileMatrixSets(ogcBase), REL_TILING_SCHEMES, JSON, "Tile matrix sets"));
    }

    /**
     * A collection's links: to its vector tilesets. {@code collectionId} must be one of the collections served (it
     * is put into the URL as it is).
     */
    public static <L> List<L> collection(String ogcBase, String collectionId, LinkFactory<L> link) {
        return List.of(link.link(tilesets(ogcBase, collectionId), REL_TILESETS_VECTOR, JSON, "Vector tilesets"));
    }

    static String tileMatrixSets(String ogcBase) {
        return ogcBase + "/tileMatrixSets";
    }

    static String tileMatrixSet(String ogcBase, String tileMatrixSetId) {
        return tileMatrixSets(ogcBase) + "/" + tileMatrixSetId;
    }

    static String tilesets(String ogcBase, String collectionId) {
        return ogcBase + "/collections/" + collectionId + "/tiles";
    }

    static String tileset(String ogcBase, String collectionId) {
        return tilesets(ogcBase, collectionId) + "/" + WebMercatorQuad.ID;
    }

    /**
     * The URI template of a collection's tiles. With the {@code .mvt} extension: a client that opens a URL by its
     * extension (GDAL's {@code /vsicurl/}, a desktop GIS's file dialog) then knows the format.
     */
    static String tileTemplate(String ogcBase, String collectionId) {
        return tileset(ogcBase, collectionId) + "/{tileMatrix}/{tileRow}/{tileCol}.mvt";
    }
}
