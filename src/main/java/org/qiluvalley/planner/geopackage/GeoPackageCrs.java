package org.qiluvalley.planner.geopackage;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.qiluvalley.planner.geo.CrsTransform;

/**
 * The SRSs a layer may be read in. In a GeoPackage x is always the easting or the longitude and y the northing or
 * the latitude, whatever axis order the SRS's definition gives, so EPSG:4326 and CRS84 layers hold the same
 * (longitude, latitude) coordinates; like the rest of the service, both are taken to be on the CGCS2000 datum (they
 * differ from it by centimetres).
 */
public enum GeoPackageCrs {
    /** CGCS2000 / 3-degree Gauss-Kruger CM 117E, x easting, y northing, metres: the service's planar CRS. */
    EPSG_4548("EPSG:4548", CrsTransform.PLANAR),
    /** WGS 84 geographic, x longitude, y latitude, degrees. */
    EPSG_4326("EPSG:4326", CrsTransform.CRS84),
    /** OGC CRS84, x longitude, y latitude, degrees. */
    CRS84("OGC:CRS84", CrsTransform.CRS84);

    private final String code;
    private final GeometryFactory factory;

    GeoPackageCrs(String code, GeometryFactory factory) {
        this.code = code;
        this.factory = factory;
    }

    /** E.g. {@code EPSG:4548}. */
    public String code() {
        return code;
    }

    /** True for the longitude/latitude SRSs. */
    public boolean lonLat() {
        return this != EPSG_4548;
    }

    /** The factory of geometries as stored in a layer of this SRS: SRID 4548, or 4326 for longitude/latitude. */
    GeometryFactory factory() {
        return factory;
    }

    /** A geometry as stored in a layer of this SRS (from {@link #factory()}), in EPSG:4548 (SRID 4548). */
    public Geometry toPlanar(Geometry stored) {
        if (this == EPSG_4548) {
            return stored;
        }
        // CrsTransform gives an empty geometry back with its CRS84 factory and SRID: make an empty one here.
        return stored.isEmpty() ? emptyPlanar(stored) : CrsTransform.toPlanar(stored);
    }

    private static Geometry emptyPlanar(Geometry like) {
        GeometryFactory planar = CrsTransform.PLANAR;
        return switch (like.getGeometryType()) {
            case Geometry.TYPENAME_POINT -> planar.createPoint();
            case Geometry.TYPENAME_LINESTRING, Geometry.TYPENAME_LINEARRING -> planar.createLineString();
            case Geometry.TYPENAME_POLYGON -> planar.createPolygon();
            case Geometry.TYPENAME_MULTIPOINT -> planar.createMultiPoint();
            case Geometry.TYPENAME_MULTILINESTRING -> planar.createMultiLineString();
            case Geometry.TYPENAME_MULTIPOLYGON -> planar.createMultiPolygon();
            default -> planar.createGeometryCollection();
        };
    }

    /** The authority code that ends a WKT 1 or WKT 2 definition: the code of the CRS itself. */
    private static final Pattern ROOT_AUTHORITY = Pattern.compile(
            ".*(?:AUTHORITY|ID)\\[\"([A-Za-z]+)\",\"?([0-9A-Za-z]+)\"?\\]\\]$");

    /**
     * The SRS a {@code gpkg_spatial_ref_sys} row describes, if one of these: by {@code organization} and
     * {@code organization_coordsys_id} (EPSG 4548, EPSG 4326, OGC 84); else by the authority code that ends the
     * definition ({@code AUTHORITY["EPSG","4548"]}, {@code ID["OGC","CRS84"]}, ...); else, as GDAL 3.6 writes
     * {@code OGC:CRS84} (organization NONE and no authority code), a definition of WGS 84 geographic coordinates in
     * degrees is CRS84.
     */
    static Optional<GeoPackageCrs> of(String organization, long coordsysId, String definition) {
        Optional<GeoPackageCrs> byCode = byCode(organization, organization == null ? "" : Long.toString(coordsysId));
        if (byCode.isPresent()) {
            return byCode;
        }
        String wkt = definition == null ? "" : definition.replaceAll("\\s+", "");
        Matcher root = ROOT_AUTHORITY.matcher(wkt);
        if (root.matches()) {
            return byCode(root.group(1), root.group(2));
        }
        return isWgs84Geographic(wkt) ? Optional.of(CRS84) : Optional.empty();
    }

    private static Optional<GeoPackageCrs> byCode(String organization, String code) {
        String org = organization == null ? "" : organization.trim().toUpperCase(Locale.ROOT);
        return switch (org + ":" + code.toUpperCase(Locale.ROOT)) {
            case "EPSG:4548" -> Optional.of(EPSG_4548);
            case "EPSG:4326" -> Optional.of(EPSG_4326);
            case "OGC:84", "OGC:CRS84" -> Optional.of(CRS84);
            default -> Optional.empty();
        };
    }

    /** A WKT 1 or WKT 2 geographic 2D CRS on the WGS 84 datum in degrees (whitespace removed). */
    private static boolean isWgs84Geographic(String wkt) {
        boolean geographic = wkt.startsWith("GEOGCS[") || wkt.startsWith("GEOGCRS[") || wkt.startsWith("GEODCRS[");
        boolean wgs84 = wkt.contains("DATUM[\"WGS_1984\"") || wkt.contains("\"WorldGeodeticSystem1984");
        boolean degrees = wkt.contains("UNIT[\"degree\",0.01745329251994");
        boolean shifted = wkt.contains("TOWGS84[") && !wkt.contains("TOWGS84[0,0,0,0,0,0,0]");
        return geographic && wgs84 && degrees && !shifted && !wkt.contains("CS[ellipsoidal,3]");
    }

    @Override
    public String toString() {
        return code;
    }
}
