package org.qiluvalley.planner.tiles;

import java.util.Map;
import java.util.Set;

import org.qiluvalley.planner.parcel.Layer;

/**
 * One vector tile of one layer: tile {@code x} (column), {@code y} (row) at zoom {@code z} of the WebMercatorQuad
 * tile matrix set (EPSG:3857, 256 px tiles, row 0 at the north).
 *
 * @param layerName the MVT layer name (the collection id)
 * @param equals equality filters on the layer's filterable properties (e.g. available-sites: status available)
 * @param oneOf "one of" filters on the same properties (e.g. the statuses the audience may see)
 * @param planner true for the planners' properties, false for the public ones
 */
public record TileRequest(String layerName, Layer<?> layer, Map<String, String> equals,
        Map<String, Set<String>> oneOf, int z, int x, int y, boolean planner) {

    /** MVT extent: tile coordinates run 0..4096, the default of the specification and of ST_AsMVT. */
    public static final int EXTENT = 4096;
    /** Geometry kept beyond the tile edge, in tile units (64 of 4096: 1/64 of a tile), so strokes join across tiles. */
    public static final int BUFFER = 64;
    /** Half the side of the Web Mercator square, metres (π × 6,378,137). */
    public static final double MERCATOR_HALF_SIDE = Math.PI * 6378137.0;

    public TileRequest {
        equals = Map.copyOf(equals);
        oneOf = Map.copyOf(oneOf);
    }

    /** The tile's bounds in EPSG:3857 metres. */
    public org.locationtech.jts.geom.Envelope mercatorBounds() {
        double size = 2 * MERCATOR_HALF_SIDE / (1L << z);
        double minX = -MERCATOR_HALF_SIDE + x * size;
        double maxY = MERCATOR_HALF_SIDE - y * size;
        return new org.locationtech.jts.geom.Envelope(minX, minX + size, maxY - size, maxY);
    }
}
