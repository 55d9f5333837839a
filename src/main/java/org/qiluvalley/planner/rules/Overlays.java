package org.qiluvalley.planner.rules;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Overlay operations for the rules, through JTS's OverlayNG: it clips the larger input to the smaller one's
 * envelope, so intersecting a site with a whole zone or control line costs what the site costs, and it is robust
 * (snapping fallback) where the classic overlay can fail on nearly coincident edges.
 */
final class Overlays {

    private Overlays() {
    }

    /**
     * True when {@code overlap} is only a strip thinner than the register's grid can leave: outlines on the 0.01 m
     * grid ({@code geo/CadastralPrecision}) move a vertex up to 7.1 mm, so a parcel drawn along a road's red line or a
     * neighbour's edge may cross it by a few millimetres along its whole length, which on a 200 m edge is more area
     * than the overlap tolerance. Such a strip disappears when shrunk by {@value #GRID_NOISE_HALF_WIDTH_METRES} m;
     * a real overlap does not. Called only once an overlap is over the area tolerance, so checks that find none
     * pay nothing.
     */
    static boolean isGridNoise(Geometry overlap) {
        return overlap.buffer(-GRID_NOISE_HALF_WIDTH_METRES).isEmpty();
    }

    /** Half the width of the widest strip grid rounding can leave (2 x 7.1 mm, rounded up), metres. */
    static final double GRID_NOISE_HALF_WIDTH_METRES = 0.0075;

    static Geometry intersection(Geometry a, Geometry b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.getFactory().createPolygon();
        }
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
    }

    static Geometry difference(Geometry a, Geometry b) {
        if (a.isEmpty()) {
            return a.getFactory().createPolygon();
        }
        if (b.isEmpty()) {
            return a;
        }
        return polygonal(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE));
    }

    /**
     * The polygons of an overlay result. Area overlays can yield collapsed lines or points beside the polygons
     * (a GeometryCollection), which are no area to measure and which OverlayNG refuses as the next input.
     */
    static Geometry polygonal(Geometry result) {
        if (result instanceof org.locationtech.jts.geom.Polygon || result instanceof org.locationtech.jts.geom.MultiPolygon) {
            return result;
        }
        // JTS's extracter returns a raw List; every element it adds is a Polygon.
        @SuppressWarnings("unchecked")
        java.util.List<org.locationtech.jts.geom.Polygon> polygons =
                org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(result);
        return polygons.isEmpty() ? result.getFactory().createPolygon() : result.getFactory().buildGeometry(polygons);
    }

    /**
     * The part of a (multi)polygon inside a rectangle: only the parts whose envelope meets the rectangle are
     * overlaid, so clipping a 30-part zone to a site's surroundings costs a part or two.
     */
    static Geometry clip(Geometry polygonal, org.locationtech.jts.geom.Envelope rectangle) {
        Geometry box = polygonal.getFactory().toGeometry(rectangle);
        java.util.List<Geometry> pieces = new java.util.ArrayList<>();
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            Geometry part = polygonal.getGeometryN(i);
            if (!part.getEnvelopeInternal().intersects(rectangle)) {
                continue;
            }
            Geometry piece = rectangle.covers(part.getEnvelopeInternal()) ? part : intersection(part, box);
            for (int k = 0; k < piece.getNumGeometries(); k++) {
                if (piece.getGeometryN(k) instanceof org.locationtech.jts.geom.Polygon polygon && !polygon.isEmpty()) {
                    pieces.add(polygon);
                }
            }
        }
        // An empty collection would be a GeometryCollection, which OverlayNG refuses as input.
        return pieces.isEmpty() ? polygonal.getFactory().createPolygon() : polygonal.getFactory().buildGeometry(pieces);
    }
}
