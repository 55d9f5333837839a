package org.qiluvalley.planner.conditions;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.Place;

/**
 * The straight-line distance from a parcel to each place investors measure it against, in EPSG:4548: from the
 * parcel's outline, at its point nearest the place (not from its centroid), to the place; 0 when the place lies on
 * or inside the parcel. Kilometres to {@value #KM_DECIMALS} decimals (0.1 m, as the letter's control-line
 * distances), so that the figure is the computation's, not a rounding of it, for any distance beyond a few metres; the
 * letter and the map show two decimals.
 */
final class PlaceDistances {

    static final int KM_DECIMALS = 4;

    private PlaceDistances() {
    }

    /**
     * The distances from {@code outline} (EPSG:4548, metres) to each of {@code places} (their EPSG:4548 positions),
     * in the order of {@code places}.
     *
     * @throws IllegalArgumentException when a geometry is not in EPSG:4548 (SRID 4548; 0, unknown, is taken as it)
     */
    static List<PlanningConditions.Distance> of(Polygon outline, List<Place> places) {
        checkPlanar(outline.getSRID(), "the parcel's outline");
        List<PlanningConditions.Distance> distances = new ArrayList<>(places.size());
        for (Place place : places) {
            checkPlanar(place.planar().getSRID(), "place " + place.id());
            double metres = outline.distance(place.planar());
            distances.add(new PlanningConditions.Distance(place.id(), place.kind(), place.nameEn(), place.nameZh(),
                    ConditionsBuilder.round(metres / 1000, KM_DECIMALS)));
        }
        return distances;
    }

    private static void checkPlanar(int srid, String what) {
        if (srid != 0 && srid != Crs.PLANAR_SRID) {
            throw new IllegalArgumentException(what + " is in SRID " + srid + ", not EPSG:4548");
        }
    }
}
