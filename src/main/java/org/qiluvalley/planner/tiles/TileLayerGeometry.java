package org.qiluvalley.planner.tiles;

import java.util.Optional;

import org.qiluvalley.planner.features.FeatureCollections;

/**
 * The kind of geometry in a collection's tile layer, for the tileset metadata: {@code geometryDimension} (17-083r4:
 * 0 points, 1 curves, 2 surfaces) and {@code geometryType} (what GIS clients call such a layer: points, lines,
 * polygons and their multi- kinds). Read from the registry's GeoJSON geometry type of the collection
 * ({@link FeatureCollections.Collection#geometryType()}), so a new collection has its kind without a change here; a
 * collection without one (features of mixed kinds) has none.
 */
enum TileLayerGeometry {

    POINTS("Point", "points", 0),
    MULTIPOINTS("MultiPoint", "multipoints", 0),
    LINES("LineString", "lines", 1),
    MULTILINES("MultiLineString", "multilines", 1),
    POLYGONS("Polygon", "polygons", 2),
    MULTIPOLYGONS("MultiPolygon", "multipolygons", 2);

    /** The GeoJSON geometry type (RFC 7946, 3.1) of the collection's features. */
    final String geoJsonType;
    final String type;
    final int dimension;

    TileLayerGeometry(String geoJsonType, String type, int dimension) {
        this.geoJsonType = geoJsonType;
        this.type = type;
        this.dimension = dimension;
    }

    static Optional<TileLayerGeometry> of(FeatureCollections.Collection<?> collection) {
        for (TileLayerGeometry geometry : values()) {
            if (geometry.geoJsonType.equals(collection.geometryType())) {
                return Optional.of(geometry);
            }
        }
        return Optional.empty();
    }
}
