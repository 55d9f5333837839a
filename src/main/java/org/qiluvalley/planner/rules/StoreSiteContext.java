package org.qiluvalley.planner.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
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
 * So are the "near" look-ups: the first one of each layer reads {@value #READ_AHEAD_METRES} m beyond the envelope
 * asked for, and later ones inside what was read are answered from those rows, with the database's test (the outline
 * intersects the box) made on them in memory. The rules of one validation ask about the site's envelope grown by up
 * to 40 m, so one query per layer serves them all: against a database server each query is a round trip.
 */
public final class StoreSiteContext implements SiteContext {

    private final ParcelStore store;
    private Optional<ValleyPart> valley;
    private List<ConstraintArea> constraints;
    private final Map<String, Optional<Zone>> zones = new java.util.HashMap<>();
    private final Map<String, Optional<Parcel>> parcels = new java.util.HashMap<>();
    private final Map<String, Map<ParcelStatus, AreaTotals>> totals = new java.util.HashMap<>();
    private final Near<Parcel> parcelsNear;
    private final Near<ConstraintArea> constraintsNear;
    private final Near<Road> roadReservesNear;

    /** How far beyond its envelope the first "near" look-up of a layer reads, metres. */
    static final double READ_AHEAD_METRES = 50;

    public StoreSiteContext(ParcelStore store) {
        this.store = store;
        this.parcelsNear = new Near<>(planar -> store.find(Layer.PARCELS, FeatureQuery.intersectingPlanar(planar))
                .items().stream().filter(p -> p.status().isLive()).toList(), Parcel::planar);
        this.constraintsNear = new Near<>(planar -> store.find(Layer.CONSTRAINTS,
                FeatureQuery.intersectingPlanar(planar)).items(), ConstraintArea::planar);
        this.roadReservesNear = new Near<>(planar -> store.find(Layer.ROADS, new FeatureQuery(null, planar,
                Map.of("kind", "reserve"), 0, Integer.MAX_VALUE)).items(), Road::planar);
    }

    @Override
    public Optional<ValleyPart> valley() {
        if (valley == null) {
            // The whole result (there is one boundary): a page of one would be counted, a second query.
            valley = store.find(Layer.VALLEY, new FeatureQuery(null, Map.of("kind", "boundary"), 0, Integer.MAX_VALUE))
                    .items().stream().findFirst();
        }
        return valley;
    }

    @Override
    public Optional<Zone> zone(String id) {
        return zones.computeIfAbsent(id, z -> store.findById(Layer.ZONES, z));
    }

    @Override
    public List<Parcel> parcelsNear(Envelope planar) {
        return parcelsNear.near(planar);
    }

    @Override
    public List<ConstraintArea> constraintsNear(Envelope planar) {
        return constraintsNear.near(planar);
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
        return roadReservesNear.near(planar);
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

    /**
     * The rows of one layer read for an envelope grown by {@link #READ_AHEAD_METRES}, and the look-ups inside it
     * answered from them: the rows whose outline intersects the box asked for (the store's test), in the store's order.
     */
    private static final class Near<T> {

        private final java.util.function.Function<Envelope, List<T>> read;
        private final java.util.function.Function<T, Geometry> planar;
        private Envelope readFor;
        private List<T> rows;

        Near(java.util.function.Function<Envelope, List<T>> read, java.util.function.Function<T, Geometry> planar) {
            this.read = read;
            this.planar = planar;
        }

        List<T> near(Envelope box) {
            if (rows == null || !readFor.covers(box)) {
                Envelope wider = new Envelope(box);
                wider.expandBy(READ_AHEAD_METRES);
                rows = read.apply(wider);
                readFor = wider;
            }
            if (rows.isEmpty()) {
                return rows;
            }
            Geometry boxGeometry = null;
            List<T> inside = new java.util.ArrayList<>();
            for (T row : rows) {
                Geometry outline = planar.apply(row);
                if (!outline.getEnvelopeInternal().intersects(box)) {
                    continue;
                }
                if (boxGeometry == null) {
                    boxGeometry = outline.getFactory().toGeometry(box);
                }
                if (outline.intersects(boxGeometry)) {
                    inside.add(row);
                }
            }
            return inside;
        }
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
