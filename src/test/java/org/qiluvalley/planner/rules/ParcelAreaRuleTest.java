package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.BOOK;
import static org.qiluvalley.planner.rules.RuleFixtures.EXHIBITION;
import static org.qiluvalley.planner.rules.RuleFixtures.INFRASTRUCTURE;
import static org.qiluvalley.planner.rules.RuleFixtures.LASER;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** {@code parcel.area}: the site's area is in the zone's range (laser-industry 5,000..100,000 m²). */
class ParcelAreaRuleTest {

    private static final String SOURCE = BOOK.sourceTitle("park-plan-illustrative");

    private final ParcelAreaRule rule = new ParcelAreaRule();
    private final InMemorySiteContext site = RuleFixtures.standardSite();

    private List<Finding> check(Geometry outline, String zone) {
        return RuleFixtures.check(rule, drawn(outline, zone), site);
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("parcel.area");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void aSiteInRangePasses() {
        assertThat(check(rect(0, 0, 100, 100), LASER)).isEmpty();
    }

    @Test
    void theBoundsAreInclusive() {
        assertThat(check(rect(0, 0, 50, 100), LASER)).as("5,000 m²").isEmpty();
        assertThat(check(rect(0, 0, 500, 200), LASER)).as("100,000 m²").isEmpty();
    }

    @Test
    void aZoneWithoutAnAreaRangeIsNotChecked() {
        assertThat(check(rect(0, 0, 10, 10), INFRASTRUCTURE)).isEmpty();
        assertThat(check(rect(0, 0, 10, 10), "no-such-zone")).isEmpty();
    }

    @Nested
    class WhenTheSiteIsTooSmallOrTooLarge {

        @Test
        void aSiteBelowTheMinimumFails() {
            Geometry small = rect(0, 0, 60, 80); // 4,800 m²
            Finding finding = only(check(small, LASER));
            assertThat(finding.rule()).isEqualTo("parcel.area");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(4800.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(5000.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(SOURCE);
            assertThat(finding.related()).containsExactly(LASER);
            assertThat(finding.message()).contains("covers 4,800 m² (0.48 ha, 7.2 mu), below the minimum 5,000 m² (0.50 ha, 7.5 mu)");
            assertThat(finding.planar().getArea()).isCloseTo(4800.0, within(1e-6));
        }

        @Test
        void aSiteAboveTheMaximumFails() {
            Geometry large = rect(0, 0, 400, 300); // 120,000 m²
            Finding finding = only(check(large, LASER));
            assertThat(finding.rule()).isEqualTo("parcel.area");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(120_000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(100_000.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.related()).containsExactly(LASER);
            assertThat(finding.message()).contains("above the maximum 100,000 m² (10.00 ha, 150.0 mu)");
            assertThat(finding.planar().getArea()).isCloseTo(120_000.0, within(1e-6));
        }

        @Test
        void theRangeIsTheZones() {
            // 10,000 m² is a fine enterprise parcel but below the exhibition area's 20,000 m² minimum.
            Finding finding = only(check(rect(1100, 100, 1200, 200), EXHIBITION));
            assertThat(finding.limit()).isEqualTo(20_000.0);
            assertThat(finding.related()).containsExactly(EXHIBITION);
        }
    }
}
