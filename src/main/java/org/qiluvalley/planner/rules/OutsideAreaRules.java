package org.qiluvalley.planner.rules;

import org.locationtech.jts.geom.Geometry;

/** Shared arithmetic of "must lie inside" rules: the part of a site outside an area, with a tolerance. */
final class OutsideAreaRules {

    private OutsideAreaRules() {
    }

    /**
     * The part of {@code site} outside {@code area}; a sliver thinner than {@code toleranceMetres} along the edge
     * (vertex snapping, rounding of stored coordinates) does not count. EPSG:4548.
     */
    static Geometry outside(Geometry site, Geometry area, double toleranceMetres) {
        Geometry container = toleranceMetres > 0 ? area.buffer(toleranceMetres) : area;
        return site.difference(container);
    }
}
