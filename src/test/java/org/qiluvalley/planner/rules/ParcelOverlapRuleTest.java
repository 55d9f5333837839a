package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.ALLOCATED_PARCEL;
import static org.qiluvalley.planner.rules.RuleFixtures.AVAILABLE_PARCEL;
import static org.qiluvalley.planner.rules.RuleFixtures.CHECKS_SOURCE;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.Parcel;

/**
 * {@code parcel.overlap}: no interior overlap above 0.5 m² with a live parcel. Parcels of the standard world: LI-001
 * (x 100..200), LI-002 (200..300), LI-003 (300..400), all y 400..500, and LI-004 (400..500) withdrawn.
 */
class ParcelOverlapRuleTest {

    private final ParcelOverlapRule rule = new ParcelOverlapRule();
    private final RuleFixtures.World world = RuleFixtures.standardWorld();
    private final InMemorySiteContext site = world.build();

    private List<Finding> check(Geometry outline) {
        return RuleFixtures.check(rule, drawn(outline), site);
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("parcel.overlap");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void aSiteClearOfParcelsPasses() {
        assertThat(check(rect(100, 100, 200, 200))).isEmpty();
    }

    @Test
    void aSiteSharingAnEdgeWithAParcelIsNoOverlap() {
        assertThat(check(rect(100, 300, 200, 400))).isEmpty();
        assertThat(check(rect(0, 400, 100, 500))).isEmpty();
    }

    @Test
    void anOverlapJustUnderTheToleranceIsDrawingNoise() {
        // 1 m x 0.49 m = 0.49 m² < 0.5 m².
        assertThat(check(rect(150, 300, 151, 400.49))).isEmpty();
    }

    @Test
    void aWithdrawnParcelIsNotOverlapped() {
        assertThat(check(rect(420, 380, 480, 420))).isEmpty();
    }

    @Test
    void anExistingParcelDoesNotOverlapItself() {
        Parcel own = world.parcel(AVAILABLE_PARCEL);
        assertThat(RuleFixtures.check(rule, RuleFixtures.existing(own), site)).isEmpty();
    }

    @Nested
    class WhenTheSiteOverlapsParcels {

        @Test
        void aTenByTwentyOverlapIsTwoHundredSquareMetres() {
            Finding finding = only(check(rect(150, 380, 160, 420)));
            assertThat(finding.rule()).isEqualTo("parcel.overlap");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(200.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.5);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(CHECKS_SOURCE);
            assertThat(finding.related()).containsExactly(AVAILABLE_PARCEL);
            assertThat(finding.planar().getArea()).isCloseTo(200.0, within(1e-6));
            assertThat((Object) finding.planar().getEnvelopeInternal()).isEqualTo(rect(150, 400, 160, 420).getEnvelopeInternal());
        }

        @Test
        void aSiteStraddlingTwoParcelsGetsOneFindingPerParcel() {
            List<Finding> findings = check(rect(190, 380, 210, 420)).stream()
                    .sorted(Comparator.comparing(f -> f.related().get(0))).toList();
            assertThat(findings).hasSize(2);
            assertThat(findings).extracting(Finding::rule).containsOnly("parcel.overlap");
            assertThat(findings).extracting(f -> f.related()).containsExactly(List.of(AVAILABLE_PARCEL),
                    List.of(ALLOCATED_PARCEL));
            for (Finding finding : findings) {
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.measured()).isCloseTo(200.0, within(1e-6));
                assertThat(finding.limit()).isEqualTo(0.5);
                assertThat(finding.unit()).isEqualTo("m²");
                assertThat(finding.planar().getArea()).isCloseTo(200.0, within(1e-6));
            }
        }

        @Test
        void anOverlapJustOverTheToleranceFails() {
            // 1 m x 0.51 m = 0.51 m² > 0.5 m².
            Finding finding = only(check(rect(150, 300, 151, 400.51)));
            assertThat(finding.rule()).isEqualTo("parcel.overlap");
            assertThat(finding.measured()).isCloseTo(0.51, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.5);
            assertThat(finding.related()).containsExactly(AVAILABLE_PARCEL);
            assertThat(finding.planar().getArea()).isCloseTo(0.51, within(1e-6));
        }

        @Test
        void anExistingParcelGrownIntoItsNeighbourFailsAgainstTheNeighbourOnly() {
            Parcel own = world.parcel(AVAILABLE_PARCEL);
            Candidate grown = new Candidate(own.id(), rect(100, 400, 210, 500), own.zone(), own.landUse(),
                    Candidate.ProposedIndicators.NONE, null);
            Finding finding = only(RuleFixtures.check(rule, grown, site));
            assertThat(finding.related()).containsExactly(ALLOCATED_PARCEL);
            assertThat(finding.measured()).isCloseTo(1000.0, within(1e-6));
            assertThat(finding.planar().getArea()).isCloseTo(1000.0, within(1e-6));
        }
    }
}
