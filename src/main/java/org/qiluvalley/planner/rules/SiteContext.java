package org.qiluvalley.planner.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.AreaTotals;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;

/**
 * What the rules may look up about the park, all in EPSG:4548. The "near" look-ups are index look-ups: they return
 * the features whose envelope meets the given envelope (a first filter), and each rule makes the exact test itself.
 * Implemented over the store (a database index) and in memory (a JTS STRtree).
 */
public interface SiteContext {

    /** The park boundary (kind {@code boundary}). */
    Optional<ValleyPart> valley();

    Optional<Zone> zone(String id);

    /** Live parcels (not withdrawn) whose envelope meets {@code planar}. */
    List<Parcel> parcelsNear(Envelope planar);

    /** Control-line areas whose envelope meets {@code planar}. */
    List<ConstraintArea> constraintsNear(Envelope planar);

    /** Every control-line area (there are a handful): needed when being outside one is the failure. */
    List<ConstraintArea> constraints();

    /** Road reserves (kind {@code reserve}) whose envelope meets {@code planar}. */
    List<Road> roadReservesNear(Envelope planar);

    /** A parcel by id, withdrawn ones included (a rule must be able to say "this parcel is withdrawn"). */
    Optional<Parcel> parcel(String id);

    /** Parcel totals of one zone by status; allocated and reserved are always present when non-zero. */
    Map<ParcelStatus, AreaTotals> zoneTotals(String zoneId);
}
