package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.CHECKS_SOURCE;
import static org.qiluvalley.planner.rules.RuleFixtures.LASER;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.parcel;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;
import static org.qiluvalley.planner.rules.RuleFixtures.reserve;
import static org.qiluvalley.planner.rules.RuleFixtures.zone;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.ParcelStatus;

/**
 * {@code sliver.gap} (a warning): the site leaves no strip of its zone narrower than 20 m and smaller than the zone's
 * minimum parcel (laser-industry: 5,000 m²) between itself and its neighbours.
 *
 * <p>World: laser-industry is a strip x 0..1000, y 0..100; neighbour parcel LI-N at x 0..100; road reserve
 * jiguang-road-red-line (24 m) at x 205..229. A site between them closes the block.
 */
class SliverGapRuleTest {

    private static final String NEIGHBOUR = "LI-N";
    private static final String ROAD = "jiguang-road-red-line";

    private final SliverGapRule rule = new SliverGapRule();

    private RuleFixtures.World block() {
        return RuleFixtures.emptyWorld()
                .zone(zone(LASER, rect(0, 0, 1000, 100)))
                .parcel(parcel(NEIGHBOUR, LASER, ParcelStatus.ALLOCATED, rect(0, 0, 100, 100)))
                .road(reserve(ROAD, 24, rect(205, -50, 229, 150)));
    }

    private final InMemorySiteContext site = block().build();

    private List<Finding> check(Geometry outline) {
        return RuleFixtures.check(rule, drawn(outline), site);
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("sliver.gap");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void aSiteFlushAgainstItsNeighbourAndTheRoadLeavesNoSliver() {
        assertThat(check(rect(100, 0, 205, 100))).isEmpty();
    }

    @Test
    void aGapUnderTheOverlapToleranceIsNoSliver() {
        // 0.004 m x 100 m = 0.4 m² left between the site and LI-N: drawing noise.
        assertThat(check(rect(100.004, 0, 205, 100))).isEmpty();
    }

    @Test
    void aZoneWithoutAMinimumParcelIsNotChecked() {
        InMemorySiteContext infrastructure = RuleFixtures.emptyWorld()
                .zone(zone("infrastructure", rect(0, 0, 1000, 100))).build();
        assertThat(RuleFixtures.check(rule, drawn(rect(105, 0, 205, 100), "infrastructure"), infrastructure))
                .isEmpty();
    }

    /**
     * A flush site next to open zone land leaves nothing unusable: the land beyond it is hundreds of metres wide.
     * (The rule measures the leftover land only within 20 m of the site, so any open land there looks 20 m wide.)
     */
    @Test
    void aSiteFlushAgainstItsNeighbourWithOpenZoneLandBeyondLeavesNoSliver() {
        InMemorySiteContext open = block().withoutRoads().build();
        assertThat(RuleFixtures.check(rule, drawn(rect(100, 0, 200, 100)), open)).isEmpty();
    }

    /** A 25 m gap is wider than the 20 m sliver width: a narrow parcel could still go there. */
    @Test
    void aGapWiderThanTheSliverWidthIsNoSliver() {
        assertThat(check(rect(125, 0, 205, 100))).isEmpty();
    }

    @Nested
    class WhenTheSiteLeavesAStripBesideItsNeighbours {

        @Test
        void aFiveMetreStripBesideTheNeighbourGetsAWarning() {
            Finding finding = only(check(rect(105, 0, 205, 100)));
            assertThat(finding.rule()).isEqualTo("sliver.gap");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.isError()).isFalse();
            assertThat(finding.measured()).isCloseTo(500.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(5000.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(CHECKS_SOURCE);
            assertThat(finding.related()).containsExactly(LASER);
            assertThat(finding.planar().getArea()).isCloseTo(500.0, within(1e-6));
            assertThat((Object) finding.planar().getEnvelopeInternal()).isEqualTo(rect(100, 0, 105, 100).getEnvelopeInternal());
        }

        @Test
        void stripsOnBothSidesGetAWarningEach() {
            // 5 m beside LI-N (500 m²) and 8 m beside the road reserve (800 m²).
            List<Finding> findings = check(rect(105, 0, 197, 100)).stream()
                    .sorted(Comparator.comparing(Finding::measured)).toList();
            assertThat(findings).hasSize(2);
            assertThat(findings).extracting(Finding::severity).containsOnly(Severity.WARNING);
            assertThat(findings.get(0).measured()).isCloseTo(500.0, within(1e-6));
            assertThat(findings.get(0).planar().getArea()).isCloseTo(500.0, within(1e-6));
            assertThat(findings.get(1).measured()).isCloseTo(800.0, within(1e-6));
            assertThat(findings.get(1).planar().getArea()).isCloseTo(800.0, within(1e-6));
        }

        @Test
        void anExistingParcelIsCheckedAgainstItsNeighboursNotItself() {
            InMemorySiteContext withOwn = block()
                    .parcel(parcel("LI-S", LASER, ParcelStatus.AVAILABLE, rect(105, 0, 205, 100))).build();
            Candidate own = RuleFixtures.existing(parcel("LI-S", LASER, ParcelStatus.AVAILABLE, rect(105, 0, 205, 100)));
            Finding finding = only(RuleFixtures.check(rule, own, withOwn));
            assertThat(finding.measured()).isCloseTo(500.0, within(1e-6));
        }
    }
}
