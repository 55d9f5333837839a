package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.CONTROL_LINE_SOURCE;
import static org.qiluvalley.planner.rules.RuleFixtures.FARMLAND;
import static org.qiluvalley.planner.rules.RuleFixtures.RED_LINE;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code constraint.redline}: no overlap with the ecological protection red line (y -100..0, south of the park) or
 * permanent basic farmland (x -200..0, west of the park).
 */
class RedLineRuleTest {

    private final RedLineRule rule = new RedLineRule();
    private final InMemorySiteContext site = RuleFixtures.standardSite();

    private List<Finding> check(Geometry outline) {
        return RuleFixtures.check(rule, drawn(outline), site);
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("constraint.redline");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void aSiteInsideTheParkPasses() {
        assertThat(check(rect(100, 100, 200, 200))).isEmpty();
    }

    @Test
    void aSiteTouchingTheRedLineAlongAnEdgePasses() {
        assertThat(check(rect(100, 0, 200, 100))).isEmpty();
        assertThat(check(rect(0, 100, 100, 200))).isEmpty();
    }

    @Test
    void anOverlapUnderTheToleranceIsDrawingNoise() {
        // 100 m x 0.0049 m = 0.49 m².
        assertThat(check(rect(100, -0.0049, 200, 100))).isEmpty();
    }

    @Test
    void otherControlLinesAreNotTheRedLine() {
        // Inside the urban development boundary, across the high-voltage corridor: other rules' business.
        assertThat(check(rect(1810, 100, 1830, 200))).isEmpty();
    }

    @Nested
    class WhenTheSiteCrossesTheRedLineOrFarmland {

        @Test
        void anOverlapWithTheEcologicalRedLineFails() {
            Finding finding = only(check(rect(100, -20, 110, 100)));
            assertThat(finding.rule()).isEqualTo("constraint.redline");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(200.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.5);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(CONTROL_LINE_SOURCE + "ecological-red-line");
            assertThat(finding.related()).containsExactly(RED_LINE);
            assertThat(finding.planar().getArea()).isCloseTo(200.0, within(1e-6));
        }

        @Test
        void anOverlapWithPermanentBasicFarmlandFails() {
            Finding finding = only(check(rect(-30, 100, 70, 200)));
            assertThat(finding.rule()).isEqualTo("constraint.redline");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(3000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.5);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(CONTROL_LINE_SOURCE + "permanent-basic-farmland");
            assertThat(finding.related()).containsExactly(FARMLAND);
            assertThat(finding.planar().getArea()).isCloseTo(3000.0, within(1e-6));
        }

        @Test
        void aSiteOverBothGetsOneFindingEach() {
            List<Finding> findings = check(rect(-10, -10, 10, 10)).stream()
                    .sorted(Comparator.comparing(f -> f.related().get(0))).toList();
            assertThat(findings).extracting(f -> f.related()).containsExactly(List.of(RED_LINE), List.of(FARMLAND));
            for (Finding finding : findings) {
                assertThat(finding.rule()).isEqualTo("constraint.redline");
                assertThat(finding.measured()).isCloseTo(100.0, within(1e-6));
                assertThat(finding.planar().getArea()).isCloseTo(100.0, within(1e-6));
            }
        }
    }
}
