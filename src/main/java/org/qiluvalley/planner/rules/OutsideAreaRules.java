package org.qiluvalley.planner.rules;

import org.locationtech.jts.geom.Geometry;

/** Shared arithmetic of "must lie inside" rules: the part of a site outside an area, with a tolerance. */
final class OutsideAreaRules {

    private OutsideAreaRules() {
    }

    /**
     * The part of {@code site} outside {@code area}, or null when what sticks out is only edge noise: no more than
     * {@code toleranceM2} in all, or nothing wider than twice {@code toleranceMetres} (vertex snapping, rounding of
     * stored coordinates). The part reported is the whole part outside, measured exactly. EPSG:4548.
     *
     * <p>The container is never buffered: that would cost a buffer of a whole zone per check. The difference is
     * clipped to the site's envelope by JTS's overlay, so its cost follows the site, not the zone.
     */
    static Geometry outside(Geometry site, Geometry area, double toleranceMetres, double toleranceM2) {
        Geometry outside = Overlays.difference(site, area);
        if (outside.getArea() <= toleranceM2 || outside.buffer(-toleranceMetres).isEmpty()) {
            return null;
        }
        return outside;
    }
}
