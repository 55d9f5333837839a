package org.qiluvalley.planner.parcel;

import java.util.List;

/**
 * A complete set of park features loaded together (the seed data of {@code gis-data/}). Any list may be empty: the
 * places investors measure sites against are a dataset of their own (only {@code places}), so that a database
 * seeded before they existed gets them on its next start.
 *
 * @param name the dataset's name; a store loads a name once
 * @param sha256 digest of the source files, recorded with the load
 */
public record ParkDataset(String name, String sha256, List<ValleyPart> valley, List<Zone> zones, List<Road> roads,
        List<ConstraintArea> constraints, List<Parcel> parcels, List<Place> places) {

    /** A dataset of the park's plan, without places. */
    public ParkDataset(String name, String sha256, List<ValleyPart> valley, List<Zone> zones, List<Road> roads,
            List<ConstraintArea> constraints, List<Parcel> parcels) {
        this(name, sha256, valley, zones, roads, constraints, parcels, List.of());
    }

    /** A dataset of places only. */
    public static ParkDataset ofPlaces(String name, String sha256, List<Place> places) {
        return new ParkDataset(name, sha256, List.of(), List.of(), List.of(), List.of(), List.of(), places);
    }

    public int featureCount() {
        return valley.size() + zones.size() + roads.size() + constraints.size() + parcels.size() + places.size();
    }
}
