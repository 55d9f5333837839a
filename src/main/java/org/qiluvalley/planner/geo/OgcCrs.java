package org.qiluvalley.planner.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The coordinate reference systems the OGC API serves and reads coordinates in (OGC API Features Part 2, "CRS by
 * reference"), each with the axis order its definition gives. A geometry "in" one of these CRSs has its first
 * ordinate (JTS x) on the CRS's first axis:
 * <ul>
 * <li>CRS84: longitude, latitude (degrees; WGS 84, used as if on CGCS2000, see {@link Crs}).
 * <li>EPSG:4490, CGCS2000 geographic: latitude, longitude. CGCS2000 and WGS 84 differ by a few centimetres, below
 * what the park's data claims, so the numbers are CRS84's, swapped (PROJ also treats the two datums as equal
 * unless given a grid).
 * <li>EPSG:4548, CGCS2000 / 3-degree Gauss-Kruger CM 117E: northing, easting (metres), the planners' working CRS.
 * <li>EPSG:3857, WGS 84 / Pseudo-Mercator: easting, northing (metres), the web map's.
 * </ul>
 * Elsewhere in this code base (stores, rules, {@link CrsTransform}) EPSG:4548 geometries keep x = easting; only the
 * OGC API's wire format swaps them.
 */
public enum OgcCrs {

    CRS84(Crs.CRS84_URI, GeoJson.CRS84_DECIMALS, List.of("CRS84", "OGC:CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84")),
    CGCS2000("http://www.opengis.net/def/crs/EPSG/0/4490", GeoJson.CRS84_DECIMALS, List.of("EPSG:4490", "urn:ogc:def:crs:EPSG::4490")),
    CGCS2000_GK_CM_117E(Crs.PLANAR_URI, GeoJson.PLANAR_DECIMALS,
            List.of("EPSG:4548", "urn:ogc:def:crs:EPSG::4548")),
    WEB_MERCATOR("http://www.opengis.net/def/crs/EPSG/0/3857", GeoJson.PLANAR_DECIMALS,
            List.of("EPSG:3857", "urn:ogc:def:crs:EPSG::3857"));

    /** WGS 84 semi-major axis, the sphere's radius in Pseudo-Mercator (EPSG:3857), metres. */
    private static final double WEB_MERCATOR_RADIUS = 6_378_137.0;
    /** The latitude where Pseudo-Mercator's square world ends, degrees. */
    private static final double WEB_MERCATOR_MAX_LATITUDE = 85.05112877980659;
    /** Points per edge when a rectangle is carried into another CRS, where its edges may curve. */
    private static final int EDGE_POINTS = 32;

    private static final GeometryFactory UNTYPED = new GeometryFactory(new PrecisionModel(), 0);

    private final String uri;
    private final int decimals;
    private final List<String> otherNames;

    OgcCrs(String uri, int decimals, List<String> otherNames) {
        this.uri = uri;
        this.decimals = decimals;
        this.otherNames = otherNames;
    }

    /** Every CRS, in the order the API lists them; CRS84, the default, first. */
    public static final List<OgcCrs> ALL = List.of(values());

    /** The CRS the stores keep geometries in, from which the others are derived: EPSG:4548. */
    public static final OgcCrs STORAGE = CGCS2000_GK_CM_117E;

    /** By its OGC URI, its URN or {@code AUTHORITY:CODE}, with or without the angle brackets of a header. */
    public static Optional<OgcCrs> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String bare = name.strip();
        if (bare.startsWith("<") && bare.endsWith(">") && bare.length() > 2) {
            bare = bare.substring(1, bare.length() - 1).strip();
        }
        String wanted = bare;
        return Arrays.stream(values()).filter(c -> c.uri.equals(wanted) || c.otherNames.contains(wanted)).findFirst();
    }

    public String uri() {
        return uri;
    }

    /** The value of a {@code Content-Crs} header: the URI in angle brackets. */
    public String headerValue() {
        return "<" + uri + ">";
    }

    /** Decimals written: 8 for degrees (about 1 mm), 3 for metres (1 mm). */
    public int decimals() {
        return decimals;
    }

    /** True when the CRS's coordinates are degrees (then a bbox may cross the antimeridian). */
    public boolean geographic() {
        return this == CRS84 || this == CGCS2000;
    }

    /** A CRS84 geometry (x longitude, y latitude) in this CRS, in its axis order. */
    public Geometry fromCrs84(Geometry crs84) {
        return switch (this) {
            case CRS84 -> crs84;
            case CGCS2000 -> swapAxes(crs84);
            case CGCS2000_GK_CM_117E -> swapAxes(CrsTransform.toPlanar(crs84));
            case WEB_MERCATOR -> mapped(crs84, true);
        };
    }

    /** A geometry in this CRS, in its axis order, to CRS84 (x longitude, y latitude; SRID 4326). */
    public Geometry toCrs84(Geometry inThisCrs) {
        return switch (this) {
            case CRS84 -> CrsTransform.CRS84.createGeometry(inThisCrs);
            case CGCS2000 -> CrsTransform.CRS84.createGeometry(swapAxes(inThisCrs));
            case CGCS2000_GK_CM_117E -> CrsTransform.toCrs84(CrsTransform.PLANAR.createGeometry(swapAxes(inThisCrs)));
            case WEB_MERCATOR -> CrsTransform.CRS84.createGeometry(mapped(inThisCrs, false));
        };
    }

    /**
     * A geometry in this CRS, in its axis order, to EPSG:4548 with x easting and y northing (SRID 4548), as the
     * stores and rules keep it.
     */
    public Geometry toPlanar(Geometry inThisCrs) {
        return this == CGCS2000_GK_CM_117E ? CrsTransform.PLANAR.createGeometry(swapAxes(inThisCrs))
                : CrsTransform.toPlanar(toCrs84(inThisCrs));
    }

    /**
     * The rectangle with these corners on this CRS's first and second axes, as a CRS84 polygon. Its edges are
     * straight in this CRS, so in CRS84 they may curve: each edge is carried as {@value #EDGE_POINTS} points, which
     * keeps the polygon within millimetres of the true edge over the park's few kilometres.
     */
    public Polygon rectangleInCrs84(double minFirst, double minSecond, double maxFirst, double maxSecond) {
        Coordinate[] ring = new Coordinate[4 * EDGE_POINTS + 1];
        int i = 0;
        for (int k = 0; k < EDGE_POINTS; k++) {
            ring[i++] = new Coordinate(minFirst + (maxFirst - minFirst) * k / EDGE_POINTS, minSecond);
        }
        for (int k = 0; k < EDGE_POINTS; k++) {
            ring[i++] = new Coordinate(maxFirst, minSecond + (maxSecond - minSecond) * k / EDGE_POINTS);
        }
        for (int k = 0; k < EDGE_POINTS; k++) {
            ring[i++] = new Coordinate(maxFirst - (maxFirst - minFirst) * k / EDGE_POINTS, maxSecond);
        }
        for (int k = 0; k < EDGE_POINTS; k++) {
            ring[i++] = new Coordinate(minFirst, maxSecond - (maxSecond - minSecond) * k / EDGE_POINTS);
        }
        ring[i] = new Coordinate(ring[0]);
        return (Polygon) toCrs84(UNTYPED.createPolygon(ring));
    }

    private static Geometry swapAxes(Geometry geometry) {
        return apply(geometry, (x, y) -> new double[] {y, x});
    }

    /** Pseudo-Mercator's spherical formulas (EPSG method 1024), forward from or inverse to CRS84. */
    private static Geometry mapped(Geometry geometry, boolean forward) {
        return apply(geometry, (x, y) -> {
            if (forward) {
                double latitude = Math.max(-WEB_MERCATOR_MAX_LATITUDE, Math.min(WEB_MERCATOR_MAX_LATITUDE, y));
                return new double[] {WEB_MERCATOR_RADIUS * Math.toRadians(x),
                    WEB_MERCATOR_RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(latitude) / 2))};
            }
            return new double[] {Math.toDegrees(x / WEB_MERCATOR_RADIUS),
                Math.toDegrees(2 * Math.atan(Math.exp(y / WEB_MERCATOR_RADIUS)) - Math.PI / 2)};
        });
    }

    private interface OrdinateMap {
        double[] map(double x, double y);
    }

    private static Geometry apply(Geometry source, OrdinateMap map) {
        Geometry copy = source.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence sequence, int i) {
                double[] mapped = map.map(sequence.getX(i), sequence.getY(i));
                sequence.setOrdinate(i, 0, mapped[0]);
                sequence.setOrdinate(i, 1, mapped[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
