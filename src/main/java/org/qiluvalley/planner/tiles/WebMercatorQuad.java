package org.qiluvalley.planner.tiles;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The one tile matrix set the service tiles in: WebMercatorQuad of OGC 17-083r4 (Two Dimensional Tile Matrix Set and
 * Tile Set Metadata 2.0, Annex D), EPSG:3857 (spherical Web Mercator on the WGS 84 semi-major axis, metres), 256 x 256
 * pixel tiles, one tile at matrix 0 and four times as many at each next one, row 0 at the north and column 0 at the
 * west. Every number is computed from the definition's constants (the sphere's radius, the tile size and OGC's
 * standardized 0.28 mm rendering pixel), not copied from a published table, so they cannot drift from one another.
 *
 * <p>The matrices listed are the ones served, 0 to {@link #MAX_TILE_MATRIX}; the registered set goes on to 24 with
 * the same rule.
 */
final class WebMercatorQuad {

    static final String ID = "WebMercatorQuad";
    static final String TITLE = "Google Maps Compatible for the World";
    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    /** EPSG:3857, WGS 84 / Pseudo-Mercator: easting then northing, metres. */
    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final String WELL_KNOWN_SCALE_SET = "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible";
    static final List<String> ORDERED_AXES = List.of("X", "Y");

    /** The radius of the sphere EPSG:3857 projects from: the WGS 84 semi-major axis, metres. */
    static final double RADIUS_METRES = 6378137.0;
    /** Half the side of the square the set covers, metres: π × radius = 20,037,508.34 m. */
    static final double HALF_SIDE_METRES = Math.PI * RADIUS_METRES;
    /** OGC's standardized rendering pixel (17-083r4, after WMTS and SLD): 0.28 mm, in metres. */
    static final double STANDARD_PIXEL_METRES = 0.28e-3;
    /** Tile width and height, pixels. */
    static final int TILE_SIZE_PIXELS = 256;
    /** Deepest tile matrix served (about 3 cm per pixel on the ground at the park's latitude, 36.75 N). */
    static final int MAX_TILE_MATRIX = 22;

    /** The latitude of the square's northern edge, degrees: atan(sinh(π)). */
    static final double MAX_LATITUDE = 85.0511287798066;

    private WebMercatorQuad() {
    }

    /** Size of one pixel of matrix {@code z} in EPSG:3857 metres: the square's side over 256 × 2^z pixels. */
    static double cellSizeMetres(int z) {
        return 2 * HALF_SIDE_METRES / TILE_SIZE_PIXELS / (1L << z);
    }

    /** The scale denominator of matrix {@code z}: the cell size rendered on the 0.28 mm standard pixel. */
    static double scaleDenominator(int z) {
        return cellSizeMetres(z) / STANDARD_PIXEL_METRES;
    }

    /**
     * The column of matrix {@code z} at a CRS84 longitude, with its fraction (the tile is its floor); not clamped.
     */
    static double column(double longitude, int z) {
        return (longitude + 180) / 360 * matrixSize(z);
    }

    /**
     * The row of matrix {@code z} (0 at the north) at a CRS84 latitude, with its fraction (the tile is its floor);
     * latitudes beyond the square's ±85.0511° are taken at its edge.
     */
    static double row(double latitude, int z) {
        double rad = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)));
        return (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * matrixSize(z);
    }

    /** Columns (and rows) of matrix {@code z}: 2^z. */
    static long matrixSize(int z) {
        return 1L << z;
    }

    /** True for a tile matrix set id this service serves (the only allow-list of them). */
    static boolean isServed(String tileMatrixSetId) {
        return ID.equals(tileMatrixSetId);
    }

    /**
     * The tile matrix set in the JSON encoding of 17-083r4 (clause 7, "tileMatrixSet.json"), with a link to itself.
     *
     * <p>Four members more, of the 1.0 encoding (OGC 17-083r2): {@code identifier} and {@code supportedCRS} on the
     * set, {@code identifier} and {@code topLeftCorner} on each matrix, each a copy of its 2.0 counterpart
     * ({@code id}, {@code crs}, {@code id}, {@code pointOfOrigin}). GDAL up to 3.6 (Debian 12's) reads only the 1.0
     * names: without them it finds no CRS and no origin and cannot open our tiles through its OGCAPI driver. 2.0
     * clients ignore members they do not know; newer GDAL reads the 2.0 ones.
     */
    static Definition definition(String selfHref) {
        List<TileMatrix> matrices = new ArrayList<>();
        List<Double> origin = List.of(-HALF_SIDE_METRES, HALF_SIDE_METRES);
        for (int z = 0; z <= MAX_TILE_MATRIX; z++) {
            String id = Integer.toString(z);
            matrices.add(new TileMatrix(id, scaleDenominator(z), cellSizeMetres(z), "topLeft", origin,
                    TILE_SIZE_PIXELS, TILE_SIZE_PIXELS, matrixSize(z), matrixSize(z), id, origin));
        }
        BoundingBox bounds = new BoundingBox(List.of(-HALF_SIDE_METRES, -HALF_SIDE_METRES),
                List.of(HALF_SIDE_METRES, HALF_SIDE_METRES), CRS, ORDERED_AXES);
        return new Definition(ID, TITLE, URI, CRS, ORDERED_AXES, WELL_KNOWN_SCALE_SET, bounds, matrices, ID, CRS,
                List.of(new TilesController.Link(selfHref, TileLinks.REL_SELF, TileLinks.JSON, TITLE, null)));
    }

    /** A tile matrix set definition; {@code identifier} and {@code supportedCRS} are the 1.0 names (see above). */
    @JsonPropertyOrder({"id", "title", "uri", "crs", "orderedAxes", "wellKnownScaleSet", "boundingBox", "tileMatrices",
        "identifier", "supportedCRS", "links"})
    record Definition(String id, String title, String uri, String crs, List<String> orderedAxes,
            String wellKnownScaleSet, BoundingBox boundingBox, List<TileMatrix> tileMatrices, String identifier,
            String supportedCRS, List<TilesController.Link> links) {
    }

    /**
     * One tile matrix (zoom level): its scale, pixel size in metres, origin (the top-left corner of tile 0/0 in
     * EPSG:3857 metres) and size in tiles; {@code identifier} and {@code topLeftCorner} are the 1.0 names.
     */
    @JsonPropertyOrder({"id", "scaleDenominator", "cellSize", "cornerOfOrigin", "pointOfOrigin", "tileWidth",
        "tileHeight", "matrixWidth", "matrixHeight", "identifier", "topLeftCorner"})
    record TileMatrix(String id, double scaleDenominator, double cellSize, String cornerOfOrigin,
            List<Double> pointOfOrigin, int tileWidth, int tileHeight, long matrixWidth, long matrixHeight,
            String identifier, List<Double> topLeftCorner) {
    }

    /** A 2D bounding box: lower-left and upper-right corners in {@code crs}, in the axis order given. */
    @JsonPropertyOrder({"lowerLeft", "upperRight", "crs", "orderedAxes"})
    record BoundingBox(List<Double> lowerLeft, List<Double> upperRight, String crs, List<String> orderedAxes) {
    }
}
