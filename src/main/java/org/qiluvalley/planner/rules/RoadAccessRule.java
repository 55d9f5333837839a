package org.qiluvalley.planner.rules;

import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.Road;

/**
 * {@code road.access}: the site touches a road reserve or lies within the frontage distance of one (rule book,
 * 5 m). The finding shows the shortest line from the site to the nearest road found within a search radius.
 */
final class RoadAccessRule implements Rule {

    static final String ID = "road.access";
    /** How far to look for the nearest road to report, metres; beyond it the distance is reported as "over". */
    static final double SEARCH_METRES = 1_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        Geometry site = check.candidate().planar();
        double allowed = check.checks().roadAccessMaxDistanceMetres();
        // The usual case first: a road within the frontage distance lies in the site's envelope grown by it, a
        // look-up of a few roads instead of every road within the search radius.
        for (Road road : check.site().roadReservesNear(check.envelopeGrownBy(allowed))) {
            if (site.isWithinDistance(road.planar(), allowed)) {
                return List.of();
            }
        }
        Road nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (Road road : check.site().roadReservesNear(check.envelopeGrownBy(SEARCH_METRES))) {
            double distance = site.distance(road.planar());
            if (distance < best) {
                best = distance;
                nearest = road;
            }
        }
        if (best <= allowed) {
            return List.of();
        }
        String source = check.source(check.checks().source());
        if (nearest == null) {
            return List.of(Finding.error(ID, "No road reserve lies within " + Check.format(SEARCH_METRES)
                    + " m of the site; a site needs frontage within " + Check.format(allowed) + " m.",
                    "地块 " + Check.format(SEARCH_METRES) + " 米内没有道路红线；地块须在 " + Check.format(allowed)
                            + " 米内临路。", null, allowed, "m", source, List.of(), null));
        }
        Coordinate[] ends = DistanceOp.nearestPoints(site, nearest.planar());
        Geometry gap = CrsTransform.PLANAR.createLineString(ends);
        return List.of(Finding.error(ID, "The site is " + Check.format(best) + " m from the nearest road (" + nearest.nameEn()
                + "); it needs frontage within " + Check.format(allowed) + " m.", "地块距最近道路（" + nearest.nameZh()
                + "）" + Check.format(best) + " 米，须在 " + Check.format(allowed) + " 米内临路。", best, allowed, "m",
                source, List.of(nearest.id()), gap));
    }
}
