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

    static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    }

    static Geometry difference(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE);
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
        return polygonal.getFactory().buildGeometry(pieces);
    }
}
