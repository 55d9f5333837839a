package org.qiluvalley.planner.features;

import java.util.List;
import java.util.Map;

import org.qiluvalley.planner.allocation.Allocation;
import org.qiluvalley.planner.allocation.AllocationStore;
import org.springframework.stereotype.Component;

/**
 * Planner-only parcel fields from the allocations: the live allocation's id, state and allottee. One query per
 * page, by parcel id. Never called for the public.
 */
@Component
public class PlannerParcelFields {

    private final AllocationStore allocations;

    PlannerParcelFields(AllocationStore allocations) {
        this.allocations = allocations;
    }

    public void addAllocations(List<FeatureView> parcels) {
        if (parcels.isEmpty()) {
            return;
        }
        Map<String, Allocation> live = allocations.liveByParcel(parcels.stream().map(FeatureView::id).toList());
        for (FeatureView parcel : parcels) {
            Allocation allocation = live.get(parcel.id());
            if (allocation != null) {
                parcel.properties().put("allocationId", allocation.id());
                parcel.properties().put("allocationState", allocation.state().wireName());
                parcel.properties().put("allottee", allocation.allotteeName());
                parcel.properties().put("allotteeType", allocation.allotteeType());
            }
        }
    }
}
