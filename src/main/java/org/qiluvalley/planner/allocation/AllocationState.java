package org.qiluvalley.planner.allocation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle: {@code proposed -> approved -> released}, {@code proposed -> rejected}, and after the transfer
 * contract (出让合同) {@code approved -> contracted -> reviewed}, with {@code contracted} or {@code reviewed} ->
 * {@code revoked} (land recovered, 收回). Rejected, released and revoked are final. The milestones of a contract
 * (handed over, started, completed) are recorded while it is {@code contracted}; the review at full production
 * (达产) needs the completion. A proposed, approved, contracted or reviewed allocation is live: it holds its parcel
 * (reserved, then allocated).
 */
public enum AllocationState {
    PROPOSED, APPROVED, REJECTED, RELEASED, CONTRACTED, REVIEWED, REVOKED;

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
            case APPROVED -> Set.of(RELEASED, CONTRACTED);
            case CONTRACTED -> Set.of(REVIEWED, REVOKED);
            case REVIEWED -> Set.of(REVOKED);
            case REJECTED, RELEASED, REVOKED -> Set.of();
        };
    }

    public boolean live() {
        return this == PROPOSED || this == APPROVED || this == CONTRACTED || this == REVIEWED;
    }

    /** The live states' wire names, for queries. */
    public static java.util.List<String> liveWireNames() {
        return Arrays.stream(values()).filter(AllocationState::live).map(AllocationState::wireName).toList();
    }
}
