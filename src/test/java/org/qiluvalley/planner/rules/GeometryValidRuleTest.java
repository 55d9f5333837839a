package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.CHECKS_SOURCE;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;
import static org.qiluvalley.planner.rules.RuleFixtures.regularPolygon;
import static org.qiluvalley.planner.rules.RuleFixtures.wkt;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.CrsTransform;

/** {@code geometry.valid}: one non-empty valid polygon within the vertex (5000) and area (2,000,000 m²) limits. */
class GeometryValidRuleTest {

    private final GeometryValidRule rule = new GeometryValidRule();
    private final InMemorySiteContext site = RuleFixtures.standardSite();

    private List<Finding> check(Geometry outline) {
        return RuleFixtures.check(rule, drawn(outline), site);
    }

    @Test
    void hasItsIdAndRunsOnInvalidGeometry() {
        assertThat(rule.id()).isEqualTo("geometry.valid");
        assertThat(rule.needsValidGeometry()).isFalse();
    }

    @Test
    void aRectanglePasses() {
        assertThat(check(rect(100, 100, 200, 200))).isEmpty();
    }

    @Test
    void aPolygonWithAHolePasses() {
        assertThat(check(wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40))")))
                .isEmpty();
    }

    @Test
    void aPolygonOfAThousandVerticesPasses() {
        Polygon circle = regularPolygon(500, 500, 100, 1000);
        assertThat(circle.getNumPoints()).isEqualTo(1001);
        assertThat(check(circle)).isEmpty();
    }

    @Test
    void aSiteOfExactlyTheMaximumAreaPasses() {
        // 2000 m x 1000 m = 2,000,000 m², the limit (inclusive).
        assertThat(check(rect(0, 0, 2000, 1000))).isEmpty();
    }

    @Nested
    class WhenTheOutlineIsNotOneValidPolygon {

        @Test
        void aBowTieFailsAtItsSelfIntersectionPoint() {
            Finding finding = only(check(wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")));
            assertThat(finding.rule()).isEqualTo("geometry.valid");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isNull();
            assertThat(finding.limit()).isNull();
            assertThat(finding.unit()).isEmpty();
            assertThat(finding.related()).isEmpty();
            assertThat(finding.source()).isEqualTo(CHECKS_SOURCE);
            assertThat(finding.message()).contains("Self-intersection").contains("(5, 5)");
            // (Object): JTS Geometry is a raw Comparable, which would pick AssertJ's unchecked Comparable overload.
            assertThat((Object) finding.planar()).isInstanceOf(Point.class);
            Point at = (Point) finding.planar();
            assertThat(at.getX()).isCloseTo(5.0, within(1e-9));
            assertThat(at.getY()).isCloseTo(5.0, within(1e-9));
            assertThat(at.getSRID()).isEqualTo(4548);
        }

        @Test
        void aRingTouchingItselfFailsAtTheTouchingVertex() {
            // The shell passes through (50 50) twice: a self-touching ring, invalid for a JTS/OGC polygon.
            Finding finding = only(check(wkt("POLYGON ((0 0, 100 0, 50 50, 100 100, 0 100, 50 50, 0 0))")));
            assertThat(finding.rule()).isEqualTo("geometry.valid");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat((Object) finding.planar()).isInstanceOf(Point.class);
            assertThat(finding.planar().getCoordinate().x).isCloseTo(50.0, within(1e-9));
            assertThat(finding.planar().getCoordinate().y).isCloseTo(50.0, within(1e-9));
        }

        @Test
        void aMultiPolygonFails() {
            Geometry two = wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 10, 20 0)))");
            Finding finding = only(check(two));
            assertThat(finding.rule()).isEqualTo("geometry.valid");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("MultiPolygon");
            assertThat(finding.measured()).isNull();
            assertThat(finding.limit()).isNull();
            assertThat(finding.unit()).isEmpty();
            assertThat(finding.related()).isEmpty();
            assertThat((Object) finding.planar()).isSameAs(two);
            assertThat(finding.planar().getArea()).isCloseTo(200.0, within(1e-6));
        }

        @Test
        void aLineStringFails() {
            Geometry line = wkt("LINESTRING (0 0, 100 0, 100 100)");
            Finding finding = only(check(line));
            assertThat(finding.rule()).isEqualTo("geometry.valid");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message()).contains("LineString");
            assertThat((Object) finding.planar()).isSameAs(line);
            assertThat(finding.planar().getArea()).isZero();
        }

        @Test
        void anEmptyOrMissingOutlineFails() {
            for (Geometry none : new Geometry[] {CrsTransform.PLANAR.createPolygon(), null}) {
                Finding finding = only(check(none));
                assertThat(finding.rule()).isEqualTo("geometry.valid");
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.message()).contains("no outline");
                assertThat(finding.measured()).isNull();
                assertThat((Object) finding.planar()).isNull();
            }
        }

        @Test
        void tooManyVerticesFailWithTheCount() {
            Polygon circle = regularPolygon(500, 500, 200, 6000);
            Finding finding = only(check(circle));
            assertThat(finding.rule()).isEqualTo("geometry.valid");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            // Distinct vertices: the ring's closing point is not counted twice.
            assertThat(finding.measured()).isEqualTo(6000.0);
            assertThat(finding.limit()).isEqualTo(5000.0);
            assertThat(finding.unit()).isEqualTo("vertices");
            assertThat(finding.related()).isEmpty();
            assertThat((Object) finding.planar()).isNull();
        }

        @Test
        void aSiteOverTheAreaLimitFailsWithItsArea() {
            // 2000 m x 1001 m = 2,002,000 m² > 2,000,000 m².
            Polygon huge = rect(0, 0, 2000, 1001);
            Finding finding = only(check(huge));
            assertThat(finding.rule()).isEqualTo("geometry.valid");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isCloseTo(2_002_000.0, within(1e-6));
            assertThat(finding.limit()).isEqualTo(2_000_000.0);
            assertThat(finding.unit()).isEqualTo("m²");
            assertThat(finding.related()).isEmpty();
            assertThat(finding.planar().getArea()).isCloseTo(2_002_000.0, within(1e-6));
        }
    }
}
