package org.qiluvalley.planner.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.rules.Candidate;

/** What {@link Supervision} counts as late or short, on a fixed day. */
class SupervisionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    /** Signed a year ago; hand over by 300 days ago, start by 200, complete by 30 days ago, review 10 days ago. */
    private static final Allocation.Contract CONTRACT = new Allocation.Contract("CR-1", TODAY.minusDays(365), 1200,
            TODAY.minusDays(300), TODAY.minusDays(200), TODAY.minusDays(30), TODAY.minusDays(10), "planner",
            Instant.EPOCH);
    /** A 20-mu parcel's pledges: 300 万元/亩 invested, 25 万元/亩 tax a year. */
    private static final Candidate.Pledges PLEDGES = new Candidate.Pledges(300.0, 25.0);

    private static Allocation allocation(AllocationState state, Allocation.Contract contract,
            Allocation.Milestones milestones, Allocation.Review review, Candidate.Pledges pledges) {
        return new Allocation("AL-1", "QOV-LI-001", state, "Beam Works", "enterprise", "fibre lasers", "100101",
                new Candidate.ProposedIndicators(null, null, null, null), pledges, 50, null, "a", Instant.EPOCH, "b",
                Instant.EPOCH, null, null, contract, milestones, review, null, 5);
    }

    private static List<String> kinds(List<Supervision.Case> cases) {
        return cases.stream().map(c -> c.kind().wireName()).toList();
    }

    @Test
    void nothingReachedAndEveryDeadlinePastIsThreeOutstandingCasesAndTheReviewDue() {
        List<Supervision.Case> cases = Supervision.casesOf(allocation(AllocationState.CONTRACTED, CONTRACT,
                Allocation.Milestones.NONE, null, PLEDGES), TODAY);
        assertThat(kinds(cases)).containsExactly("overdue-handover", "overdue-start", "overdue-completion",
                "review-due");
        assertThat(cases).allMatch(Supervision.Case::outstanding);
        assertThat(cases).extracting(Supervision.Case::daysOverdue).containsExactly(300L, 200L, 30L, 10L);
    }

    @Test
    void aMilestoneReachedLateIsACaseWithTheDaysLateAndOneOnTimeIsNone() {
        Allocation.Milestones m = new Allocation.Milestones(TODAY.minusDays(300), TODAY.minusDays(180), null);
        List<Supervision.Case> cases = Supervision.casesOf(allocation(AllocationState.CONTRACTED, CONTRACT, m, null,
                PLEDGES), TODAY);
        assertThat(kinds(cases)).containsExactly("overdue-start", "overdue-completion", "review-due");
        Supervision.Case start = cases.get(0);
        assertThat(start.outstanding()).isFalse();
        assertThat(start.doneOn()).isEqualTo(TODAY.minusDays(180));
        assertThat(start.daysOverdue()).isEqualTo(20);
    }

    @Test
    void onTheDeadlineItselfNothingIsOverdueButTheReviewIsDue() {
        Allocation.Contract dueToday = new Allocation.Contract("CR-2", TODAY.minusDays(10), 1, TODAY, TODAY, TODAY,
                TODAY, "p", Instant.EPOCH);
        List<Supervision.Case> cases = Supervision.casesOf(allocation(AllocationState.CONTRACTED, dueToday,
                Allocation.Milestones.NONE, null, PLEDGES), TODAY);
        assertThat(kinds(cases)).containsExactly("review-due");
        assertThat(cases.get(0).daysOverdue()).isZero();
        assertThat(Supervision.casesOf(allocation(AllocationState.CONTRACTED, dueToday, Allocation.Milestones.NONE,
                null, PLEDGES), TODAY.minusDays(1))).isEmpty();
    }

    @Test
    void aReviewBelowAPledgeGivesTheLowestPercentAchieved() {
        Allocation.Milestones done = new Allocation.Milestones(TODAY.minusDays(300), TODAY.minusDays(200),
                TODAY.minusDays(30));
        // 20 mu: 7,200 万元 is 360 万元/亩 (120% of 300); 300 万元 of tax a year is 15 万元/亩 (60% of 25).
        Allocation.Review review = new Allocation.Review(TODAY.minusDays(5), 7_200, 300, 20, "p", Instant.EPOCH);
        List<Supervision.Case> cases = Supervision.casesOf(allocation(AllocationState.REVIEWED, CONTRACT, done, review,
                PLEDGES), TODAY);
        assertThat(kinds(cases)).containsExactly("below-pledge");
        assertThat(cases.get(0).percent()).isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cases.get(0).daysOverdue()).isNull();
        assertThat(cases.get(0).doneOn()).isEqualTo(TODAY.minusDays(5));
    }

    @Test
    void aReviewMeetingEveryPledgeOrAFacilityWithoutPledgesIsNoCase() {
        Allocation.Milestones done = new Allocation.Milestones(TODAY.minusDays(300), TODAY.minusDays(200),
                TODAY.minusDays(30));
        Allocation.Review review = new Allocation.Review(TODAY.minusDays(5), 6_000, 500, 20, "p", Instant.EPOCH);
        assertThat(Supervision.casesOf(allocation(AllocationState.REVIEWED, CONTRACT, done, review, PLEDGES), TODAY))
                .isEmpty();
        assertThat(Supervision.casesOf(allocation(AllocationState.REVIEWED, CONTRACT, done, review,
                new Candidate.Pledges(null, null)), TODAY)).isEmpty();
    }

    @Test
    void anAllocationNotUnderContractHasNoCases() {
        for (AllocationState state : List.of(AllocationState.PROPOSED, AllocationState.APPROVED,
                AllocationState.REVOKED)) {
            assertThat(Supervision.casesOf(allocation(state, state == AllocationState.REVOKED ? CONTRACT : null,
                    Allocation.Milestones.NONE, null, PLEDGES), TODAY)).as(state.wireName()).isEmpty();
        }
    }

    @Test
    void onlyAContractedAllocationNotStartedIsIdle() {
        assertThat(new Supervision.Entry(allocation(AllocationState.CONTRACTED, CONTRACT, Allocation.Milestones.NONE,
                null, PLEDGES), "laser-industry", 13_333.33, List.of()).idle()).isTrue();
        assertThat(new Supervision.Entry(allocation(AllocationState.CONTRACTED, CONTRACT,
                new Allocation.Milestones(TODAY, TODAY, null), null, PLEDGES), "laser-industry", 1, List.of()).idle())
                .isFalse();
        Supervision.Entry twentyMu = new Supervision.Entry(allocation(AllocationState.CONTRACTED, CONTRACT,
                Allocation.Milestones.NONE, null, PLEDGES), "laser-industry", 40_000.0 / 3, List.of());
        assertThat(twentyMu.areaMu()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
