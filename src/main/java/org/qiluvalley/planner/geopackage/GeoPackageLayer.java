package org.qiluvalley.planner.geopackage;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a feature layer holds, before any feature: its name (the table name and the {@code gpkg_contents} identifier;
 * GIS clients show it as the layer name), the type of its geometries and its attribute fields in column order.
 * Besides the fields, every layer has the columns {@value #FID_COLUMN} (the integer primary key), {@value
 * #GEOMETRY_COLUMN} (the geometry) and {@value #ID_COLUMN} (the feature id, text), so no field may take one of those
 * names.
 *
 * @param name 1 to 100 characters, no control characters, not starting with {@code gpkg_}, {@code sqlite_} or
 *     {@code rtree_} (names SQLite and the GeoPackage standard reserve)
 */
public record GeoPackageLayer(String name, GeoPackageGeometryType geometryType, List<GeoPackageField> fields) {

    /** The integer primary key of a feature table written here. */
    public static final String FID_COLUMN = "fid";
    /** The geometry column of a feature table written here. */
    public static final String GEOMETRY_COLUMN = "geom";
    /** The text column that keeps each feature's id. */
    public static final String ID_COLUMN = "id";

    static final int MAX_NAME_LENGTH = 100;

    public GeoPackageLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geometryType, "geometryType");
        fields = List.copyOf(fields);
        checkName("layer name", name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("gpkg_") || lower.startsWith("sqlite_") || lower.startsWith("rtree_")) {
            throw new IllegalArgumentException("layer name \"" + name + "\" starts with a prefix reserved by SQLite or"
                    + " the GeoPackage standard");
        }
        Set<String> seen = new HashSet<>(Set.of(FID_COLUMN, GEOMETRY_COLUMN, ID_COLUMN));
        for (GeoPackageField field : fields) {
            checkName("field name", field.name());
            if (!seen.add(field.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("field \"" + field.name() + "\" clashes with another field or with "
                        + "one of the columns " + FID_COLUMN + ", " + GEOMETRY_COLUMN + ", " + ID_COLUMN
                        + " (SQLite compares column names without case)");
            }
        }
    }

    private static void checkName(String what, String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_NAME_LENGTH + " characters long");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " \"" + name.strip() + "\" contains a control character");
        }
    }
}
