/**
 * Vector tiles (Mapbox Vector Tiles, OGC API Tiles style) for every collection: the tile request and the
 * {@link org.qiluvalley.planner.tiles.VectorTileStore} contract that a database able to encode tiles itself
 * implements (PostGIS, {@code ST_AsMVT}), the Java encoder used on the embedded store, and the tileset list,
 * tileset metadata and tile endpoints under {@code /ogc/collections/{id}/tiles}. Both encoders give the same features
 * and properties for the same audience.
 */
package org.qiluvalley.planner.tiles;
