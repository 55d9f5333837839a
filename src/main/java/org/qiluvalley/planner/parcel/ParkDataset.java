package org.qiluvalley.planner.parcel;

import java.util.List;

/**
 * A complete set of park features loaded together (the seed data of {@code gis-data/}).
 *
 * @param name the dataset's name; a store loads a name once
 * @param sha256 digest of the source files, recorded with the load
 */
public record ParkDataset(String name, String sha256, List<ValleyPart> valley, List<Zone> zones, List<Road> roads,
        List<ConstraintArea> constraints, List<Parcel> parcels) {

    public int featureCount() {
        return valley.size() + zones.size() + roads.size() + constraints.size() + parcels.size();
    }
}
