package org.qiluvalley.planner.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.AreaTotals;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;

/**
 * The site context of a single validation, read from the store: every "near" look-up is a bounding-box query the
 * database answers from its spatial index, so checking one allocation reads the parcels around it, never all.
 * Look-ups by id are remembered for the one validation an instance serves (several rules ask for the same zone).
 */
public final class StoreSiteContext implements SiteContext {

    private final ParcelStore store;
    private Optional<ValleyPart> valley;
    private List<ConstraintArea> constraints;
    private final Map<String, Optional<Zone>> zones = new java.util.HashMap<>();
    private final Map<String, Optional<Parcel>> parcels = new java.util.HashMap<>();
    private final Map<String, Map<ParcelStatus, AreaTotals>> totals = new java.util.HashMap<>();

    public StoreSiteContext(ParcelStore store) {
        this.store = store;
    }

    @Override
    public Optional<ValleyPart> valley() {
        if (valley == null) {
            valley = store.find(Layer.VALLEY, new FeatureQuery(null, Map.of("kind", "boundary"), 0, 1)).items()
                    .stream().findFirst();
        }
        return valley;
    }

    @Override
    public Optional<Zone> zone(String id) {
        return zones.computeIfAbsent(id, z -> store.findById(Layer.ZONES, z));
    }

    @Override
    public List<Parcel> parcelsNear(Envelope planar) {
        return store.find(Layer.PARCELS, FeatureQuery.intersectingPlanar(planar)).items().stream()
                .filter(p -> p.status().isLive()).toList();
    }

    @Override
    public List<ConstraintArea> constraintsNear(Envelope planar) {
        return store.find(Layer.CONSTRAINTS, FeatureQuery.intersectingPlanar(planar)).items();
    }

    @Override
    public List<ConstraintArea> constraints() {
        if (constraints == null) {
            constraints = store.find(Layer.CONSTRAINTS, FeatureQuery.all()).items();
        }
        return constraints;
    }

    @Override
    public List<Road> roadReservesNear(Envelope planar) {
        return store.find(Layer.ROADS, new FeatureQuery(null, planar, Map.of("kind", "reserve"), 0, Integer.MAX_VALUE))
                .items();
    }

    @Override
    public Optional<Parcel> parcel(String id) {
        return parcels.computeIfAbsent(id, p -> store.findById(Layer.PARCELS, p));
    }

    @Override
    public Map<ParcelStatus, AreaTotals> zoneTotals(String zoneId) {
        // Only committed totals are needed by the rules (zone.capacity); the index reads just those parcels.
        return totals.computeIfAbsent(zoneId, store::committedTotals);
    }

    /** Loads the whole park into memory, for the plan-wide audit. */
    public static InMemorySiteContext snapshot(ParcelStore store) {
        List<ValleyPart> valley = store.find(Layer.VALLEY, new FeatureQuery(null, Map.of("kind", "boundary"), 0, 1))
                .items();
        return new InMemorySiteContext(valley.isEmpty() ? null : valley.get(0),
                store.find(Layer.ZONES, FeatureQuery.all()).items(), store.find(Layer.PARCELS, FeatureQuery.all()).items(),
                store.find(Layer.CONSTRAINTS, FeatureQuery.all()).items(),
                store.find(Layer.ROADS, new FeatureQuery(null, Map.of("kind", "reserve"), 0, Integer.MAX_VALUE)).items());
    }
}
