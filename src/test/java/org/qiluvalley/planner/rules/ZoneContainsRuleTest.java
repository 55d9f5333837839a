package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.CHECKS_SOURCE;
import static org.qiluvalley.planner.rules.RuleFixtures.EXHIBITION;
import static org.qiluvalley.planner.rules.RuleFixtures.LASER;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;
import static org.qiluvalley.planner.rules.RuleFixtures.wkt;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code zone.contains}: the site lies inside the zone it is allocated in (laser-industry 0..1000 x 0..1000,
 * exhibition 1000..1500), with a 0.05 m containment tolerance.
 */
class ZoneContainsRuleTest {

    private final ZoneContainsRule rule = new ZoneContainsRule();
    private final InMemorySiteContext site = RuleFixtures.standardSite();

    private List<Finding> check(Geometry outline, String zone) {
        return RuleFixtures.check(rule, drawn(outline, zone), site);
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("zone.contains");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void aSiteInsideItsZonePasses() {
        assertThat(check(rect(100, 100, 200, 200), LASER)).isEmpty();
        assertThat(check(rect(1100, 100, 1200, 200), EXHIBITION)).isEmpty();
    }

    @Test
    void aSiteFlushWithTheZoneEdgePasses() {
        assertThat(check(rect(900, 100, 1000, 200), LASER)).isEmpty();
    }

    @Test
    void aSiteStickingOutByOneCentimetrePasses() {
        // 0.01 m x 100 m = 1 m² in the exhibition zone: within the 0.05 m containment tolerance.
        assertThat(check(rect(900, 100, 1000.01, 200), LASER)).isEmpty();
    }

    @Test
    void aSiteInsideAMultiPolygonZonePasses() {
        InMemorySiteContext twoPart = RuleFixtures.emptyWorld()
                .zone(RuleFixtures.zone(LASER, wkt("MULTIPOLYGON (((0 0, 100 0, 100 100, 0 100, 0 0)), "
                        + "((200 0, 300 0, 300 100, 200 100, 200 0)))")))
                .build();
        assertThat(RuleFixtures.check(rule, drawn(rect(210, 10, 290, 90)), twoPart)).isEmpty();
    }

    @Nested
    class WhenTheSiteLeavesItsZone {

        @Test
        void aSiteStickingOutByOneMetreFails() {
            Finding finding = only(check(rect(900, 100, 1001, 200), LASER));
            assertThat(finding.rule()).isEqualTo("zone.contains");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.limit()).isEqualTo(0.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.source()).isEqualTo(CHECKS_SOURCE);
            assertThat(finding.related()).containsExactly(LASER);
            assertThat(finding.planar().getArea()).isCloseTo(finding.measured(), within(1e-6));
        }

        /** The strip outside is 1 m x 100 m = 100 m²; the tolerance should not shave 0.05 m x 100 m off it. */
        @Test
        void aSiteStickingOutByOneMetreReportsTheWholeStripOutside() {
            Finding finding = only(check(rect(900, 100, 1001, 200), LASER));
            assertThat(finding.measured()).as("area outside the zone, m²").isCloseTo(100.0, within(1e-6));
            assertThat(finding.planar().getArea()).isCloseTo(100.0, within(1e-6));
            assertThat(finding.planar().getEnvelopeInternal().getMinX()).isCloseTo(1000.0, within(1e-9));
        }

        @Test
        void aSiteInAnotherZoneFailsWithItsWholeArea() {
            Finding finding = only(check(rect(1100, 100, 1200, 200), LASER));
            assertThat(finding.rule()).isEqualTo("zone.contains");
            assertThat(finding.measured()).isCloseTo(10_000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(0.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.related()).containsExactly(LASER);
            assertThat(finding.planar().getArea()).isCloseTo(10_000.0, within(1e-6));
        }

        @Test
        void aZoneWithoutAnOutlineFails() {
            Finding finding = only(check(rect(100, 100, 200, 200), "research-institute"));
            assertThat(finding.rule()).isEqualTo("zone.contains");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isNull();
            assertThat(finding.limit()).isNull();
            assertThat(finding.unit()).isEmpty();
            assertThat(finding.related()).containsExactly("research-institute");
            assertThat((Object) finding.planar()).isNull();
            assertThat(finding.message()).contains("research-institute");
        }
    }
}
