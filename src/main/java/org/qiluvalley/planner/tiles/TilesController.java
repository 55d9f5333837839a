package org.qiluvalley.planner.tiles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.features.FeatureCollections;
import org.qiluvalley.planner.features.FeatureView;
import org.qiluvalley.planner.features.FeaturesController;
import org.qiluvalley.planner.features.OgcApi;
import org.qiluvalley.planner.features.ParcelVisibility;
import org.qiluvalley.planner.features.PlannerParcelFields;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.register.RegisterWatch;
import org.qiluvalley.planner.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Vector tiles as OGC API Tiles (OGC 20-057: core, tileset, tilesets-list, geodata-tilesets, mvt) for every
 * collection: the tileset list, the WebMercatorQuad tileset's metadata (OGC 17-083r4 tileset metadata) and the tiles
 * ({@code application/vnd.mapbox-vector-tile}, one layer named after the collection, numeric feature ids with the
 * string id as property {@code id}, the same properties as the GeoJSON items for the same audience). A tile is served
 * at {@code .../{tileMatrix}/{tileRow}/{tileCol}} and, the same bytes and headers, with the {@code .mvt} extension
 * that the tileset's URI template names (clients that open a URL by its extension, such as GDAL's {@code /vsicurl/},
 * need it). PostGIS builds tiles with {@code ST_AsMVT}; the embedded store's are encoded in Java. An empty tile is a
 * 204; every tile has a strong ETag (a hash of its bytes) and answers 304 to a matching {@code If-None-Match}.
 */
@RestController
public class TilesController {

    static final String MATRIX_SET = WebMercatorQuad.ID;
    static final String MATRIX_SET_URI = WebMercatorQuad.URI;
    static final String MVT = TileLinks.MVT;
    static final String WEB_MERCATOR = WebMercatorQuad.CRS;
    /** Deepest zoom served (about 3 cm per pixel on the ground at the park's latitude). */
    static final int MAX_ZOOM = WebMercatorQuad.MAX_TILE_MATRIX;
    /**
     * Shallowest zoom of the parcel layers: a z12 tile is about 8 km across here, so even a city-scale register puts
     * at most a few thousand parcels in a tile; below it maps show zones and a density view.
     */
    static final int PARCELS_MIN_ZOOM = 12;
    /**
     * Properties of the GeoJSON items left out of tiles: timestamps (the version says the same, and is a number), and
     * a parcel's offer (price, deposit, readiness: an object, which a tile's scalar tags cannot hold; the map reads
     * them from the items).
     */
    static final Set<String> NOT_IN_TILES = Set.of("updatedAt", "reservePriceWanYuan", "depositWanYuan",
            "pricePerMuWanYuan", "readiness", "fullyReady");
    /** The only values of {@code f}: the metadata is JSON, the tiles Mapbox Vector Tiles. */
    static final String FORMAT_JSON = "json";
    static final String FORMAT_MVT = "mvt";
    /** The tile's path: {@code {z}} tile matrix (zoom), {@code {y}} row, {@code {x}} column. */
    public static final String TILE_PATH = OgcApi.ROOT + "/collections/{collectionId}/tiles/{matrixSet}/{z}/{y}/{x}";
    /** The same tile with the extension, the path the tileset's URI template names. */
    public static final String TILE_PATH_MVT = TILE_PATH + ".mvt";
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final MediaType MVT_TYPE = MediaType.parseMediaType(MVT);

    private final FeaturesController reads;
    private final ParcelStore store;
    private final Optional<VectorTileStore> nativeTiles;
    private final PlannerParcelFields plannerFields;
    private final TileCache cache;
    private final RegisterWatch register;

    TilesController(FeaturesController reads, ParcelStore store, ObjectProvider<VectorTileStore> nativeTiles,
            PlannerParcelFields plannerFields, TileCache cache, RegisterWatch register) {
        this.reads = reads;
        this.store = store;
        this.nativeTiles = Optional.ofNullable(nativeTiles.getIfAvailable());
        this.plannerFields = plannerFields;
        this.cache = cache;
        this.register = register;
    }

    /** The tileset list of a collection (20-057 "tilesets-list"). */
    @JsonPropertyOrder({"links", "tilesets"})
    record Tilesets(List<Link> links, List<TilesetSummary> tilesets) {
    }

    /** One entry of the list: enough to choose it, and the links to its metadata, its scheme and its tiles. */
    @JsonPropertyOrder({"title", "dataType", "crs", "tileMatrixSetURI", "links"})
    record TilesetSummary(String title, String dataType, String crs, String tileMatrixSetURI, List<Link> links) {
    }

    /**
     * A tileset's metadata (17-083r4 "tileSet"); without features, it has no bounding box and no limits. The
     * bounding box is the collection's extent in CRS84 degrees; the limits, per zoom served, the tile rows and columns
     * that hold it.
     */
    @JsonPropertyOrder({"title", "description", "dataType", "crs", "tileMatrixSetURI", "mediaTypes", "boundingBox",
        "tileMatrixSetLimits", "layers", "links"})
    record Tileset(String title, String description, String dataType, String crs, String tileMatrixSetURI,
            List<String> mediaTypes, BoundingBox boundingBox, List<TileMatrixLimits> tileMatrixSetLimits,
            List<TileLayer> layers, List<Link> links) {
    }

    @JsonPropertyOrder({"lowerLeft", "upperRight", "crs"})
    record BoundingBox(List<Double> lowerLeft, List<Double> upperRight, String crs) {
    }

    @JsonPropertyOrder({"tileMatrix", "minTileRow", "maxTileRow", "minTileCol", "maxTileCol"})
    record TileMatrixLimits(String tileMatrix, long minTileRow, long maxTileRow, long minTileCol, long maxTileCol) {
    }

    /**
     * The one layer of a collection's tiles, named as in the tiles (the collection id). {@code geometryDimension} is
     * 17-083r4's (1 lines, 2 polygons); {@code geometryType} says the same in GIS words (lines, polygons,
     * multipolygons); both are left out for a collection of mixed kinds.
     */
    @JsonPropertyOrder({"id", "title", "description", "dataType", "geometryDimension", "geometryType", "minTileMatrix",
        "maxTileMatrix", "propertiesSchema"})
    record TileLayer(String id, String title, String description, String dataType, Integer geometryDimension,
            String geometryType, String minTileMatrix, String maxTileMatrix, PropertiesSchema propertiesSchema) {
    }

    @JsonPropertyOrder({"type", "properties"})
    record PropertiesSchema(String type, Map<String, TileFields.Field> properties) {
    }

    /** A link; {@code templated} only on a URI template. */
    @JsonPropertyOrder({"href", "rel", "type", "title", "templated"})
    record Link(String href, String rel, String type, String title, Boolean templated) {
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}/tiles", produces = MediaType.APPLICATION_JSON_VALUE)
    Tilesets tilesets(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query) {
        onlyFormat(query, FORMAT_JSON);
        FeatureCollections.Collection<?> collection = reads.collection(collectionId);
        String base = reads.base();
        TilesetSummary tileset = new TilesetSummary(collection.title() + " (vector tiles)", "vector", WEB_MERCATOR,
                MATRIX_SET_URI, List.of(
                        link(TileLinks.tileset(base, collection.id()), TileLinks.REL_SELF, TileLinks.JSON,
                                "Tileset metadata"),
                        link(TileLinks.tileMatrixSet(base, MATRIX_SET), TileLinks.REL_TILING_SCHEME, TileLinks.JSON,
                                WebMercatorQuad.TITLE),
                        template(base, collection.id())));
        return new Tilesets(List.of(link(TileLinks.tilesets(base, collection.id()), TileLinks.REL_SELF, TileLinks.JSON,
                "Tilesets")), List.of(tileset));
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}/tiles/{matrixSet}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Tileset tileset(@PathVariable String collectionId, @PathVariable String matrixSet,
            @RequestParam MultiValueMap<String, String> query) {
        onlyFormat(query, FORMAT_JSON);
        FeatureCollections.Collection<?> collection = reads.collection(collectionId);
        matrixSet(matrixSet);
        String base = reads.base();
        int minZoom = minZoom(collection);
        Optional<Envelope> extent = store.extentCrs84(collection.layer());
        BoundingBox boundingBox = extent.map(e -> new BoundingBox(List.of(e.getMinX(), e.getMinY()),
                List.of(e.getMaxX(), e.getMaxY()), Crs.CRS84_URI)).orElse(null);
        List<TileMatrixLimits> limits = extent.map(e -> {
            List<TileMatrixLimits> zooms = new ArrayList<>();
            for (int z = minZoom; z <= MAX_ZOOM; z++) {
                zooms.add(limits(z, e));
            }
            return zooms;
        }).orElse(null);
        Optional<TileLayerGeometry> geometry = TileLayerGeometry.of(collection);
        TileLayer layer = new TileLayer(collection.id(), collection.title(), collection.description(), "vector",
                geometry.map(g -> g.dimension).orElse(null), geometry.map(g -> g.type).orElse(null),
                Integer.toString(minZoom), Integer.toString(MAX_ZOOM),
                new PropertiesSchema("object", TileFields.of(collection.layer())));
        return new Tileset(collection.title() + " (vector tiles)", collection.description(), "vector", WEB_MERCATOR,
                MATRIX_SET_URI, List.of(MVT), boundingBox, limits, List.of(layer), List.of(
                        link(TileLinks.tileset(base, collection.id()), TileLinks.REL_SELF, TileLinks.JSON,
                                "This tileset"),
                        link(TileLinks.tileMatrixSet(base, MATRIX_SET), TileLinks.REL_TILING_SCHEME, TileLinks.JSON,
                                WebMercatorQuad.TITLE),
                        template(base, collection.id()),
                        link(base + "/collections/" + collection.id(), TileLinks.REL_GEODATA, TileLinks.JSON,
                                collection.title())));
    }

    /**
     * One tile, at either path: {@code {x}} is the column, {@code {y}} the row, {@code {z}} the tile matrix (zoom).
     * Spring matches {@code .../2.mvt} to the longer, more specific pattern, so {@code x} is then {@code 2}.
     */
    @GetMapping({TILE_PATH, TILE_PATH_MVT})
    public ResponseEntity<byte[]> tile(@PathVariable String collectionId, @PathVariable String matrixSet,
            @PathVariable String z, @PathVariable String y, @PathVariable String x,
            @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Authentication who) {
        boolean planner = Role.isPlanner(who);
        Target target = target(collectionId, matrixSet, z, y, x, query, planner);
        TileCache.Tile tile = cacheable(target.collection(), planner)
                ? cachedOrBuilt(target.collection(), target.request()) : build(target.collection(), target.request());
        return answer(tile, planner, ifNoneMatch);
    }

    /**
     * The anonymous answer for a tile if the cache holds it for the register as it is now (its revision read after
     * this call began), else null: a miss, a collection or zoom not cached, or a request the full mapping must
     * judge (a malformed one throws, and the caller passes it on). No store query but the revision's, so the fast
     * path answers hits outside its limit on concurrent store reads ({@code AnonymousMapReads}).
     */
    public ResponseEntity<byte[]> cachedTile(String collectionId, String matrixSet, String z, String y, String x,
            MultiValueMap<String, String> query, String ifNoneMatch) {
        Target target = target(collectionId, matrixSet, z, y, x, query, false);
        if (!cacheable(target.collection(), false)) {
            return null;
        }
        register.current();
        TileRequest request = target.request();
        TileCache.Tile tile = cache.get(target.collection().id(), request.z(), request.x(), request.y());
        return tile == null ? null : answer(tile, false, ifNoneMatch);
    }

    /** A checked tile address: the collection and what to ask the store for. */
    private record Target(FeatureCollections.Collection<?> collection, TileRequest request) {
    }

    private Target target(String collectionId, String matrixSet, String z, String y, String x,
            MultiValueMap<String, String> query, boolean planner) {
        onlyFormat(query, FORMAT_MVT);
        FeatureCollections.Collection<?> collection = reads.collection(collectionId);
        matrixSet(matrixSet);
        int zoom = coordinate(z, "tileMatrix (zoom)");
        int row = coordinate(y, "tileRow");
        int column = coordinate(x, "tileCol");
        int minZoom = minZoom(collection);
        if (zoom < minZoom || zoom > MAX_ZOOM) {
            throw new NotFoundException("collection " + collection.id() + " has tiles from zoom " + minZoom + " to "
                    + MAX_ZOOM + ", not " + zoom);
        }
        if (row >= WebMercatorQuad.matrixSize(zoom) || column >= WebMercatorQuad.matrixSize(zoom)) {
            throw new NotFoundException("zoom " + zoom + " has rows and columns 0 to "
                    + (WebMercatorQuad.matrixSize(zoom) - 1));
        }
        Map<String, String> filters = new LinkedHashMap<>(collection.fixedFilters());
        Map<String, Set<String>> oneOf = collection.parcels() ? ParcelVisibility.statusFilter(filters, planner) : Map.of();
        return new Target(collection, new TileRequest(collection.id(), collection.layer(), filters, oneOf, zoom, column,
                row, planner));
    }

    /** The answer for a tile: 204 when empty, 304 when the client has it, else the bytes; all with the ETag. */
    private static ResponseEntity<byte[]> answer(TileCache.Tile tile, boolean planner, String ifNoneMatch) {
        CacheControl caching = planner ? CacheControl.noCache().cachePrivate()
                : CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic();
        if (tile.bytes().length == 0) {
            return ResponseEntity.noContent().cacheControl(caching)
                    .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE).build();
        }
        if (ifNoneMatch != null && matches(ifNoneMatch, tile.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tile.etag()).cacheControl(caching)
                    .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE).build();
        }
        return ResponseEntity.ok().contentType(MVT_TYPE).eTag(tile.etag()).cacheControl(caching)
                .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE).body(tile.bytes());
    }

    /**
     * The public tiles of the parcel collections are cached; the other layers change only with the seed (and are
     * small), the planners' carry allocations from another table.
     */
    private boolean cacheable(FeatureCollections.Collection<?> collection, boolean planner) {
        return !planner && collection.parcels() && cache.enabled();
    }

    /**
     * The tile from the cache when it holds it for the register's current revision (read after the request
     * arrived, every change up to it replayed), else built and kept.
     */
    private TileCache.Tile cachedOrBuilt(FeatureCollections.Collection<?> collection, TileRequest request) {
        long revision = register.current();
        TileCache.Tile tile = cache.get(collection.id(), request.z(), request.x(), request.y());
        if (tile == null) {
            tile = build(collection, request);
            cache.put(revision, collection.id(), request.z(), request.x(), request.y(), tile);
        }
        return tile;
    }

    /** The tile from the store, with its strong ETag (a hash of its bytes; planners' marked apart). */
    private TileCache.Tile build(FeatureCollections.Collection<?> collection, TileRequest request) {
        byte[] bytes = nativeTiles.map(tiles -> tiles.tile(request)).orElseGet(() -> javaTile(collection, request));
        String etag = bytes.length == 0 ? null : "\"" + (request.planner() ? "p" : "") + sha256(bytes) + "\"";
        return new TileCache.Tile(bytes, etag);
    }

    private byte[] javaTile(FeatureCollections.Collection<?> collection, TileRequest request) {
        List<FeatureView> views = JavaTileEncoder.find(store, request).stream()
                .map(record -> collection.viewOf(record, request.planner())).toList();
        if (request.planner() && collection.parcels()) {
            plannerFields.addAllocations(views);
        }
        return JavaTileEncoder.encode(request, views);
    }

    static int minZoom(FeatureCollections.Collection<?> collection) {
        return collection.parcels() ? PARCELS_MIN_ZOOM : 0;
    }

    private static TileMatrixLimits limits(int z, Envelope extent) {
        return new TileMatrixLimits(Integer.toString(z), tile(WebMercatorQuad.row(extent.getMaxY(), z), z),
                tile(WebMercatorQuad.row(extent.getMinY(), z), z), tile(WebMercatorQuad.column(extent.getMinX(), z), z),
                tile(WebMercatorQuad.column(extent.getMaxX(), z), z));
    }

    /** The tile a fractional row or column falls in, within the matrix. */
    static long tile(double fractional, int z) {
        return Math.min(WebMercatorQuad.matrixSize(z) - 1, Math.max(0, (long) Math.floor(fractional)));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static int coordinate(String text, String name) {
        if (!NUMBER.matcher(text).matches()) {
            throw new InvalidInputException(name + " must be a whole number, not \"" + RefusedException.clip(text) + "\"");
        }
        return Integer.parseInt(text);
    }

    private static void matrixSet(String matrixSet) {
        if (!WebMercatorQuad.isServed(matrixSet)) {
            throw new NotFoundException("tile matrix set \"" + RefusedException.clip(matrixSet) + "\" is not served; use "
                    + MATRIX_SET);
        }
    }

    /**
     * Only {@code f} is a parameter here (anything else is a 400, as OGC API requires of unknown parameters), and only
     * with the one format served: {@code json} for the metadata, {@code mvt} for tiles.
     */
    static void onlyFormat(MultiValueMap<String, String> query, String format) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!parameter.getKey().equals(OgcApi.PARAM_FORMAT)) {
                throw new InvalidInputException("unknown query parameter \"" + RefusedException.clip(parameter.getKey())
                        + "\"");
            }
            for (String value : parameter.getValue()) {
                if (!format.equals(value)) {
                    throw new InvalidInputException("f must be " + format + ", not \"" + RefusedException.clip(value)
                            + "\"; this resource is served as " + (format.equals(FORMAT_MVT) ? MVT : TileLinks.JSON)
                            + " only");
                }
            }
        }
    }

    private static Link link(String href, String rel, String type, String title) {
        return new Link(href, rel, type, title, null);
    }

    /** The URI template of the collection's tiles (with {@code .mvt}: see {@link TileLinks#tileTemplate}). */
    private static Link template(String base, String collectionId) {
        return new Link(TileLinks.tileTemplate(base, collectionId), TileLinks.REL_ITEM, MVT,
                "Tiles (Mapbox Vector Tiles)", Boolean.TRUE);
    }
}
