package org.qiluvalley.planner.tiles;

/**
 * A store that builds vector tiles itself (PostGIS: {@code ST_AsMVT}). A store without one gets its tiles encoded in
 * Java from ordinary bbox look-ups. Both give the same features with the same ids and properties.
 */
public interface VectorTileStore {

    /** The tile as a Mapbox Vector Tile with one layer, or an empty array when no feature touches it. */
    byte[] tile(TileRequest request);
}
