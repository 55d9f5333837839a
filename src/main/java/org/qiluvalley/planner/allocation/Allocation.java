package org.qiluvalley.planner.allocation;

import java.time.Instant;

import org.qiluvalley.planner.rules.Candidate;

/**
 * An allocation of one parcel (LADM right + responsibility).
 *
 * @param id stable id ({@code AL-} and 20 hex digits)
 * @param allotteeType {@code enterprise} or {@code facility}
 * @param landUse the land-use code intended (the parcel's unless the proposal gave another)
 * @param indicators the proposed indicators (ratios as fractions, height in metres); a null one was not proposed
 * @param pledges "standard land" pledges in 万元/亩; null values were not pledged
 * @param termYears the term of the land-use right, years
 * @param inquiryId the investor's inquiry this was proposed from (closed by the proposal), or null
 * @param decidedBy who approved or rejected it (null while proposed)
 * @param version incremented on every transition
 */
public record Allocation(String id, String parcelId, AllocationState state, String allotteeName, String allotteeType,
        String intendedUse, String landUse, Candidate.ProposedIndicators indicators, Candidate.Pledges pledges,
        int termYears, String inquiryId, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
        String releasedBy, Instant releasedAt, long version) {

    /** This allocation moved to {@code next} by {@code actor} at {@code at}. */
    Allocation moved(AllocationState next, String actor, Instant at) {
        return switch (next) {
            case APPROVED, REJECTED -> new Allocation(id, parcelId, next, allotteeName, allotteeType, intendedUse,
                    landUse, indicators, pledges, termYears, inquiryId, proposedBy, proposedAt, actor, at, releasedBy,
                    releasedAt, version + 1);
            case RELEASED -> new Allocation(id, parcelId, next, allotteeName, allotteeType, intendedUse, landUse,
                    indicators, pledges, termYears, inquiryId, proposedBy, proposedAt, decidedBy, decidedAt, actor, at,
                    version + 1);
            case PROPOSED -> throw new IllegalArgumentException("nothing moves back to proposed");
        };
    }
}
