package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.CONTROL_LINE_SOURCE;
import static org.qiluvalley.planner.rules.RuleFixtures.HV;
import static org.qiluvalley.planner.rules.RuleFixtures.RIVER;
import static org.qiluvalley.planner.rules.RuleFixtures.ROAD;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;
import static org.qiluvalley.planner.rules.RuleFixtures.wkt;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code constraint.corridor}: clear of the river blue line (y -80..-40), the high-voltage corridor (x 1800..1840)
 * and road reserves (keji-road-red-line, y 500..530). Road centrelines do not count.
 */
class CorridorRuleTest {

    private static final String ROAD_SOURCE = "道路红线 (road red line)";

    private final CorridorRule rule = new CorridorRule();
    private final InMemorySiteContext site = RuleFixtures.standardSite();

    private List<Finding> check(Geometry outline) {
        return RuleFixtures.check(rule, drawn(outline), site);
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("constraint.corridor");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void aSiteClearOfCorridorsPasses() {
        assertThat(check(rect(600, 100, 700, 200))).isEmpty();
    }

    @Test
    void aSiteFrontingARoadOrCorridorAlongAnEdgePasses() {
        assertThat(check(rect(600, 530, 700, 630))).as("north of the road reserve").isEmpty();
        assertThat(check(rect(600, 400, 700, 500))).as("south of the road reserve").isEmpty();
        assertThat(check(rect(1840, 100, 1900, 200))).as("east of the corridor").isEmpty();
    }

    @Test
    void anOverlapUnderTheToleranceIsDrawingNoise() {
        // 100 m x 0.0049 m = 0.49 m² into the road reserve.
        assertThat(check(rect(600, 400, 700, 500.0049))).isEmpty();
    }

    @Test
    void aRoadCentrelineIsNotAReserve() {
        InMemorySiteContext centrelineOnly = RuleFixtures.emptyWorld()
                .road(RuleFixtures.centreline("keji-road", wkt("LINESTRING (0 515, 2000 515)"))).build();
        assertThat(RuleFixtures.check(rule, drawn(rect(600, 450, 700, 550)), centrelineOnly)).isEmpty();
    }

    @Test
    void theRedLineIsNotACorridor() {
        // Across the ecological red line (y < 0) but above the river blue line (y -80..-40).
        assertThat(check(rect(600, -30, 700, 100))).isEmpty();
    }

    @Nested
    class WhenTheSiteReachesIntoACorridorOrRoad {

        @Test
        void anOverlapWithTheHighVoltageCorridorFails() {
            Finding finding = only(check(rect(1790, 100, 1810, 200)));
            assertThat(finding.rule()).isEqualTo("constraint.corridor");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(1000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.5);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(CONTROL_LINE_SOURCE + "high-voltage-corridor");
            assertThat(finding.related()).containsExactly(HV);
            assertThat(finding.planar().getArea()).isCloseTo(1000.0, within(1e-6));
        }

        @Test
        void anOverlapWithARoadReserveFails() {
            Finding finding = only(check(rect(600, 520, 700, 620)));
            assertThat(finding.rule()).isEqualTo("constraint.corridor");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(1000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.5);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(ROAD_SOURCE);
            assertThat(finding.related()).containsExactly(ROAD);
            assertThat(finding.planar().getArea()).isCloseTo(1000.0, within(1e-6));
            assertThat(finding.message()).contains("Keji Road").contains("30 m road reserve");
        }

        @Test
        void anOverlapWithTheRiverBlueLineFails() {
            Finding finding = only(check(rect(600, -50, 700, 100)));
            assertThat(finding.rule()).isEqualTo("constraint.corridor");
            assertThat(finding.measured()).isCloseTo(1000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.5);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(CONTROL_LINE_SOURCE + "river-blue-line");
            assertThat(finding.related()).containsExactly(RIVER);
            assertThat(finding.planar().getArea()).isCloseTo(1000.0, within(1e-6));
        }

        @Test
        void aSiteAcrossTheCorridorAndTheRoadGetsOneFindingEach() {
            // Corridor: 40 m x 50 m = 2000 m²; road reserve: 60 m x 30 m = 1800 m².
            List<Finding> findings = check(rect(1790, 490, 1850, 540));
            assertThat(findings).hasSize(2);
            Finding corridor = findings.stream().filter(f -> f.related().equals(List.of(HV))).findFirst().orElseThrow();
            Finding road = findings.stream().filter(f -> f.related().equals(List.of(ROAD))).findFirst().orElseThrow();
            assertThat(corridor.measured()).isCloseTo(2000.0, within(1e-6));
            assertThat(corridor.planar().getArea()).isCloseTo(2000.0, within(1e-6));
            assertThat(road.measured()).isCloseTo(1800.0, within(1e-6));
            assertThat(road.planar().getArea()).isCloseTo(1800.0, within(1e-6));
        }
    }
}
