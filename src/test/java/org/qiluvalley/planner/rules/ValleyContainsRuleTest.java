package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.CHECKS_SOURCE;
import static org.qiluvalley.planner.rules.RuleFixtures.VALLEY;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code valley.contains}: the site lies inside the park boundary (valley 0..2000 x 0..1000), with a 0.05 m
 * containment tolerance.
 */
class ValleyContainsRuleTest {

    private final ValleyContainsRule rule = new ValleyContainsRule();
    private final InMemorySiteContext site = RuleFixtures.standardSite();

    private List<Finding> check(Geometry outline) {
        return RuleFixtures.check(rule, drawn(outline), site);
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("valley.contains");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void aSiteInsidePasses() {
        assertThat(check(rect(100, 100, 200, 200))).isEmpty();
    }

    @Test
    void aSiteFlushWithTheBoundaryPasses() {
        assertThat(check(rect(100, 900, 200, 1000))).isEmpty();
    }

    @Test
    void aSiteStickingOutByOneCentimetrePasses() {
        // 100 m x 0.01 m = 1 m² outside, above the 0.5 m² overlap tolerance but within the 0.05 m containment tolerance.
        assertThat(check(rect(100, 900, 200, 1000.01))).isEmpty();
    }

    @Test
    void withoutAParkBoundaryTheRuleDoesNotApply() {
        InMemorySiteContext noValley = RuleFixtures.standardWorld().withoutValley().build();
        assertThat(RuleFixtures.check(rule, drawn(rect(100, 1100, 200, 1200)), noValley)).isEmpty();
    }

    @Nested
    class WhenTheSiteLeavesThePark {

        @Test
        void aSiteStickingOutByOneMetreFails() {
            Finding finding = only(check(rect(100, 900, 200, 1001)));
            assertThat(finding.rule()).isEqualTo("valley.contains");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.limit()).isEqualTo(0.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(CHECKS_SOURCE);
            assertThat(finding.related()).containsExactly(VALLEY);
            assertThat(finding.planar().getArea()).isCloseTo(finding.measured(), within(1e-6));
        }

        /**
         * The finding says how much of the site lies outside: the whole 100 m x 1 m strip, 100 m². The tolerance
         * decides whether there is a finding, it should not shave 0.05 m off the strip that is reported.
         */
        @Test
        void aSiteStickingOutByOneMetreReportsTheWholeStripOutside() {
            Finding finding = only(check(rect(100, 900, 200, 1001)));
            assertThat(finding.measured()).as("area outside the park, m²").isCloseTo(100.0, within(1e-6));
            assertThat(finding.planar().getArea()).isCloseTo(100.0, within(1e-6));
            assertThat(finding.planar().getEnvelopeInternal().getMinY()).isCloseTo(1000.0, within(1e-9));
        }

        @Test
        void aSiteWhollyOutsideFailsWithItsWholeArea() {
            Finding finding = only(check(rect(100, 1100, 200, 1200)));
            assertThat(finding.rule()).isEqualTo("valley.contains");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(10_000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.related()).containsExactly(VALLEY);
            assertThat(finding.planar().getArea()).isCloseTo(10_000.0, within(1e-6));
        }
    }
}
