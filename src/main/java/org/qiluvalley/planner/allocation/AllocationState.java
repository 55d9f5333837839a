package org.qiluvalley.planner.allocation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle: {@code proposed -> approved -> released}, {@code proposed -> rejected}. Rejected and released are
 * final. A proposed or approved allocation is live: it holds its parcel (reserved, then allocated).
 */
public enum AllocationState {
    PROPOSED, APPROVED, REJECTED, RELEASED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AllocationState> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    /** The states reachable in one step. */
    public Set<AllocationState> next() {
        return switch (this) {
            case PROPOSED -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(RELEASED);
            case REJECTED, RELEASED -> Set.of();
        };
    }

    public boolean live() {
        return this == PROPOSED || this == APPROVED;
    }
}
