package org.qiluvalley.planner.sites;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.conditions.PlanningConditions;

/**
 * The picture a shared link previews with (Open Graph {@code og:image}, 1200 x 630 px PNG): the site in the park's red
 * among its neighbouring parcels and road reserves, drawn with Java2D from the letter's map content (EPSG:4548,
 * north up, one scale for x and y). No text: the link's title and description carry the words.
 */
final class SiteThumbnail {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    /** Room around the site, as a fraction of its larger side: enough to show what it borders. */
    private static final double MARGIN = 0.6;
    private static final Color PAPER = new Color(0xEE, 0xF1, 0xEC);
    private static final Color ROAD = new Color(0xD9, 0xDC, 0xE0);
    private static final Color NEIGHBOUR = new Color(0xFF, 0xFF, 0xFF);
    private static final Color NEIGHBOUR_EDGE = new Color(0x9A, 0xA3, 0xAD);
    private static final Color SITE = new Color(0xC2, 0x27, 0x3B);

    private SiteThumbnail() {
    }

    static byte[] png(PlanningConditions.MapContent map) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            AffineTransform toPixels = frame(map.parcel().getEnvelopeInternal());
            for (PlanningConditions.MapFeature road : map.roadReserves()) {
                fill(g, toPixels, road.planar(), ROAD, null, 0);
            }
            for (PlanningConditions.MapFeature neighbour : map.neighbours()) {
                fill(g, toPixels, neighbour.planar(), NEIGHBOUR, NEIGHBOUR_EDGE, 2f);
            }
            fill(g, toPixels, map.parcel(), new Color(SITE.getRed(), SITE.getGreen(), SITE.getBlue(), 150), SITE, 6f);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Metres to pixels: the site and its margin centred, y flipped (north up). */
    private static AffineTransform frame(Envelope site) {
        Envelope shown = new Envelope(site);
        shown.expandBy(Math.max(site.getWidth(), site.getHeight()) * MARGIN);
        double scale = Math.min(WIDTH / shown.getWidth(), HEIGHT / shown.getHeight());
        AffineTransform t = new AffineTransform();
        t.translate(WIDTH / 2.0, HEIGHT / 2.0);
        t.scale(scale, -scale);
        t.translate(-shown.centre().x, -shown.centre().y);
        return t;
    }

    private static void fill(Graphics2D g, AffineTransform toPixels, Geometry planar, Color fill, Color edge,
            float width) {
        for (int i = 0; i < planar.getNumGeometries(); i++) {
            Geometry part = planar.getGeometryN(i);
            if (!(part instanceof Polygon polygon)) {
                continue;
            }
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            ring(path, polygon.getExteriorRing());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                ring(path, polygon.getInteriorRingN(h));
            }
            java.awt.Shape shape = toPixels.createTransformedShape(path);
            g.setColor(fill);
            g.fill(shape);
            if (edge != null) {
                g.setColor(edge);
                g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
            }
        }
    }

    private static void ring(Path2D.Double path, LineString ring) {
        Coordinate[] points = ring.getCoordinates();
        path.moveTo(points[0].x, points[0].y);
        for (int i = 1; i < points.length; i++) {
            path.lineTo(points[i].x, points[i].y);
        }
        path.closePath();
    }
}
