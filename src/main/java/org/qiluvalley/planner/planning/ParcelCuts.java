package org.qiluvalley.planner.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.geo.CadastralPrecision;
import org.qiluvalley.planner.geo.CrsTransform;

/**
 * The geometry of a split, in EPSG:4548 metres: a parcel cut by a line, or checked against the parts a client drew,
 * giving parts that tile the parent exactly with every vertex on the register's 0.01 m grid
 * ({@link CadastralPrecision}).
 *
 * <p>Why the cut points need care: where a cut meets the parent's edge, the exact crossing point is almost never on
 * the 0.01 m grid, and rounding it moves it off the edge: the parts then gain or lose a thin triangle against the
 * parent (up to a third of a square metre on a 100 m edge). So a cut point is placed on a grid point next to the
 * crossing whose triangle with the edge is at most a few square centimetres (integer arithmetic in centimetres:
 * such points lie every few decimetres along any edge), and the parts' areas sum to the parent's within 0.01 m².
 */
final class ParcelCuts {

    /** How far the parts' total area may differ from the parent's, m². */
    static final double AREA_SUM_TOLERANCE_M2 = 0.01;
    /** How far along the edge a cut point may move to find a grid point, metres. */
    private static final double MAX_SHIFT_METRES = 10;
    /** A vertex closer than this to the parent's boundary is on it (a cut point), metres. */
    private static final double ON_BOUNDARY_METRES = 0.05;

    private ParcelCuts() {
    }

    /**
     * The parcel cut by {@code line} into two or more parts, north-west first.
     *
     * @throws InvalidInputException when the line does not cut the parcel in two
     */
    static List<Polygon> byLine(Polygon parent, LineString line) {
        Geometry noded = parent.getBoundary().union(line);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        List<Polygon> pieces = new ArrayList<>();
        for (Object o : polygonizer.getPolygons()) {
            Polygon piece = (Polygon) o;
            if (piece.getArea() > 0 && parent.contains(piece.getInteriorPoint())) {
                pieces.add(piece);
            }
        }
        if (pieces.size() < 2) {
            throw new InvalidInputException("the line does not cut the parcel in two: it must cross it from one "
                    + "edge to another (a line that stays inside, only touches it or misses it cuts nothing)");
        }
        return onGrid(parent, pieces);
    }

    /**
     * The parts a client drew, on the grid, checked to tile the parent: no gap, no overlap and nothing outside it
     * beyond {@value #AREA_SUM_TOLERANCE_M2} m² in all.
     *
     * @throws InvalidInputException when they do not, saying by how much and where
     */
    static List<Polygon> byParts(Polygon parent, List<Polygon> parts) {
        if (parts.size() < 2) {
            throw new InvalidInputException("parts must list at least two polygons");
        }
        List<Polygon> snapped = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Polygon part = parts.get(i);
            if (!part.isValid()) {
                throw new InvalidInputException("parts[" + i + "] is not a valid polygon (it crosses itself?)");
            }
            snapped.add(CadastralPrecision.snap(part));
        }
        List<Polygon> onGrid = onGrid(parent, snapped);
        Geometry union = CrsTransform.PLANAR.buildGeometry(onGrid).union();
        double gap = parent.difference(union).getArea();
        double outside = union.difference(parent).getArea();
        double overlap = onGrid.stream().mapToDouble(Polygon::getArea).sum() - union.getArea();
        if (gap + outside + overlap > AREA_SUM_TOLERANCE_M2) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "the parts do not tile the parcel "
                    + "exactly: %.2f m² of it is in no part, %.2f m² of the parts lies outside it and %.2f m² is in "
                    + "two parts (at most %.2f m² in all); draw them from the parcel's own vertices (read it with "
                    + "crs=EPSG:4548) or split it with a line", gap, outside, overlap, AREA_SUM_TOLERANCE_M2));
        }
        return onGrid;
    }

    /**
     * The pieces with every vertex on the grid: a vertex on the parent's boundary that is not one of its vertices (a
     * cut point) goes to a grid point on, or within a few square centimetres of, the edge; any other vertex to the
     * nearest grid point. The same input vertex maps to the same output in every piece, so neighbours stay exact.
     */
    private static List<Polygon> onGrid(Polygon parent, List<Polygon> pieces) {
        Map<Coordinate, Coordinate> moved = new HashMap<>();
        List<Coordinate> cuts = new ArrayList<>();
        Coordinate[] ring = parent.getExteriorRing().getCoordinates();
        for (Polygon piece : pieces) {
            for (Coordinate c : piece.getCoordinates()) {
                Coordinate key = new Coordinate(c.x, c.y);
                if (moved.containsKey(key)) {
                    continue;
                }
                Coordinate rounded = new Coordinate(CadastralPrecision.CENTIMETRES.makePrecise(c.x),
                        CadastralPrecision.CENTIMETRES.makePrecise(c.y));
                moved.put(key, rounded);
                if (!isVertex(ring, rounded) && onBoundary(ring, c)) {
                    cuts.add(key);
                }
            }
        }
        if (!cuts.isEmpty()) {
            // Each cut point may add a triangle; together they stay under the tolerance.
            long budget = Math.max(1, (long) Math.floor(AREA_SUM_TOLERANCE_M2 * 0.9 * 2 * 10_000 / cuts.size()));
            for (Coordinate cut : cuts) {
                moved.put(cut, gridPointOnEdge(ring, cut, budget));
            }
        }
        List<Polygon> result = new ArrayList<>();
        for (Polygon piece : pieces) {
            Polygon mapped = map(piece, moved);
            if (!mapped.isValid() || mapped.getArea() <= 0) {
                throw new InvalidInputException("a part would be degenerate on the register's 0.01 m grid: draw the "
                        + "cut further from the parcel's corners");
            }
            result.add(mapped);
        }
        double sum = result.stream().mapToDouble(Polygon::getArea).sum();
        if (Math.abs(sum - parent.getArea()) > AREA_SUM_TOLERANCE_M2) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "the parts' areas sum to %.2f m², "
                    + "not the parcel's %.2f m²: they do not tile it exactly", sum, parent.getArea()));
        }
        result.sort(NORTH_WEST_FIRST);
        return result;
    }

    /** Parts in reading order on a north-up map: the northern first, then the western. */
    static final Comparator<Polygon> NORTH_WEST_FIRST = Comparator
            .comparingDouble((Polygon p) -> -Math.round(p.getInteriorPoint().getY()))
            .thenComparingDouble(p -> p.getInteriorPoint().getX());

    private static boolean isVertex(Coordinate[] ring, Coordinate c) {
        for (Coordinate v : ring) {
            if (v.equals2D(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onBoundary(Coordinate[] ring, Coordinate c) {
        return edgeNear(ring, c) >= 0;
    }

    /** The index of the ring's edge within {@link #ON_BOUNDARY_METRES} of {@code c}, or -1. */
    private static int edgeNear(Coordinate[] ring, Coordinate c) {
        int best = -1;
        double bestDistance = ON_BOUNDARY_METRES;
        for (int i = 0; i + 1 < ring.length; i++) {
            double d = org.locationtech.jts.algorithm.Distance.pointToSegment(c, ring[i], ring[i + 1]);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * A grid point near {@code cut} along its edge AB whose triangle with A and B has twice its area (the cross
     * product, in cm²) at most {@code budget}: walking out from the crossing half a centimetre at a time, the first
     * such point, strictly between A and B.
     */
    private static Coordinate gridPointOnEdge(Coordinate[] ring, Coordinate cut, long budget) {
        int i = edgeNear(ring, cut);
        long ax = cm(ring[i].x), ay = cm(ring[i].y), bx = cm(ring[i + 1].x), by = cm(ring[i + 1].y);
        long dx = bx - ax, dy = by - ay;
        double length = Math.hypot(dx, dy);
        double ux = dx / length, uy = dy / length;
        double px = cut.x * 100, py = cut.y * 100;
        int steps = (int) (MAX_SHIFT_METRES * 100 * 2);
        for (int k = 0; k <= steps; k++) {
            for (int sign : new int[] {1, -1}) {
                long qx0 = Math.round(px + sign * k * 0.5 * ux), qy0 = Math.round(py + sign * k * 0.5 * uy);
                long bestCross = Long.MAX_VALUE;
                long[] best = null;
                for (long ox = -1; ox <= 1; ox++) {
                    for (long oy = -1; oy <= 1; oy++) {
                        long qx = qx0 + ox, qy = qy0 + oy;
                        long cross = Math.abs(dx * (qy - ay) - dy * (qx - ax));
                        long along = (qx - ax) * dx + (qy - ay) * dy;
                        if (cross <= budget && cross < bestCross && along > 0 && along < dx * dx + dy * dy) {
                            bestCross = cross;
                            best = new long[] {qx, qy};
                        }
                    }
                }
                if (best != null) {
                    return new Coordinate(best[0] / 100.0, best[1] / 100.0);
                }
            }
        }
        throw new InvalidInputException("no point of the register's 0.01 m grid lies on the parcel's edge within "
                + MAX_SHIFT_METRES + " m of where the cut crosses it: move the cut");
    }

    private static long cm(double metres) {
        return Math.round(metres * 100);
    }

    private static Polygon map(Polygon piece, Map<Coordinate, Coordinate> moved) {
        LinearRing shell = ring(piece.getExteriorRing().getCoordinates(), moved);
        LinearRing[] holes = new LinearRing[piece.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(piece.getInteriorRingN(i).getCoordinates(), moved);
        }
        Polygon polygon = CrsTransform.PLANAR.createPolygon(shell, holes);
        return (Polygon) polygon.norm();
    }

    private static LinearRing ring(Coordinate[] coordinates, Map<Coordinate, Coordinate> moved) {
        List<Coordinate> out = new ArrayList<>();
        for (Coordinate c : coordinates) {
            Coordinate m = moved.get(new Coordinate(c.x, c.y));
            if (out.isEmpty() || !out.get(out.size() - 1).equals2D(m)) {
                out.add(new Coordinate(m));
            }
        }
        if (!out.get(0).equals2D(out.get(out.size() - 1))) {
            out.add(new Coordinate(out.get(0)));
        }
        if (out.size() < 4) {
            throw new InvalidInputException("a part would collapse on the register's 0.01 m grid: it is too thin");
        }
        return CrsTransform.PLANAR.createLinearRing(out.toArray(Coordinate[]::new));
    }

}
