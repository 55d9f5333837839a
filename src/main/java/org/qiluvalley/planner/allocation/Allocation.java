package org.qiluvalley.planner.allocation;

import java.time.Instant;
import java.time.LocalDate;

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
 * @param contract the transfer contract (出让合同), null until contracted
 * @param milestones the dates handed over, started and completed (each null until it happened)
 * @param review the review at full production (达产), null until reviewed
 * @param revocation the recovery of the land (收回), null unless revoked
 * @param version incremented on every transition
 */
public record Allocation(String id, String parcelId, AllocationState state, String allotteeName, String allotteeType,
        String intendedUse, String landUse, Candidate.ProposedIndicators indicators, Candidate.Pledges pledges,
        int termYears, String inquiryId, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
        String releasedBy, Instant releasedAt, Contract contract, Milestones milestones, Review review,
        Revocation revocation, long version) {

    /**
     * The transfer contract: its number, when it was signed, the price (万元) and the deadlines, all dates of the
     * park's calendar ({@code signedOn <= handOverBy <= startBy <= completeBy <= reviewOn}); who recorded it, when.
     */
    public record Contract(String number, LocalDate signedOn, double priceWanYuan, LocalDate handOverBy,
            LocalDate startBy, LocalDate completeBy, LocalDate reviewOn, String by, Instant at) {
    }

    /** When the land was handed over, building started (开工) and was completed (竣工); null until then. */
    public record Milestones(LocalDate handedOverOn, LocalDate startedOn, LocalDate completedOn) {

        static final Milestones NONE = new Milestones(null, null, null);
    }

    /**
     * The review at full production: the figures reported (investment in 万元, tax in 万元 a year) and the parcel's
     * area in mu they were divided by (its EPSG:4548 area, 1 mu = 10,000/15 m²).
     */
    public record Review(LocalDate on, double investmentWanYuan, double taxWanYuanPerYear, double areaMu, String by,
            Instant at) {
    }

    /** The land recovered (收回): why, by whom, when. */
    public record Revocation(String reason, String by, Instant at) {
    }

    /** This allocation moved to {@code next} by {@code actor} at {@code at} (approve, reject, release). */
    Allocation moved(AllocationState next, String actor, Instant at) {
        return switch (next) {
            case APPROVED, REJECTED -> new Allocation(id, parcelId, next, allotteeName, allotteeType, intendedUse,
                    landUse, indicators, pledges, termYears, inquiryId, proposedBy, proposedAt, actor, at, releasedBy,
                    releasedAt, contract, milestones, review, revocation, version + 1);
            case RELEASED -> new Allocation(id, parcelId, next, allotteeName, allotteeType, intendedUse, landUse,
                    indicators, pledges, termYears, inquiryId, proposedBy, proposedAt, decidedBy, decidedAt, actor, at,
                    contract, milestones, review, revocation, version + 1);
            case PROPOSED, CONTRACTED, REVIEWED, REVOKED -> throw new IllegalArgumentException(
                    "not a plain move: " + next);
        };
    }

    /** This allocation in {@code next} with these contract records (the others carried over). */
    Allocation with(AllocationState next, Contract newContract, Milestones newMilestones, Review newReview,
            Revocation newRevocation) {
        return new Allocation(id, parcelId, next, allotteeName, allotteeType, intendedUse, landUse, indicators,
                pledges, termYears, inquiryId, proposedBy, proposedAt, decidedBy, decidedAt, releasedBy, releasedAt,
                newContract, newMilestones, newReview, newRevocation, version + 1);
    }
}
