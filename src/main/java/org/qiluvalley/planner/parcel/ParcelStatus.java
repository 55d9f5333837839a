package org.qiluvalley.planner.parcel;

import java.util.Optional;

/**
 * Where a parcel stands in the allocation lifecycle. A withdrawn parcel (taken off the register) and a retired one
 * (superseded by the parts of a split or the result of a merge) are kept for history, never deleted.
 */
public enum ParcelStatus {
    AVAILABLE("available"), RESERVED("reserved"), ALLOCATED("allocated"), WITHDRAWN("withdrawn"), RETIRED("retired");

    private final String wireName;

    ParcelStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in the API, the data files and the database. */
    public String wireName() {
        return wireName;
    }

    /** True for a parcel on the register (available, reserved or allocated); false for history. */
    public boolean isLive() {
        return this == AVAILABLE || this == RESERVED || this == ALLOCATED;
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
