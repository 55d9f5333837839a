package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiluvalley.planner.rules.RuleFixtures.BOOK;
import static org.qiluvalley.planner.rules.RuleFixtures.EXHIBITION;
import static org.qiluvalley.planner.rules.RuleFixtures.LASER;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;
import static org.qiluvalley.planner.rules.RuleFixtures.wkt;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * {@code landuse.permitted}: the land-use code is one the zone permits (laser-industry: 100101, 0802, 1101). Needs no
 * valid geometry.
 */
class LandUsePermittedRuleTest {

    private static final String SOURCE = BOOK.sourceTitle("mnr-land-use-classification-2023");

    private final LandUsePermittedRule rule = new LandUsePermittedRule();
    private final InMemorySiteContext site = RuleFixtures.standardSite();
    private final Polygon outline = rect(100, 100, 200, 200);

    private List<Finding> check(Geometry planar, String zone, String landUse) {
        return RuleFixtures.check(rule, new Candidate(null, planar, zone, landUse, Candidate.ProposedIndicators.NONE,
                null), site);
    }

    @Test
    void hasItsIdAndRunsOnInvalidGeometry() {
        assertThat(rule.id()).isEqualTo("landuse.permitted");
        assertThat(rule.needsValidGeometry()).isFalse();
    }

    @Test
    void everyPermittedCodePasses() {
        for (String code : List.of("100101", "0802", "1101")) {
            assertThat(check(outline, LASER, code)).as(code).isEmpty();
        }
        assertThat(check(outline, EXHIBITION, "080301")).isEmpty();
    }

    @Test
    void noCodeOrAZoneOutsideTheRuleBookIsNotChecked() {
        assertThat(check(outline, LASER, null)).isEmpty();
        assertThat(check(outline, "no-such-zone", "0902")).isEmpty();
    }

    @Nested
    class WhenTheLandUseIsNotPermitted {

        @Test
        void businessLandInTheLaserIndustryZoneFailsListingThePermittedCodes() {
            Finding finding = only(check(outline, LASER, "0902"));
            assertThat(finding.rule()).isEqualTo("landuse.permitted");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isNull();
            assertThat(finding.limit()).isNull();
            assertThat(finding.unit()).isEmpty();
            assertThat(finding.source()).isEqualTo(SOURCE);
            assertThat(finding.related()).containsExactly(LASER);
            assertThat(finding.message()).contains("0902").contains("Business and finance land")
                    .contains("permitted: 100101, 0802, 1101");
            assertThat(finding.messageZh()).contains("100101、0802、1101");
            assertThat((Object) finding.planar()).isSameAs(outline);
            assertThat(finding.planar().getArea()).isEqualTo(10_000.0);
        }

        @Test
        void anUnknownCodeFails() {
            Finding finding = only(check(outline, LASER, "9999"));
            assertThat(finding.rule()).isEqualTo("landuse.permitted");
            assertThat(finding.related()).containsExactly(LASER);
            assertThat(finding.message()).contains("9999").contains("unknown code");
        }

        @Test
        void theCodeIsCheckedEvenOnABrokenOutline() {
            Geometry bowTie = wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))");
            Finding finding = only(check(bowTie, EXHIBITION, "100101"));
            assertThat(finding.related()).containsExactly(EXHIBITION);
            assertThat(finding.message()).contains("permitted: 080301, 0902");
        }
    }
}
