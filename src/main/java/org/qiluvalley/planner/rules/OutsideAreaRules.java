package org.qiluvalley.planner.rules;

import org.locationtech.jts.geom.Geometry;

/** Shared arithmetic of "must lie inside" rules: the part of a site outside an area, with a tolerance. */
final class OutsideAreaRules {

    private OutsideAreaRules() {
    }

    /**
     * The part of {@code site} outside {@code area}, or null when what sticks out is only edge noise: nothing beyond
     * {@code toleranceMetres} of the area (vertex snapping, rounding of stored coordinates) and no more than
     * {@code toleranceM2}. The tolerance decides whether there is a finding; the part reported is the whole part
     * outside, measured exactly. EPSG:4548.
     */
    static Geometry outside(Geometry site, Geometry area, double toleranceMetres, double toleranceM2) {
        Geometry beyondTolerance = site.difference(toleranceMetres > 0 ? area.buffer(toleranceMetres) : area);
        if (beyondTolerance.getArea() <= toleranceM2) {
            return null;
        }
        return site.difference(area);
    }
}
