package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.CHECKS_SOURCE;
import static org.qiluvalley.planner.rules.RuleFixtures.ROAD;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;
import static org.qiluvalley.planner.rules.RuleFixtures.reserve;
import static org.qiluvalley.planner.rules.RuleFixtures.wkt;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * {@code road.access}: the site touches a road reserve or lies within 5 m of one. The standard world's reserve
 * keji-road-red-line runs y 500..530.
 */
class RoadAccessRuleTest {

    private final RoadAccessRule rule = new RoadAccessRule();
    private final InMemorySiteContext site = RuleFixtures.standardSite();

    private List<Finding> check(Geometry outline) {
        return RuleFixtures.check(rule, drawn(outline), site);
    }

    @Test
    void hasItsId() {
        assertThat(rule.id()).isEqualTo("road.access");
        assertThat(rule.needsValidGeometry()).isTrue();
    }

    @Test
    void aSiteTouchingTheReservePasses() {
        assertThat(check(rect(600, 530, 700, 630))).isEmpty();
        assertThat(check(rect(600, 400, 700, 500))).isEmpty();
    }

    @Test
    void aSiteThreeMetresFromTheReservePasses() {
        assertThat(check(rect(600, 533, 700, 633))).isEmpty();
    }

    @Test
    void aSiteExactlyFiveMetresFromTheReservePasses() {
        assertThat(check(rect(600, 535, 700, 635))).isEmpty();
    }

    @Nested
    class WhenTheSiteHasNoFrontage {

        @Test
        void aSiteTwelveMetresFromTheReserveFailsWithTheGapLine() {
            Finding finding = only(check(rect(600, 542, 700, 642)));
            assertThat(finding.rule()).isEqualTo("road.access");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(12.0, within(1e-9));
            assertThat(finding.limit()).isEqualTo(5.0);
            assertThat(finding.unit()).isEqualTo("m");
            assertThat(finding.source()).isEqualTo(CHECKS_SOURCE);
            assertThat(finding.related()).containsExactly(ROAD);
            assertThat((Object) finding.planar()).isInstanceOf(LineString.class);
            assertThat(finding.planar().getLength()).isCloseTo(12.0, within(1e-9));
            assertThat(finding.planar().getSRID()).isEqualTo(4548);
            assertThat(finding.planar().getEnvelopeInternal().getMinY()).isCloseTo(530.0, within(1e-9));
            assertThat(finding.planar().getEnvelopeInternal().getMaxY()).isCloseTo(542.0, within(1e-9));
        }

        @Test
        void justOverFiveMetresFails() {
            Finding finding = only(check(rect(600, 535.01, 700, 635)));
            assertThat(finding.measured()).isCloseTo(5.01, within(1e-9));
            assertThat(finding.planar().getLength()).isCloseTo(5.01, within(1e-9));
        }

        @Test
        void theNearestOfSeveralRoadsIsReported() {
            InMemorySiteContext twoRoads = RuleFixtures.standardWorld()
                    .road(reserve("leishe-road-red-line", 24, rect(0, 600, 2000, 624))).build();
            Finding finding = only(RuleFixtures.check(rule, drawn(rect(600, 640, 700, 740)), twoRoads));
            assertThat(finding.related()).containsExactly("leishe-road-red-line");
            assertThat(finding.measured()).isCloseTo(16.0, within(1e-9));
            assertThat(finding.planar().getLength()).isCloseTo(16.0, within(1e-9));
        }

        @Test
        void withNoReserveWithinTheSearchRadiusNothingIsMeasured() {
            InMemorySiteContext farRoad = RuleFixtures.emptyWorld()
                    .road(reserve("far-road-red-line", 30, rect(0, 2000, 2000, 2030))).build();
            Finding finding = only(RuleFixtures.check(rule, drawn(rect(600, 100, 700, 200)), farRoad));
            assertThat(finding.rule()).isEqualTo("road.access");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isNull();
            assertThat(finding.limit()).isEqualTo(5.0);
            assertThat(finding.unit()).isEqualTo("m");
            assertThat(finding.related()).isEmpty();
            assertThat((Object) finding.planar()).isNull();
        }

        @Test
        void aCentrelineAloneGivesNoFrontage() {
            InMemorySiteContext centrelineOnly = RuleFixtures.emptyWorld()
                    .road(RuleFixtures.centreline("keji-road", wkt("LINESTRING (0 515, 2000 515)"))).build();
            Finding finding = only(RuleFixtures.check(rule, drawn(rect(600, 518, 700, 618)), centrelineOnly));
            assertThat(finding.measured()).isNull();
            assertThat(finding.related()).isEmpty();
        }
    }
}
