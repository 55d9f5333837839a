package org.qiluvalley.planner.features;

import java.util.Map;
import java.util.Set;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;

/**
 * Which parcels a client sees, and how its {@code status} and {@code landUse} filters are read. The public sees
 * live parcels only (withdrawn and retired ones are history), knows a parcel only as {@code available} or
 * {@code unavailable}, and can filter on land use among available sites only: anything else would disclose
 * planner-only details of reserved and allocated parcels through counts. Planners see every status and may ask
 * for withdrawn or retired parcels by filtering on them.
 */
public final class ParcelVisibility {

    private static final Set<String> LIVE = Set.of(ParcelStatus.AVAILABLE.wireName(),
            ParcelStatus.RESERVED.wireName(), ParcelStatus.ALLOCATED.wireName());
    private static final Set<String> UNAVAILABLE = Set.of(ParcelStatus.RESERVED.wireName(),
            ParcelStatus.ALLOCATED.wireName());

    private ParcelVisibility() {
    }

    static boolean visible(Parcel parcel, boolean planner) {
        return planner || parcel.status().isLive();
    }

    /**
     * Rewrites {@code filters} (the client's and the collection's equality filters) for the audience and returns
     * the "status is one of" filter to add.
     */
    public static Map<String, Set<String>> statusFilter(Map<String, String> filters, boolean planner) {
        String status = filters.get("status");
        if (planner) {
            if (status == null) {
                return Map.of("status", LIVE);
            }
            if (ParcelStatus.fromWireName(status).isEmpty()) {
                throw new InvalidInputException("status must be available, reserved, allocated, withdrawn or retired");
            }
            return Map.of();
        }
        if (status == null) {
            if (filters.containsKey("landUse")) {
                filters.put("status", ParcelStatus.AVAILABLE.wireName());
                return Map.of();
            }
            return Map.of("status", LIVE);
        }
        if (status.equals(ParcelStatus.AVAILABLE.wireName())) {
            return Map.of();
        }
        if (status.equals(FeatureCollections.UNAVAILABLE)) {
            filters.remove("status");
            if (filters.containsKey("landUse")) {
                return Map.of("status", Set.of());
            }
            return Map.of("status", UNAVAILABLE);
        }
        throw new InvalidInputException("status must be available or unavailable");
    }
}
