package org.qiluvalley.planner.conditions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * The boundary-point table (界址点坐标表) of an outline in EPSG:4548: its vertices clockwise on a north-up map,
 * starting from the one nearest the north-west corner of its extent, named J1, J2, ..., with northing (X) and easting
 * (Y) to 0.01 m as Chinese cadastral tables write them. Stored outlines are on the 0.01 m grid
 * ({@code geo/CadastralPrecision}), so the shoelace area of the table is the parcel's area.
 */
final class BoundaryPoints {

    private BoundaryPoints() {
    }

    /** The exterior ring's points; the closing point (J1 again) is not repeated. */
    static List<PlanningConditions.BoundaryPoint> of(Polygon planar) {
        Coordinate[] ring = planar.getExteriorRing().getCoordinates();
        Coordinate[] open = Arrays.copyOf(ring, ring.length - 1);
        if (Orientation.isCCW(ring)) {
            // x is easting and y northing: counter-clockwise in that plane is counter-clockwise on the map.
            List<Coordinate> reversed = new ArrayList<>(Arrays.asList(open));
            java.util.Collections.reverse(reversed);
            open = reversed.toArray(Coordinate[]::new);
        }
        Envelope extent = planar.getEnvelopeInternal();
        int start = 0;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < open.length; i++) {
            double d = Math.hypot(open[i].x - extent.getMinX(), open[i].y - extent.getMaxY());
            if (d < best) {
                best = d;
                start = i;
            }
        }
        List<PlanningConditions.BoundaryPoint> points = new ArrayList<>();
        for (int k = 0; k < open.length; k++) {
            Coordinate c = open[(start + k) % open.length];
            points.add(new PlanningConditions.BoundaryPoint("J" + (k + 1), centimetres(c.y), centimetres(c.x)));
        }
        return points;
    }

    /** The shoelace area of a table, m² (absolute value): what a reader of the letter computes from it. */
    static double shoelaceArea(List<PlanningConditions.BoundaryPoint> points) {
        double twice = 0;
        PlanningConditions.BoundaryPoint origin = points.get(0);
        for (int i = 0; i < points.size(); i++) {
            PlanningConditions.BoundaryPoint a = points.get(i);
            PlanningConditions.BoundaryPoint b = points.get((i + 1) % points.size());
            // Relative to the first point: products of 4,000,000 m northings would lose the centimetres.
            twice += (a.easting() - origin.easting()) * (b.northing() - origin.northing())
                    - (b.easting() - origin.easting()) * (a.northing() - origin.northing());
        }
        return Math.abs(twice) / 2;
    }

    private static double centimetres(double metres) {
        return Math.round(metres * 100) / 100.0;
    }
}
