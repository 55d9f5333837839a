package org.qiluvalley.planner.filter;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.geo.Crs;

/**
 * The CRS of the geometry literals of a filter ({@code filter-crs} of OGC API Features Part 3), and how they reach
 * one of the two CRSs the stores keep every geometry in: CRS84 (the {@code geom_crs84} columns, SRID 4326) or
 * EPSG:4548 (the {@code geom} columns, SRID 4548). A spatial predicate is evaluated in the target CRS, against the
 * column kept in it.
 *
 * <p>Axis order: coordinates are read as (x, y) in the order written. For CRS84 that is longitude, latitude. The
 * built-in {@link #EPSG_4548} reads easting, northing, the order of the stores and {@link Crs}; the OGC API's
 * {@code filter-crs} follows the EPSG definition instead (northing first), through a {@link #of} CRS that swaps the
 * axes (see {@code features.ItemsParameters#filterCrs}).
 *
 * <p>Another CRS is added with {@link #of}: its literals are read in its own coordinates and passed through
 * {@code toTarget}, which returns the geometry in the target CRS (e.g. EPSG:4490 or EPSG:3857 to CRS84). A BBOX is
 * turned into the polygon of its four corners before the transform.
 *
 * @param uri the CRS's URI, as a client names it in {@code filter-crs}
 * @param target the stored CRS the literals are compared in
 * @param toTarget from the CRS's coordinates to the target's; the identity for the two built-in CRSs
 */
public record FilterCrs(String uri, Target target, UnaryOperator<Geometry> toTarget) {

    /** The stored CRSs a spatial predicate can be evaluated in. */
    public enum Target {
        /** Longitude, latitude in degrees; the {@code geom_crs84} columns. */
        CRS84(Crs.CRS84_SRID, "geom_crs84"),
        /** EPSG:4548, easting, northing in metres; the {@code geom} columns. */
        PLANAR(Crs.PLANAR_SRID, "geom");

        private final int srid;
        private final String column;

        Target(int srid, String column) {
            this.srid = srid;
            this.column = column;
        }

        public int srid() {
            return srid;
        }

        /** The geometry column of every park table kept in this CRS. */
        String column() {
            return column;
        }

        static Target ofSrid(int srid) {
            for (Target target : values()) {
                if (target.srid == srid) {
                    return target;
                }
            }
            throw new IllegalArgumentException("no stored CRS has SRID " + srid);
        }
    }

    /** The default of {@code filter-crs}: {@code http://www.opengis.net/def/crs/OGC/1.3/CRS84}. */
    public static final FilterCrs CRS84 = new FilterCrs(Crs.CRS84_URI, Target.CRS84, UnaryOperator.identity());

    /** {@code http://www.opengis.net/def/crs/EPSG/0/4548}: easting, northing in metres (see the axis order above). */
    public static final FilterCrs EPSG_4548 = new FilterCrs(Crs.PLANAR_URI, Target.PLANAR, UnaryOperator.identity());

    public FilterCrs {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(toTarget, "toTarget");
    }

    /** A CRS whose literals {@code toTarget} transforms into {@code target}. */
    public static FilterCrs of(String uri, Target target, UnaryOperator<Geometry> toTarget) {
        return new FilterCrs(uri, target, toTarget);
    }

    /** One of the two built-in CRSs by its URI; empty for any other. */
    public static Optional<FilterCrs> builtIn(String uri) {
        if (CRS84.uri.equals(uri)) {
            return Optional.of(CRS84);
        }
        if (EPSG_4548.uri.equals(uri)) {
            return Optional.of(EPSG_4548);
        }
        return Optional.empty();
    }
}
