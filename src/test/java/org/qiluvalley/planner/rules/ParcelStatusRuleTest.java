package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.ALLOCATED_PARCEL;
import static org.qiluvalley.planner.rules.RuleFixtures.AVAILABLE_PARCEL;
import static org.qiluvalley.planner.rules.RuleFixtures.LASER;
import static org.qiluvalley.planner.rules.RuleFixtures.RESERVED_PARCEL;
import static org.qiluvalley.planner.rules.RuleFixtures.WITHDRAWN_PARCEL;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.existing;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;
import static org.qiluvalley.planner.rules.RuleFixtures.wkt;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.parcel.Parcel;

/**
 * {@code parcel.status}: allocating an existing parcel needs it to be available. LI-001 available, LI-002 allocated,
 * LI-003 reserved, LI-004 withdrawn.
 */
class ParcelStatusRuleTest {

    private static final String SOURCE = "allocation lifecycle (供地流程)";

    private final ParcelStatusRule rule = new ParcelStatusRule();
    private final RuleFixtures.World world = RuleFixtures.standardWorld();
    private final InMemorySiteContext site = world.build();

    private List<Finding> check(Candidate candidate) {
        return RuleFixtures.check(rule, candidate, site);
    }

    @Test
    void hasItsIdAndRunsOnInvalidGeometry() {
        assertThat(rule.id()).isEqualTo("parcel.status");
        assertThat(rule.needsValidGeometry()).isFalse();
    }

    @Test
    void anAvailableParcelPasses() {
        assertThat(check(existing(world.parcel(AVAILABLE_PARCEL)))).isEmpty();
    }

    @Test
    void aDrawnSitePassesEvenOverAnAllocatedParcel() {
        assertThat(check(drawn(world.parcel(ALLOCATED_PARCEL).planar()))).isEmpty();
        assertThat(check(drawn(rect(600, 100, 700, 200)))).isEmpty();
    }

    @Nested
    class WhenTheParcelIsNotAvailable {

        @Test
        void aReservedParcelFails() {
            Parcel parcel = world.parcel(RESERVED_PARCEL);
            Finding finding = only(check(existing(parcel)));
            assertThat(finding.rule()).isEqualTo("parcel.status");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isNull();
            assertThat(finding.limit()).isNull();
            assertThat(finding.unit()).isEmpty();
            assertThat(finding.source()).isEqualTo(SOURCE);
            assertThat(finding.related()).containsExactly(RESERVED_PARCEL);
            assertThat(finding.message()).contains(RESERVED_PARCEL).contains("is reserved, not available");
            assertThat(finding.messageZh()).contains("已预留");
            assertThat((Object) finding.planar()).isEqualTo(parcel.planar());
            assertThat(finding.planar().getArea()).isCloseTo(10_000.0, within(1e-6));
        }

        @Test
        void anAllocatedParcelFails() {
            Parcel parcel = world.parcel(ALLOCATED_PARCEL);
            Finding finding = only(check(existing(parcel)));
            assertThat(finding.rule()).isEqualTo("parcel.status");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.related()).containsExactly(ALLOCATED_PARCEL);
            assertThat(finding.message()).contains("is allocated, not available");
            assertThat(finding.messageZh()).contains("已出让");
            assertThat(finding.planar().getArea()).isCloseTo(10_000.0, within(1e-6));
        }

        @Test
        void theStatusIsCheckedWhateverOutlineIsProposed() {
            Candidate broken = new Candidate(ALLOCATED_PARCEL, wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"), LASER,
                    "100101", Candidate.ProposedIndicators.NONE, null);
            Finding finding = only(check(broken));
            assertThat(finding.related()).containsExactly(ALLOCATED_PARCEL);
            assertThat((Object) finding.planar()).as("the parcel's own outline").isEqualTo(world.parcel(ALLOCATED_PARCEL).planar());
        }

        /**
         * A withdrawn parcel is kept for history and is not available: allocating it by id must not pass. (The site
         * contexts drop withdrawn parcels from {@code parcel(id)}, so the rule takes it for a drawn site.)
         */
        @Test
        void aWithdrawnParcelFails() {
            Finding finding = only(check(existing(world.parcel(WITHDRAWN_PARCEL))));
            assertThat(finding.rule()).isEqualTo("parcel.status");
            assertThat(finding.related()).containsExactly(WITHDRAWN_PARCEL);
            assertThat(finding.message()).contains("is withdrawn, not available");
        }
    }
}
