package org.qiluvalley.planner.features;

import java.util.List;
import java.util.Map;

import org.qiluvalley.planner.allocation.Allocation;
import org.qiluvalley.planner.allocation.AllocationStore;
import org.qiluvalley.planner.history.ParcelLineageStore;
import org.springframework.stereotype.Component;

/**
 * Planner-only parcel fields from the allocations: the live allocation's id, state and allottee. One query per
 * page, by parcel id. Never called for the public.
 */
@Component
public class PlannerParcelFields {

    private final AllocationStore allocations;
    private final ParcelLineageStore lineage;

    PlannerParcelFields(AllocationStore allocations, ParcelLineageStore lineage) {
        this.allocations = allocations;
        this.lineage = lineage;
    }

    /**
     * The lineage of split and merge: {@code supersededBy} (the parts or the merged parcel that replaced a retired
     * parcel) and {@code derivedFrom} (the parcels a parcel was made from), each a list of ids, present when not
     * empty. Not in vector tiles, whose properties are scalars.
     */
    public void addLineage(List<FeatureView> parcels) {
        if (parcels.isEmpty()) {
            return;
        }
        List<String> ids = parcels.stream().map(FeatureView::id).toList();
        Map<String, List<String>> children = lineage.linked(ids, true);
        Map<String, List<String>> parents = lineage.linked(ids, false);
        for (FeatureView parcel : parcels) {
            if (children.containsKey(parcel.id())) {
                parcel.properties().put("supersededBy", children.get(parcel.id()));
            }
            if (parents.containsKey(parcel.id())) {
                parcel.properties().put("derivedFrom", parents.get(parcel.id()));
            }
        }
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
