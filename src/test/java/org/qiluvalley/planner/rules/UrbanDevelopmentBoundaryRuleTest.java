package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.CONTROL_LINE_SOURCE;
import static org.qiluvalley.planner.rules.RuleFixtures.UDB;
import static org.qiluvalley.planner.rules.RuleFixtures.constraint;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.ConstraintKind;

/**
 * {@code constraint.udb}: the site lies inside the urban development boundary (standard world: the park outline
 * 0..2000 x 0..1000). Without a boundary in the park context the rule does not apply.
 */
class UrbanDevelopmentBoundaryRuleTest {

    private final UrbanDevelopmentBoundaryRule rule = new UrbanDevelopmentBoundaryRule();
    private final InMemorySiteContext site = RuleFixtures.standardSite();

    private List<Finding> check(Geometry outline) {
        return RuleFixtures.check(rule, drawn(outline), site);
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("constraint.udb");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void aSiteInsideTheBoundaryPasses() {
        assertThat(check(rect(100, 100, 200, 200))).isEmpty();
        assertThat(check(rect(0, 0, 100, 100))).as("flush with the boundary").isEmpty();
    }

    @Test
    void aSiteStickingOutByOneCentimetrePasses() {
        assertThat(check(rect(-0.01, 100, 100, 200))).isEmpty();
    }

    @Test
    void withoutABoundaryInTheParkTheRuleDoesNotApply() {
        InMemorySiteContext noUdb = RuleFixtures.standardWorld()
                .withoutConstraints(ConstraintKind.URBAN_DEVELOPMENT_BOUNDARY).build();
        assertThat(RuleFixtures.check(rule, drawn(rect(100, 1100, 200, 1200)), noUdb)).isEmpty();
    }

    @Test
    void aBoundaryInTwoPartsCountsAsTheirUnion() {
        InMemorySiteContext twoParts = RuleFixtures.standardWorld()
                .withoutConstraints(ConstraintKind.URBAN_DEVELOPMENT_BOUNDARY)
                .constraint(constraint("udb-south", ConstraintKind.URBAN_DEVELOPMENT_BOUNDARY, rect(0, 0, 2000, 500)))
                .constraint(constraint("udb-north", ConstraintKind.URBAN_DEVELOPMENT_BOUNDARY, rect(0, 500, 2000, 1000)))
                .build();
        assertThat(RuleFixtures.check(rule, drawn(rect(100, 450, 200, 550)), twoParts)).isEmpty();
        Finding outside = only(RuleFixtures.check(rule, drawn(rect(100, 950, 200, 1050)), twoParts));
        assertThat(outside.related()).containsExactlyInAnyOrder("udb-south", "udb-north");
    }

    @Nested
    class WhenTheSiteLeavesTheUrbanDevelopmentBoundary {

        @Test
        void aSiteTenMetresAcrossTheWestEdgeFails() {
            Finding finding = only(check(rect(-10, 100, 90, 200)));
            assertThat(finding.rule()).isEqualTo("constraint.udb");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.limit()).isEqualTo(0.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(CONTROL_LINE_SOURCE + "urban-development-boundary");
            assertThat(finding.related()).containsExactly(UDB);
            assertThat(finding.planar().getArea()).isCloseTo(finding.measured(), within(1e-6));
        }

        /** 10 m x 100 m = 1000 m² lie outside; the 0.05 m tolerance should not shave 5 m² off the report. */
        @Test
        void aSiteTenMetresAcrossTheWestEdgeReportsTheWholeAreaOutside() {
            Finding finding = only(check(rect(-10, 100, 90, 200)));
            assertThat(finding.measured()).as("area outside the boundary, m²").isCloseTo(1000.0, within(1e-6));
            assertThat(finding.planar().getArea()).isCloseTo(1000.0, within(1e-6));
        }

        @Test
        void aSiteWhollyOutsideFailsWithItsWholeArea() {
            Finding finding = only(check(rect(100, 1100, 200, 1200)));
            assertThat(finding.rule()).isEqualTo("constraint.udb");
            assertThat(finding.measured()).isCloseTo(10_000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.related()).containsExactly(UDB);
            assertThat(finding.planar().getArea()).isCloseTo(10_000.0, within(1e-6));
        }
    }
}
