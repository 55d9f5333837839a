package org.qiluvalley.planner.geopackage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer.
 *
 * <p>Written: {@code id} goes to the text column {@value GeoPackageLayer#ID_COLUMN} (never null), {@code geometry}
 * must be in EPSG:4548 (SRID 4548; null for a feature without geometry), and {@code properties} holds values for
 * some or all of the layer's fields (a field it lacks, or maps to null, is written as NULL).
 *
 * <p>Read ({@link GeoPackageReader}): {@code id} is the text of the layer's {@code id} column when it holds text, else
 * null; {@code geometry} is in EPSG:4548 (SRID 4548; null for a NULL geometry); {@code properties} holds every other
 * attribute column in table order, with each value as SQLite stored it: {@code String}, {@code Long}, {@code Double},
 * {@code byte[]} or null. An {@code id} value that is not text (an integer, a NULL) stays in the properties under
 * the column's name.
 *
 * @param properties kept as given (not copied): a reader gives an unmodifiable map
 */
public record GeoPackageFeature(String id, Geometry geometry, Map<String, Object> properties) {

    public GeoPackageFeature {
        properties = properties == null ? Map.of() : properties;
    }

    /** A read feature: properties unmodifiable, in column order. */
    static GeoPackageFeature read(String id, Geometry geometry, LinkedHashMap<String, Object> properties) {
        return new GeoPackageFeature(id, geometry, Collections.unmodifiableMap(properties));
    }
}
