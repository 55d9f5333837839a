/**
 * Vector tiles (Mapbox Vector Tiles) for every collection as OGC API Tiles (OGC 20-057) over the WebMercatorQuad tile
 * matrix set of OGC 17-083r4: the tile request and the {@link org.qiluvalley.planner.tiles.VectorTileStore} contract
 * that a database able to encode tiles itself implements (PostGIS, {@code ST_AsMVT}), the Java encoder used on the
 * embedded store, the tileset list, tileset metadata and tile endpoints under {@code /ogc/collections/{id}/tiles},
 * the tile matrix sets under {@code /ogc/tileMatrixSets}, and {@link org.qiluvalley.planner.tiles.TileLinks}: the
 * Tiles vocabulary and the links and conformance classes the landing page and the collections carry. Both encoders
 * give the same features and properties for the same audience.
 */
package org.qiluvalley.planner.tiles;
