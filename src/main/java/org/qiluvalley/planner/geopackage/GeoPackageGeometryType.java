package org.qiluvalley.planner.geopackage;

import java.util.Locale;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry type of a feature layer, as {@code gpkg_geometry_columns.geometry_type_name} names it (OGC 12-128r18,
 * Annex G). {@link #GEOMETRY} takes any geometry; the others take only their own type.
 */
public enum GeoPackageGeometryType {
    GEOMETRY,
    POINT,
    LINESTRING,
    POLYGON,
    MULTIPOINT,
    MULTILINESTRING,
    MULTIPOLYGON,
    GEOMETRYCOLLECTION;

    /** The name written in {@code gpkg_geometry_columns} and as the column's declared type. */
    public String typeName() {
        return name();
    }

    /** Whether a geometry of this JTS class may be a value of a column of this type. */
    public boolean accepts(Geometry geometry) {
        return switch (this) {
            case GEOMETRY -> true;
            case POINT -> geometry instanceof Point;
            case LINESTRING -> geometry instanceof LineString;
            case POLYGON -> geometry instanceof Polygon;
            case MULTIPOINT -> geometry instanceof MultiPoint;
            case MULTILINESTRING -> geometry instanceof MultiLineString;
            case MULTIPOLYGON -> geometry instanceof MultiPolygon;
            // The multi types are geometry collections too (GeoPackage Annex G type hierarchy).
            case GEOMETRYCOLLECTION -> geometry instanceof GeometryCollection;
        };
    }

    /** The type named in a GeoPackage, in any case; empty for a name that is not a core GeoPackage geometry type. */
    static Optional<GeoPackageGeometryType> fromTypeName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
