package org.qiluvalley.planner.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.AreaTotals;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.rules.SiteContext;

/**
 * The park as it would be after a split or a merge, for checking its new parcels: the parcels being retired are
 * gone, and the other new parcels are there. So a part is checked against its siblings (a sliver left between two
 * parts is found) and never against the parcel it replaces.
 */
final class ReshapeSiteContext implements SiteContext {

    private final SiteContext park;
    private final Set<String> retiring;
    private final List<Parcel> added;

    ReshapeSiteContext(SiteContext park, Set<String> retiring, List<Parcel> added) {
        this.park = park;
        this.retiring = Set.copyOf(retiring);
        this.added = List.copyOf(added);
    }

    @Override
    public Optional<ValleyPart> valley() {
        return park.valley();
    }

    @Override
    public Optional<Zone> zone(String id) {
        return park.zone(id);
    }

    @Override
    public List<Parcel> parcelsNear(Envelope planar) {
        List<Parcel> near = new ArrayList<>();
        for (Parcel parcel : park.parcelsNear(planar)) {
            if (!retiring.contains(parcel.id())) {
                near.add(parcel);
            }
        }
        for (Parcel parcel : added) {
            if (parcel.planar().getEnvelopeInternal().intersects(planar)) {
                near.add(parcel);
            }
        }
        return near;
    }

    @Override
    public List<ConstraintArea> constraintsNear(Envelope planar) {
        return park.constraintsNear(planar);
    }

    @Override
    public List<ConstraintArea> constraints() {
        return park.constraints();
    }

    @Override
    public List<Road> roadReservesNear(Envelope planar) {
        return park.roadReservesNear(planar);
    }

    @Override
    public Optional<Parcel> parcel(String id) {
        for (Parcel parcel : added) {
            if (parcel.id().equals(id)) {
                return Optional.of(parcel);
            }
        }
        return park.parcel(id);
    }

    /** Totals are of available land moving to available land: a split or a merge changes no zone's commitments. */
    @Override
    public Map<ParcelStatus, AreaTotals> zoneTotals(String zoneId) {
        return park.zoneTotals(zoneId);
    }
}
