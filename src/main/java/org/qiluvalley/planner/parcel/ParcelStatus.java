package org.qiluvalley.planner.parcel;

import java.util.Optional;

/** Where a parcel stands in the allocation lifecycle. A withdrawn parcel is kept for history, never deleted. */
public enum ParcelStatus {
    AVAILABLE("available"), RESERVED("reserved"), ALLOCATED("allocated"), WITHDRAWN("withdrawn");

    private final String wireName;

    ParcelStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in the API, the data files and the database. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ParcelStatus> fromWireName(String name) {
        for (ParcelStatus status : values()) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
