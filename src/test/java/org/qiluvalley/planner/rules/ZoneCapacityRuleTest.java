package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.BOOK;
import static org.qiluvalley.planner.rules.RuleFixtures.EXHIBITION;
import static org.qiluvalley.planner.rules.RuleFixtures.INFRASTRUCTURE;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.existing;
import static org.qiluvalley.planner.rules.RuleFixtures.far;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.parcel;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.AreaTotals;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.PlanningIndicators;

/**
 * {@code zone.capacity} in the exhibition zone (budget 30 ha = 300,000 m² of land and 500,000 m² of floor area).
 * Committed: EX-A allocated, 150,000 m² at FAR max 2.0 (300,000 m² floor); EX-R reserved, 120,000 m² at FAR max 1.5
 * (180,000 m² floor): 270,000 m² of land and 480,000 m² of floor. EX-V (available) and EX-W (withdrawn) do not count.
 */
class ZoneCapacityRuleTest {

    private static final String SOURCE = BOOK.sourceTitle("park-plan-illustrative");

    private final ZoneCapacityRule rule = new ZoneCapacityRule();
    private final Parcel allocated = parcel("EX-A", EXHIBITION, ParcelStatus.ALLOCATED, rect(1000, 0, 1300, 500));
    private final Parcel reserved = parcel("EX-R", EXHIBITION, ParcelStatus.RESERVED,
            new PlanningIndicators(0.8, 1.5, 0.25, 0.45, 0.25, 0.4, 40, 5), rect(1300, 0, 1500, 600));
    private final Parcel available = parcel("EX-V", EXHIBITION, ParcelStatus.AVAILABLE, rect(1000, 600, 1200, 700));
    private final Parcel withdrawn = parcel("EX-W", EXHIBITION, ParcelStatus.WITHDRAWN, rect(1200, 600, 1400, 700));
    private final InMemorySiteContext site = RuleFixtures.standardWorld().parcel(allocated).parcel(reserved)
            .parcel(available).parcel(withdrawn).build();

    private List<Finding> check(Candidate candidate) {
        return RuleFixtures.check(rule, candidate, site);
    }

    private List<Finding> checkDrawn(Geometry outline, Double proposedFar) {
        return check(drawn(outline, EXHIBITION, new Candidate.ProposedIndicators(proposedFar, null, null, null)));
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("zone.capacity");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void theFixtureCommitsWhatTheClassSays() {
        AreaTotals committed = site.zoneTotals(EXHIBITION).get(ParcelStatus.ALLOCATED)
                .plus(site.zoneTotals(EXHIBITION).get(ParcelStatus.RESERVED));
        assertThat(committed.areaSquareMetres()).isEqualTo(270_000.0);
        assertThat(committed.floorAreaCapacitySquareMetres()).isEqualTo(480_000.0);
        assertThat(BOOK.zone(EXHIBITION).orElseThrow().budgetAreaHa()).isEqualTo(30.0);
        assertThat(BOOK.zone(EXHIBITION).orElseThrow().budgetFloorAreaM2()).isEqualTo(500_000.0);
    }

    @Test
    void aSiteFillingBothBudgetsExactlyPasses() {
        // 20,000 m² at FAR 1.0: land 290,000 m², floor 500,000 m² (= the budget).
        assertThat(checkDrawn(rect(1000, 800, 1200, 900), 1.0)).isEmpty();
    }

    @Test
    void aZoneWithoutABudgetIsNotChecked() {
        assertThat(check(drawn(rect(1600, 0, 2000, 1000), INFRASTRUCTURE))).isEmpty();
    }

    @Test
    void anAlreadyReservedParcelIsNotCountedTwice() {
        // EX-R as itself at FAR 1.5: land stays 270,000 m², floor 480,000 m².
        assertThat(check(existing(reserved, far(1.5)))).isEmpty();
        assertThat(check(existing(allocated, far(2.0)))).isEmpty();
    }

    /**
     * Re-checking a reserved parcel as it is, with no FAR proposed, changes nothing in the zone: it is already counted
     * at its own FAR maximum (1.5), so it should count at that again, not at the zone's 2.0 (which would make
     * 480,000 - 180,000 + 240,000 = 540,000 m² of floor area out of nothing).
     */
    @Test
    void anAlreadyReservedParcelRecheckedWithoutAFarChangesNothing() {
        assertThat(check(existing(reserved))).isEmpty();
    }

    @Test
    void anAvailableParcelCountsAsNewLand() {
        // EX-V (20,000 m²) at FAR 1.0: 290,000 m² land, 500,000 m² floor: within both budgets.
        assertThat(check(existing(available, far(1.0)))).isEmpty();
    }

    @Nested
    class WhenTheZoneBudgetWouldBeExceeded {

        @Test
        void overTheLandBudgetFails() {
            // 40,000 m² at FAR 0.5: land 310,000 m² > 300,000 m²; floor 500,000 m² is within.
            Geometry outline = rect(1000, 700, 1200, 900);
            Finding finding = only(checkDrawn(outline, 0.5));
            assertThat(finding.rule()).isEqualTo("zone.capacity");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(310_000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(300_000.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(SOURCE);
            assertThat(finding.related()).containsExactly(EXHIBITION);
            assertThat(finding.message()).contains("committed land");
            assertThat(finding.planar().getArea()).isCloseTo(40_000.0, within(1e-6));
        }

        @Test
        void overTheFloorAreaBudgetFails() {
            // 20,000 m² at FAR 1.1: floor 480,000 + 22,000 = 502,000 m² > 500,000 m²; land 290,000 m² is within.
            Finding finding = only(checkDrawn(rect(1000, 800, 1200, 900), 1.1));
            assertThat(finding.rule()).isEqualTo("zone.capacity");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(502_000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(500_000.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.related()).containsExactly(EXHIBITION);
            assertThat(finding.message()).contains("committed floor area");
            assertThat(finding.planar().getArea()).isCloseTo(20_000.0, within(1e-6));
        }

        @Test
        void overBothBudgetsGivesTwoFindingsLandFirst() {
            // 40,000 m² at FAR 1.0: land 310,000 m², floor 520,000 m².
            List<Finding> findings = checkDrawn(rect(1000, 700, 1200, 900), 1.0);
            assertThat(findings).extracting(Finding::measured).containsExactly(310_000.0, 520_000.0);
            assertThat(findings).extracting(Finding::limit).containsExactly(300_000.0, 500_000.0);
        }

        @Test
        void withoutAProposedFarTheSiteCountsAtTheZoneMaximum() {
            // 15,000 m² at the zone's FAR max 2.0: floor 480,000 + 30,000 = 510,000 m².
            Finding finding = only(checkDrawn(rect(1000, 800, 1100, 950), null));
            assertThat(finding.measured()).isCloseTo(510_000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(500_000.0);
        }

        @Test
        void aDrawnSiteOverAReservedParcelIsCountedOnTopOfIt() {
            // The same outline as EX-R, but drawn: 270,000 + 120,000 = 390,000 m² of land.
            List<Finding> findings = checkDrawn(reserved.planar(), 1.5);
            assertThat(findings).extracting(Finding::measured).first().isEqualTo(390_000.0);
            assertThat(findings.get(0).limit()).isEqualTo(300_000.0);
        }
    }
}
