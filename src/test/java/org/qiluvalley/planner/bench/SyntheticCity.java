package org.qiluvalley.planner.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;

/**
 * A synthetic enterprise district for benchmarks, in EPSG:4548 near Jinan: a square grid of blocks separated by
 * 20 m road reserves, each block one parcel of 80-120 m a side (0.6-1.4 ha), all available, in zone
 * {@code laser-industry}.
 * Deterministic for a seed; valid and non-overlapping by construction. Not committed data.
 */
final class SyntheticCity {

    static final double ORIGIN_X = 520_000;
    static final double ORIGIN_Y = 4_067_000;
    static final double CELL = 140;
    static final double ROAD = 20;

    final List<Parcel> parcels = new ArrayList<>();
    final List<Road> roads = new ArrayList<>();
    final Zone zone;
    final ValleyPart valley;
    final int side;

    SyntheticCity(int count, long seed) {
        side = (int) Math.ceil(Math.sqrt(count));
        Random random = new Random(seed);
        PlanningIndicators indicators = new PlanningIndicators(1.0, 2.5, 0.4, 0.6, 0.1, 0.2, 50, 8);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            int col = i % side;
            int row = i / side;
            double x = ORIGIN_X + col * CELL + ROAD / 2;
            double y = ORIGIN_Y + row * CELL + ROAD / 2;
            double w = 80 + random.nextInt(41);
            double h = 80 + random.nextInt(41);
            Polygon planar = (Polygon) CrsTransform.PLANAR.toGeometry(new Envelope(x, x + w, y, y + h));
            // All available: the park's rule book budgets a 340 ha zone, which a city's commitments would exceed on
            // every check; the benchmark is about look-ups, and a capacity finding would hide that.
            ParcelStatus status = ParcelStatus.AVAILABLE;
            parcels.add(new Parcel(String.format("SYN-%07d", i), "laser-industry", "100101", status, indicators,
                    planar.getArea(), 1, now, planar, (Polygon) CrsTransform.toCrs84(planar)));
        }
        double extent = side * CELL;
        // Road reserves along every grid line (east-west and north-south), 20 m wide.
        for (int k = 0; k <= side; k++) {
            double offset = k * CELL - ROAD / 2;
            roads.add(road("ew-" + k, new Envelope(ORIGIN_X - ROAD / 2, ORIGIN_X + extent + ROAD / 2, ORIGIN_Y + offset,
                    ORIGIN_Y + offset + ROAD)));
            roads.add(road("ns-" + k, new Envelope(ORIGIN_X + offset, ORIGIN_X + offset + ROAD, ORIGIN_Y - ROAD / 2,
                    ORIGIN_Y + extent + ROAD / 2)));
        }
        Geometry all = CrsTransform.PLANAR.toGeometry(new Envelope(ORIGIN_X - ROAD, ORIGIN_X + extent + ROAD,
                ORIGIN_Y - ROAD, ORIGIN_Y + extent + ROAD));
        zone = new Zone("laser-industry", "Laser-industry enterprise land", "激光产业企业用地", "enterprise", true,
                all.getArea(), all, CrsTransform.toCrs84(all));
        valley = new ValleyPart("valley", "boundary", null, "Synthetic city", "合成城区", all.getArea(), all,
                CrsTransform.toCrs84(all));
    }

    private static Road road(String id, Envelope envelope) {
        Geometry planar = CrsTransform.PLANAR.toGeometry(envelope);
        return new Road(id, "reserve", id, id, "branch", ROAD, planar, CrsTransform.toCrs84(planar));
    }

    /** A site drawn over the corner where four parcels meet, around the middle of the city. */
    Polygon siteAcrossFourParcels() {
        int middle = side / 2;
        double x = ORIGIN_X + middle * CELL;
        double y = ORIGIN_Y + middle * CELL;
        return (Polygon) CrsTransform.PLANAR.toGeometry(new Envelope(x - 60, x + 60, y - 60, y + 60));
    }

    /** An available parcel near the middle, to allocate as it is. */
    Parcel availableParcelNearTheMiddle() {
        int index = (side / 2) * side + side / 2;
        for (int i = index; i < parcels.size(); i++) {
            if (parcels.get(i).status() == ParcelStatus.AVAILABLE) {
                return parcels.get(i);
            }
        }
        throw new IllegalStateException("no available parcel");
    }
}
