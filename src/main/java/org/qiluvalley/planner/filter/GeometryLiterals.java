package org.qiluvalley.planner.filter;

import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.qiluvalley.planner.errors.InvalidInputException;

/**
 * Builds the geometry literals of one filter, whichever encoding they came in: counts their positions against the
 * limit as they are read, brings them into the target CRS of {@link FilterCrs} and refuses what a database could
 * not compare reliably (non-finite or out-of-range coordinates, unclosed rings, invalid polygons: GEOS and JTS may
 * answer differently for those, or fail).
 */
final class GeometryLiterals {

    /** Geometries in the filter's own CRS, before the transform (no SRID yet). */
    private static final GeometryFactory SOURCE = new GeometryFactory();

    private final FilterCrs crs;
    private final FilterLimits limits;
    private int positions;

    GeometryLiterals(FilterCrs crs, FilterLimits limits) {
        this.crs = crs;
        this.limits = limits;
    }

    /** One position, x then y (an elevation, when given, is dropped: the predicates are two-dimensional). */
    Coordinate position(double x, double y) {
        limits.checkPositions(++positions);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new InvalidInputException("the coordinates of a geometry in the filter must be finite numbers");
        }
        return new Coordinate(x, y);
    }

    Point point(Coordinate position) {
        return SOURCE.createPoint(position);
    }

    LineString lineString(List<Coordinate> positions) {
        if (positions.size() < 2) {
            throw new InvalidInputException("a line string in the filter needs at least 2 positions");
        }
        return SOURCE.createLineString(positions.toArray(Coordinate[]::new));
    }

    Polygon polygon(List<List<Coordinate>> rings) {
        if (rings.isEmpty()) {
            throw new InvalidInputException("a polygon in the filter needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return SOURCE.createPolygon(shell, holes);
    }

    private LinearRing ring(List<Coordinate> positions) {
        if (positions.size() < 4) {
            throw new InvalidInputException("a polygon's ring in the filter needs at least 4 positions");
        }
        if (!positions.get(0).equals2D(positions.get(positions.size() - 1))) {
            throw new InvalidInputException("a polygon's ring in the filter is not closed (its first and last "
                    + "positions differ)");
        }
        return SOURCE.createLinearRing(positions.toArray(Coordinate[]::new));
    }

    Geometry multiPoint(List<Point> points) {
        if (points.isEmpty()) {
            throw new InvalidInputException("a multi-point in the filter needs at least one point");
        }
        return SOURCE.createMultiPoint(points.toArray(Point[]::new));
    }

    Geometry multiLineString(List<LineString> lines) {
        if (lines.isEmpty()) {
            throw new InvalidInputException("a multi-line string in the filter needs at least one line");
        }
        return SOURCE.createMultiLineString(lines.toArray(LineString[]::new));
    }

    Geometry multiPolygon(List<Polygon> polygons) {
        if (polygons.isEmpty()) {
            throw new InvalidInputException("a multi-polygon in the filter needs at least one polygon");
        }
        return SOURCE.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /**
     * A BBOX of 4 numbers (minimum x, minimum y, maximum x, maximum y) or 6 (with the minimum and maximum
     * elevation third and sixth, ignored), as the rectangle it bounds.
     */
    Geometry bbox(double[] values) {
        if (values.length != 4 && values.length != 6) {
            throw new InvalidInputException("a BBOX has 4 or 6 numbers");
        }
        int half = values.length / 2;
        Coordinate min = position(values[0], values[1]);
        Coordinate max = position(values[half], values[half + 1]);
        if (min.x > max.x) {
            throw new InvalidInputException("a BBOX's first x is greater than its second (a BBOX across the "
                    + "antimeridian is not supported)");
        }
        if (min.y > max.y) {
            throw new InvalidInputException("a BBOX's first y is greater than its second");
        }
        return SOURCE.toGeometry(new Envelope(min, max));
    }

    /** The literal in the target CRS, checked. */
    Operand.GeometryLiteral literal(Geometry source) {
        Geometry target = crs.toTarget().apply(source);
        if (target == null) {
            throw new InvalidInputException("a geometry in the filter cannot be transformed from " + crs.uri());
        }
        int srid = crs.target().srid();
        if (target == source) {
            target = source.copy();
        }
        target.setSRID(srid);
        for (Coordinate c : target.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new InvalidInputException("a geometry in the filter is outside the area of " + crs.uri());
            }
            if (crs.target() == FilterCrs.Target.CRS84 && (Math.abs(c.x) > 180 || Math.abs(c.y) > 90)) {
                throw new InvalidInputException("a geometry in the filter is outside longitude -180..180 and "
                        + "latitude -90..90");
            }
        }
        TopologyValidationError error = new IsValidOp(target).getValidationError();
        if (error != null) {
            throw new InvalidInputException("a geometry in the filter is not valid: " + error.getMessage());
        }
        return new Operand.GeometryLiteral(target);
    }
}
