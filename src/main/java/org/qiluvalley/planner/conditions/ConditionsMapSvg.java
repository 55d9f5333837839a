package org.qiluvalley.planner.conditions;

import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.conditions.PlanningConditions.BoundaryPoint;
import org.qiluvalley.planner.conditions.PlanningConditions.MapContent;
import org.qiluvalley.planner.conditions.PlanningConditions.MapFeature;
import org.qiluvalley.planner.web.MarkupText;

/**
 * The letter's map as an inline SVG: the parcel's outline with its boundary points, the neighbouring parcels, the road
 * reserves, a north arrow and a scale bar. No script and no tiles, so it prints the same from a browser and from the
 * PDF renderer.
 *
 * <p>Input is planar EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E, metres): x is the easting, y the northing.
 * The SVG is drawn in a fixed {@value #WIDTH} x {@value #HEIGHT} user-unit canvas (so line widths and label sizes do
 * not depend on the parcel's size); a metre is {@code scale} units, the y axis is flipped (SVG's points down, northings
 * up), and coordinates are written relative to the frame's north-west corner with one decimal, which keeps the
 * document small.
 *
 * <p>The frame is the parcel's envelope grown by {@value #MARGIN} of its size on each side, then widened or heightened
 * to the canvas's 3:2 shape. Neighbours and roads are clipped to it (JTS overlay), so what lies outside costs nothing.
 *
 * <p>Only a small subset of SVG is written ({@code path} with M/L/Z, {@code rect}, {@code line}, {@code text}, and
 * presentation attributes): {@link MapSvgDrawer} draws exactly that subset into the PDF.
 */
final class ConditionsMapSvg {

    /** Canvas size, SVG user units (CSS pixels when shown at natural size). */
    static final int WIDTH = 720;
    static final int HEIGHT = 480;

    /** Fraction of the parcel's envelope added on each side. */
    private static final double MARGIN = 0.25;

    /** Scale bar lengths to choose from, metres: a 1-2-2.5-5 series. */
    private static final double[] ROUND_LENGTHS = {5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000};

    private final StringBuilder out = new StringBuilder(8192);
    private final Envelope frame;
    private final double scale;

    private ConditionsMapSvg(Envelope frame) {
        this.frame = frame;
        this.scale = WIDTH / frame.getWidth();
    }

    /**
     * The map of {@code map}, labelling the parcel's vertices with the names of {@code boundaryPoints} (the vertex
     * nearest to each point gets its name).
     */
    static String render(MapContent map, List<BoundaryPoint> boundaryPoints) {
        ConditionsMapSvg svg = new ConditionsMapSvg(frameAround(map.parcel().getEnvelopeInternal()));
        return svg.draw(map, boundaryPoints);
    }

    /** The parcel's envelope grown by the margin and fitted to the canvas's shape, metres. */
    static Envelope frameAround(Envelope parcel) {
        double side = Math.max(Math.max(parcel.getWidth(), parcel.getHeight()), 1.0);
        double width = parcel.getWidth() + 2 * MARGIN * side;
        double height = parcel.getHeight() + 2 * MARGIN * side;
        double canvasRatio = (double) WIDTH / HEIGHT;
        if (width / height < canvasRatio) {
            width = height * canvasRatio;
        } else {
            height = width / canvasRatio;
        }
        double centreX = (parcel.getMinX() + parcel.getMaxX()) / 2;
        double centreY = (parcel.getMinY() + parcel.getMaxY()) / 2;
        return new Envelope(centreX - width / 2, centreX + width / 2, centreY - height / 2, centreY + height / 2);
    }

    /**
     * A round scale bar length, metres: one between a quarter and a third of the frame's width when the series has
     * one, else the one nearest (on a log scale) to 0.29 of it.
     */
    static double scaleBarMetres(double frameWidthMetres) {
        double best = ROUND_LENGTHS[0];
        double bestDistance = Double.MAX_VALUE;
        for (double length : ROUND_LENGTHS) {
            double fraction = length / frameWidthMetres;
            if (fraction >= 0.25 && fraction <= 1.0 / 3) {
                return length;
            }
            double distance = Math.abs(Math.log(fraction / 0.29));
            if (distance < bestDistance) {
                best = length;
                bestDistance = distance;
            }
        }
        return best;
    }

    private String draw(MapContent map, List<BoundaryPoint> boundaryPoints) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"宗地图 Parcel map\"")
                .append(" font-family=\"Droid Sans Fallback, sans-serif\">");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\" stroke=\"none\"/>");
        Geometry frameGeometry = map.parcel().getFactory().toGeometry(frame);
        for (MapFeature road : map.roadReserves()) {
            Geometry clipped = clip(road.planar(), frameGeometry);
            if (!clipped.isEmpty()) {
                path(clipped, "fill=\"#d9d9d9\" stroke=\"#9e9e9e\" stroke-width=\"0.8\"");
            }
        }
        for (MapFeature neighbour : map.neighbours()) {
            Geometry clipped = clip(neighbour.planar(), frameGeometry);
            if (!clipped.isEmpty()) {
                path(clipped, "fill=\"none\" stroke=\"#555555\" stroke-width=\"0.8\"");
            }
        }
        path(map.parcel(), "fill=\"#fff4d6\" stroke=\"#c00000\" stroke-width=\"3\" stroke-linejoin=\"round\"");
        for (MapFeature road : map.roadReserves()) {
            label(road, frameGeometry, "#444444");
        }
        for (MapFeature neighbour : map.neighbours()) {
            label(neighbour, frameGeometry, "#333333");
        }
        boundaryPointLabels(map.parcel(), boundaryPoints);
        northArrow();
        scaleBar();
        out.append("<rect x=\"0.5\" y=\"0.5\" width=\"").append(WIDTH - 1).append("\" height=\"").append(HEIGHT - 1)
                .append("\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>");
        return out.append("</svg>").toString();
    }

    private static Geometry clip(Geometry planar, Geometry frameGeometry) {
        if (!planar.getEnvelopeInternal().intersects(frameGeometry.getEnvelopeInternal())) {
            return frameGeometry.getFactory().createEmpty(2);
        }
        return planar.intersection(frameGeometry);
    }

    /** Every polygon ring and line of {@code geometry} as one path; even-odd fill keeps holes open. */
    private void path(Geometry geometry, String style) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                ring(d, polygon.getExteriorRing(), true);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    ring(d, polygon.getInteriorRingN(h), true);
                }
            } else if (part instanceof LineString line) {
                ring(d, line, false);
            }
        }
        if (d.length() > 0) {
            out.append("<path d=\"").append(d.toString().trim()).append("\" fill-rule=\"evenodd\" ").append(style)
                    .append("/>");
        }
    }

    private void ring(StringBuilder d, LineString line, boolean closed) {
        Coordinate[] coordinates = line.getCoordinates();
        int count = closed ? coordinates.length - 1 : coordinates.length;
        for (int i = 0; i < count; i++) {
            d.append(i == 0 ? "M" : "L").append(number(x(coordinates[i].x))).append(' ')
                    .append(number(y(coordinates[i].y)));
        }
        if (closed) {
            d.append('Z');
        }
        d.append(' ');
    }

    private void label(MapFeature feature, Geometry frameGeometry, String colour) {
        if (feature.label() == null || feature.label().isBlank()) {
            return;
        }
        Geometry clipped = clip(feature.planar(), frameGeometry);
        if (clipped.isEmpty()) {
            return;
        }
        Point anchor = clipped.getInteriorPoint();
        text(x(anchor.getX()), y(anchor.getY()), feature.label(), 12, "middle", colour, false);
    }

    /** J1..Jn at the parcel's vertices, each pushed away from the parcel's centre so it sits outside the outline. */
    private void boundaryPointLabels(Polygon parcel, List<BoundaryPoint> points) {
        Point centre = parcel.getCentroid();
        for (BoundaryPoint point : points) {
            double px = x(point.easting());
            double py = y(point.northing());
            double dx = px - x(centre.getX());
            double dy = py - y(centre.getY());
            double length = Math.max(Math.hypot(dx, dy), 1e-9);
            out.append("<circle cx=\"").append(number(px)).append("\" cy=\"").append(number(py))
                    .append("\" r=\"3\" fill=\"#c00000\" stroke=\"none\"/>");
            text(px + 14 * dx / length, py + 14 * dy / length + 4, point.name(), 13, "middle", "#c00000", true);
        }
    }

    /** A north arrow in the top-right corner: the frame's y axis is grid north (EPSG:4548 has no rotation). */
    private void northArrow() {
        double cx = WIDTH - 34;
        out.append("<path d=\"M").append(number(cx)).append(" 16 L").append(number(cx + 10)).append(" 50 L")
                .append(number(cx)).append(" 42 L").append(number(cx - 10))
                .append(" 50 Z\" fill=\"#000000\" stroke=\"#000000\" stroke-width=\"1\"/>");
        text(cx, 66, "N 北", 13, "middle", "#000000", true);
    }

    /** A two-segment scale bar in the bottom-left corner, with a round length in metres. */
    private void scaleBar() {
        double metres = scaleBarMetres(frame.getWidth());
        double length = metres * scale;
        double x0 = 16;
        double y0 = HEIGHT - 22;
        out.append("<rect x=\"").append(number(x0 - 6)).append("\" y=\"").append(number(y0 - 22))
                .append("\" width=\"").append(number(length + 60)).append("\" height=\"36\" fill=\"#ffffff\" "
                        + "stroke=\"none\"/>");
        out.append("<rect x=\"").append(number(x0)).append("\" y=\"").append(number(y0)).append("\" width=\"")
                .append(number(length / 2)).append("\" height=\"6\" fill=\"#000000\" stroke=\"#000000\" "
                        + "stroke-width=\"1\"/>");
        out.append("<rect x=\"").append(number(x0 + length / 2)).append("\" y=\"").append(number(y0))
                .append("\" width=\"").append(number(length / 2)).append("\" height=\"6\" fill=\"#ffffff\" "
                        + "stroke=\"#000000\" stroke-width=\"1\"/>");
        text(x0, y0 - 5, "0", 11, "middle", "#000000", false);
        text(x0 + length, y0 - 5, String.format(Locale.ROOT, "%.0f m", metres), 11, "middle", "#000000", false);
    }

    private void text(double x, double y, String value, int size, String anchor, String colour, boolean bold) {
        out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" font-size=\"")
                .append(size).append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(colour)
                .append('"');
        if (bold) {
            out.append(" font-weight=\"bold\"");
        }
        out.append('>').append(MarkupText.escape(value)).append("</text>");
    }

    private double x(double easting) {
        return (easting - frame.getMinX()) * scale;
    }

    private double y(double northing) {
        return (frame.getMaxY() - northing) * scale;
    }

    /** One decimal, no trailing ".0", no "-0": canvas units are CSS pixels, a tenth is finer than print needs. */
    static String number(double value) {
        long tenths = Math.round(value * 10);
        if (tenths == 0) {
            return "0";
        }
        return tenths % 10 == 0 ? Long.toString(tenths / 10)
                : (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    }
}
