package org.qiluvalley.planner.planning;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.geo.CadastralPrecision;
import org.qiluvalley.planner.geo.InvalidGeometryException;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.parcel.Offer;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.PlanningIndicators;

/**
 * A parcel as a planner wants it to be, before the rules have had their say.
 *
 * @param id the parcel id, or null to have one assigned on create
 * @param planar the outline, EPSG:4548 metres
 * @param zone the zone id (in the rule book)
 * @param landUse the land-use code (in the rule book)
 * @param status the status the client sent, or null; writes may not change it (the allocation lifecycle does)
 * @param indicators the planning conditions
 * @param offer the reserve price, deposit and readiness, or null for none (its price per mu is derived from the
 *     outline when the parcel is made)
 */
public record ParcelDraft(String id, Polygon planar, String zone, String landUse, ParcelStatus status,
        PlanningIndicators indicators, Offer offer) {

    /** The outline goes on the register's 0.01 m grid here, so what is checked is exactly what is stored. */
    public ParcelDraft {
        try {
            planar = CadastralPrecision.snap(planar);
        } catch (InvalidGeometryException e) {
            throw new InvalidInputException("geometry: " + e.getMessage());
        }
    }
}
