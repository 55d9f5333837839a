package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.qiluvalley.planner.parcel.AreaTotals;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;

/**
 * A snapshot of the park held in memory, with JTS STRtrees over the EPSG:4548 envelopes: the site context of the
 * plan-wide audit (which visits every parcel), of rule tests built from small fixtures, and of benchmarks. Immutable
 * once built; safe to share between threads.
 */
public final class InMemorySiteContext implements SiteContext {

    private final ValleyPart valley;
    private final Map<String, Zone> zones = new LinkedHashMap<>();
    private final Map<String, Parcel> parcels = new LinkedHashMap<>();
    private final Map<String, Parcel> allById = new HashMap<>();
    private final List<ConstraintArea> constraints;
    private final STRtree parcelIndex = new STRtree();
    private final STRtree constraintIndex = new STRtree();
    private final STRtree roadIndex = new STRtree();
    private final Map<String, Map<ParcelStatus, AreaTotals>> totals = new HashMap<>();

    public InMemorySiteContext(ValleyPart valley, List<Zone> zones, List<Parcel> parcels,
            List<ConstraintArea> constraints, List<Road> roads) {
        this.valley = valley;
        zones.forEach(z -> this.zones.put(z.id(), z));
        for (Parcel parcel : parcels) {
            allById.put(parcel.id(), parcel);
            if (!parcel.status().isLive()) {
                continue;
            }
            this.parcels.put(parcel.id(), parcel);
            parcelIndex.insert(parcel.planar().getEnvelopeInternal(), parcel);
            totals.computeIfAbsent(parcel.zone(), z -> new EnumMap<>(ParcelStatus.class)).merge(parcel.status(),
                    new AreaTotals(1, parcel.areaSquareMetres(),
                            parcel.areaSquareMetres() * parcel.indicators().farMax()), AreaTotals::plus);
        }
        this.constraints = List.copyOf(constraints);
        constraints.forEach(c -> constraintIndex.insert(c.planar().getEnvelopeInternal(), c));
        for (Road road : roads) {
            if ("reserve".equals(road.kind())) {
                roadIndex.insert(road.planar().getEnvelopeInternal(), road);
            }
        }
        parcelIndex.build();
        constraintIndex.build();
        roadIndex.build();
    }

    @Override
    public Optional<ValleyPart> valley() {
        return Optional.ofNullable(valley);
    }

    @Override
    public Optional<Zone> zone(String id) {
        return Optional.ofNullable(zones.get(id));
    }

    public List<Zone> zones() {
        return List.copyOf(zones.values());
    }

    /** Every live parcel, in the order given. */
    public List<Parcel> parcels() {
        return List.copyOf(parcels.values());
    }

    @Override
    public List<Parcel> parcelsNear(Envelope planar) {
        return query(parcelIndex, planar, Parcel.class);
    }

    @Override
    public List<ConstraintArea> constraintsNear(Envelope planar) {
        return query(constraintIndex, planar, ConstraintArea.class);
    }

    @Override
    public List<ConstraintArea> constraints() {
        return constraints;
    }

    @Override
    public List<Road> roadReservesNear(Envelope planar) {
        return query(roadIndex, planar, Road.class);
    }

    @Override
    public Optional<Parcel> parcel(String id) {
        return Optional.ofNullable(allById.get(id));
    }

    @Override
    public Map<ParcelStatus, AreaTotals> zoneTotals(String zoneId) {
        return totals.getOrDefault(zoneId, Map.of());
    }

    private static <T> List<T> query(STRtree index, Envelope envelope, Class<T> type) {
        List<T> result = new ArrayList<>();
        for (Object item : index.query(envelope)) {
            result.add(type.cast(item));
        }
        return result;
    }
}
