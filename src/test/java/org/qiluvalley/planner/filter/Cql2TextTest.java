package org.qiluvalley.planner.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.filter.Filter.ComparisonOperator;
import org.qiluvalley.planner.filter.Operand.Property;
import org.qiluvalley.planner.filter.Operand.Text;

/** CQL2-Text read into the syntax tree: every operator, precedence, escapes, geometries, limits and refusals. */
class Cql2TextTest {

    private static Filter parse(String text) {
        return Cql2Text.parse(text, FilterCrs.CRS84);
    }

    private static Filter.Comparison eq(String property, String value) {
        return new Filter.Comparison(new Property(property), ComparisonOperator.EQUAL, new Text(value));
    }

    private static Filter.Comparison eq(String property, double value) {
        return new Filter.Comparison(new Property(property), ComparisonOperator.EQUAL, new Operand.Number(value));
    }

    private static String refusal(String text) {
        try {
            parse(text);
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused: " + text);
    }

    @Test
    void everyComparisonOperator() {
        for (ComparisonOperator operator : ComparisonOperator.values()) {
            assertThat(parse("farMax " + operator.symbol() + " 2.5")).isEqualTo(new Filter.Comparison(
                    new Property("farMax"), operator, new Operand.Number(2.5)));
        }
        assertThat(parse("'a' < zone")).isEqualTo(new Filter.Comparison(new Text("a"), ComparisonOperator.LESS,
                new Property("zone")));
        assertThat(parse("farMin <= farMax")).isEqualTo(new Filter.Comparison(new Property("farMin"),
                ComparisonOperator.LESS_OR_EQUAL, new Property("farMax")));
    }

    @Test
    void likeBetweenInAndNullWithTheirNegations() {
        assertThat(parse("zone LIKE 'laser%'")).isEqualTo(new Filter.Like(new Property("zone"), "laser%", false));
        assertThat(parse("zone NOT LIKE '_x'")).isEqualTo(new Filter.Like(new Property("zone"), "_x", true));
        assertThat(parse("farMax BETWEEN 1 AND 2.5")).isEqualTo(new Filter.Between(new Property("farMax"),
                new Operand.Number(1), new Operand.Number(2.5), false));
        assertThat(parse("farMax NOT BETWEEN -1 AND +2")).isEqualTo(new Filter.Between(new Property("farMax"),
                new Operand.Number(-1), new Operand.Number(2), true));
        assertThat(parse("zone IN ('a', 'b')")).isEqualTo(new Filter.In(new Property("zone"),
                List.of(new Text("a"), new Text("b")), false));
        assertThat(parse("version NOT IN (1)")).isEqualTo(new Filter.In(new Property("version"),
                List.of(new Operand.Number(1)), true));
        assertThat(parse("landUse IS NULL")).isEqualTo(new Filter.IsNull(new Property("landUse"), false));
        assertThat(parse("landUse IS NOT NULL")).isEqualTo(new Filter.IsNull(new Property("landUse"), true));
    }

    @Test
    void literalsOfEveryType() {
        assertThat(parse("allocatable = TRUE")).isEqualTo(new Filter.Comparison(new Property("allocatable"),
                ComparisonOperator.EQUAL, new Operand.Bool(true)));
        assertThat(parse("allocatable <> false")).isEqualTo(new Filter.Comparison(new Property("allocatable"),
                ComparisonOperator.NOT_EQUAL, new Operand.Bool(false)));
        assertThat(parse("updatedAt > TIMESTAMP('2026-01-01T00:00:00.5Z')")).isEqualTo(new Filter.Comparison(
                new Property("updatedAt"), ComparisonOperator.GREATER,
                new Operand.Timestamp(Instant.parse("2026-01-01T00:00:00.5Z"))));
        assertThat(parse("day = DATE('2024-02-29')")).isEqualTo(new Filter.Comparison(new Property("day"),
                ComparisonOperator.EQUAL, new Operand.Date(LocalDate.of(2024, 2, 29))));
        for (String number : List.of("1", "1.", ".5", "1.5", "1e3", "1.5E-3", "-2", "+2", "- 2", "12345678901234567890")) {
            double expected = Double.parseDouble(number.replace(" ", ""));
            assertThat(parse("x = " + number)).as(number).isEqualTo(eq("x", expected));
        }
        assertThat(parse("TRUE")).isEqualTo(new Filter.Constant(true));
        assertThat(parse("(false)")).isEqualTo(new Filter.Constant(false));
    }

    @Test
    void keywordsAreCaseInsensitivePropertyNamesAreNot() {
        assertThat(parse("zone like 'a' aNd NOT zone iN ('b') or x is not null")).isEqualTo(new Filter.Or(List.of(
                new Filter.And(List.of(new Filter.Like(new Property("zone"), "a", false),
                        new Filter.Not(new Filter.In(new Property("zone"), List.of(new Text("b")), false)))),
                new Filter.IsNull(new Property("x"), true))));
        assertThat(parse("Zone = 'a'")).isEqualTo(eq("Zone", "a"));
        assertThat(parse("\"IN\" = 'a'")).as("a keyword as a property, quoted").isEqualTo(eq("IN", "a"));
        assertThat(parse("\"landUse\" = 'a'")).isEqualTo(eq("landUse", "a"));
        assertThat(parse("名称 = 'a'")).isEqualTo(eq("名称", "a"));
        assertThat(parse("a.b:c_1 = 'a'")).isEqualTo(eq("a.b:c_1", "a"));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanBoth() {
        Filter a = eq("a", 1);
        Filter b = eq("b", 2);
        Filter c = eq("c", 3);
        assertThat(parse("a = 1 OR b = 2 AND c = 3")).isEqualTo(new Filter.Or(List.of(a, new Filter.And(List.of(b, c)))));
        assertThat(parse("a = 1 AND b = 2 OR c = 3")).isEqualTo(new Filter.Or(List.of(new Filter.And(List.of(a, b)), c)));
        assertThat(parse("(a = 1 OR b = 2) AND c = 3"))
                .isEqualTo(new Filter.And(List.of(new Filter.Or(List.of(a, b)), c)));
        assertThat(parse("NOT a = 1 AND b = 2")).isEqualTo(new Filter.And(List.of(new Filter.Not(a), b)));
        assertThat(parse("NOT (a = 1 AND b = 2)")).isEqualTo(new Filter.Not(new Filter.And(List.of(a, b))));
        assertThat(parse("a = 1 AND b = 2 AND c = 3")).isEqualTo(new Filter.And(List.of(a, b, c)));
        assertThat(parse("x BETWEEN 1 AND 2 AND c = 3")).as("BETWEEN keeps its own AND").isEqualTo(new Filter.And(
                List.of(new Filter.Between(new Property("x"), new Operand.Number(1), new Operand.Number(2), false), c)));
    }

    @Test
    void characterLiteralsAndTheirEscapes() {
        assertThat(parse("x = 'Via dell''Avvento'")).isEqualTo(eq("x", "Via dell'Avvento"));
        assertThat(parse("x = 'Via dell\\'Avvento'")).isEqualTo(eq("x", "Via dell'Avvento"));
        assertThat(parse("x = 'a\\\\b'")).isEqualTo(eq("x", "a\\b"));
        assertThat(parse("x = '\\a\\b\\t\\n\\v\\f\\r'")).isEqualTo(eq("x", "\u0007\b\t\n\u000B\f\r"));
        assertThat(parse("x LIKE '100\\%'")).as("an escape LIKE knows is kept for the pattern")
                .isEqualTo(new Filter.Like(new Property("x"), "100\\%", false));
        assertThat(parse("x = ''")).isEqualTo(eq("x", ""));
        assertThat(parse("x = '激光 产业'")).isEqualTo(eq("x", "激光 产业"));
        assertThat(parse("x = 'line\nbreak'")).isEqualTo(eq("x", "line\nbreak"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zone = 'x'' OR 1=1 --'", "zone = 'x\\' OR 1=1 --'"})
    void anInjectionStringStaysOneLiteral(String filter) {
        assertThat(parse(filter)).isEqualTo(eq("zone", "x' OR 1=1 --"));
    }

    @Test
    void injectionOutsideALiteralIsASyntaxError() {
        assertThat(refusal("zone = 'x' OR 1=1 --")).startsWith("the filter is not valid CQL2 text");
        assertThat(refusal("zone = 'x'; DROP TABLE parcels")).startsWith("the filter is not valid CQL2 text");
        assertThat(refusal("zone = 'x' /* */")).startsWith("the filter is not valid CQL2 text");
    }

    @Nested
    class Geometries {

        private Geometry geometry(String wkt) {
            Filter.Spatial spatial = (Filter.Spatial) parse("S_INTERSECTS(geometry, " + wkt + ")");
            assertThat(spatial.left()).isEqualTo(new Property("geometry"));
            Geometry geometry = ((Operand.GeometryLiteral) spatial.right()).geometry();
            assertThat(geometry.getSRID()).isEqualTo(4326);
            return geometry;
        }

        @Test
        void everyGeometryLiteral() {
            assertThat((Object) geometry("POINT(117.2 36.7)")).isInstanceOf(Point.class);
            assertThat(geometry("POINT Z (117.2 36.7 10)").getCoordinate().getZ()).isNaN();
            assertThat((Object) geometry("LINESTRING(117.2 36.7, 117.3 36.8)")).isInstanceOf(LineString.class);
            assertThat((Object) geometry("POLYGON((117 36, 118 36, 118 37, 117 36))")).isInstanceOf(Polygon.class);
            assertThat((Object) geometry("POLYGON((117 36, 118 36, 118 37, 117 37, 117 36), (117.2 36.2, 117.4 36.2, "
                    + "117.4 36.4, 117.2 36.2))")).satisfies(g -> assertThat(((Polygon) g).getNumInteriorRing()).isOne());
            assertThat((Object) geometry("MULTIPOINT((117 36), (118 37))")).isInstanceOf(MultiPoint.class);
            assertThat((Object) geometry("MULTIPOINT(117 36, 118 37)")).isEqualTo(geometry("MULTIPOINT((117 36), (118 37))"));
            assertThat((Object) geometry("MULTILINESTRING((117 36, 118 37), (117 37, 118 36))"))
                    .isInstanceOf(MultiLineString.class);
            assertThat((Object) geometry("MULTIPOLYGON(((117 36, 117.5 36, 117.5 37, 117 36)), ((118 36, 118.5 36, 118.5 37, "
                    + "118 36)))")).isInstanceOf(MultiPolygon.class);
            assertThat((Object) geometry("BBOX(117, 36, 118, 37)").getEnvelopeInternal())
                    .isEqualTo(new org.locationtech.jts.geom.Envelope(117, 118, 36, 37));
            assertThat((Object) geometry("BBOX(117, 36, -10, 118, 37, 100)")).isEqualTo(geometry("BBOX(117, 36, 118, 37)"));
            assertThat((Object) geometry("point (117.2 36.7)")).isEqualTo(geometry("POINT(117.2 36.7)"));
        }

        @Test
        void bothSpatialFunctionsEitherWayRound() {
            assertThat(parse("S_WITHIN(geometry, BBOX(117, 36, 118, 37))")).isInstanceOf(Filter.Spatial.class)
                    .extracting(f -> ((Filter.Spatial) f).operator()).isEqualTo(Filter.SpatialOperator.WITHIN);
            Filter.Spatial reversed = (Filter.Spatial) parse("s_within(POINT(117.2 36.7), geometry)");
            assertThat(reversed.right()).isEqualTo(new Property("geometry"));
            assertThat(reversed.left()).isInstanceOf(Operand.GeometryLiteral.class);
        }

        @Test
        void epsg4548LiteralsAreEastingNorthingInMetres() {
            Filter.Spatial spatial = (Filter.Spatial) Cql2Text.parse(
                    "S_INTERSECTS(geometry, POINT(517000.5 4065000.25))", FilterCrs.EPSG_4548);
            Geometry point = ((Operand.GeometryLiteral) spatial.right()).geometry();
            assertThat(point.getSRID()).isEqualTo(4548);
            assertThat(point.getCoordinate().x).isEqualTo(517000.5);
            assertThat(point.getCoordinate().y).isEqualTo(4065000.25);
        }

        @Test
        void anotherCrsIsAddedWithItsTransform() {
            FilterCrs shifted = FilterCrs.of("urn:test:shifted", FilterCrs.Target.CRS84, g -> {
                Geometry copy = g.copy();
                copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x += 100);
                copy.geometryChanged();
                return copy;
            });
            Filter.Spatial spatial = (Filter.Spatial) Cql2Text.parse("S_INTERSECTS(geometry, POINT(17.2 36.7))", shifted);
            Geometry point = ((Operand.GeometryLiteral) spatial.right()).geometry();
            assertThat(point.getCoordinate().x).isEqualTo(117.2);
            assertThat(point.getSRID()).isEqualTo(4326);
            assertThat(FilterCrs.builtIn("http://www.opengis.net/def/crs/EPSG/0/4548")).contains(FilterCrs.EPSG_4548);
            assertThat(FilterCrs.builtIn("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).contains(FilterCrs.CRS84);
            assertThat(FilterCrs.builtIn("http://www.opengis.net/def/crs/EPSG/0/3857")).isEmpty();
        }

        @Test
        void geometriesADatabaseCouldNotCompareAreRefused() {
            assertThat(refusal("S_INTERSECTS(geometry, POLYGON((117 36, 118 36, 118 37, 117 37)))"))
                    .contains("not closed");
            assertThat(refusal("S_INTERSECTS(geometry, POLYGON((117 36, 118 37, 118 36, 117 37, 117 36)))"))
                    .isEqualTo("a geometry in the filter is not valid: Self-intersection");
            assertThat(refusal("S_INTERSECTS(geometry, POINT(181 36))")).contains("outside longitude -180..180");
            assertThat(refusal("S_INTERSECTS(geometry, POINT(117 1e999))")).isEqualTo("a number in the filter is out of range");
            assertThat(refusal("S_INTERSECTS(geometry, BBOX(118, 36, 117, 37))")).contains("antimeridian");
            assertThat(refusal("S_INTERSECTS(geometry, BBOX(117, 37, 118, 36))"))
                    .isEqualTo("a BBOX's first y is greater than its second");
            assertThat(refusal("S_INTERSECTS(geometry, BBOX(117, 36, 118))")).startsWith("the filter is not valid");
            assertThat(refusal("S_INTERSECTS(geometry, LINESTRING(117 36))")).startsWith("the filter is not valid");
            assertThat(refusal("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(117 36), POINT(118 37)))"))
                    .isEqualTo("GEOMETRYCOLLECTION is not supported in a filter");
            assertThat(refusal("S_TOUCHES(geometry, POINT(117 36))"))
                    .isEqualTo("S_TOUCHES is not supported; the spatial functions are S_INTERSECTS and S_WITHIN");
            assertThat(refusal("S_INTERSECTS(geometry, 'POINT(117 36)')")).startsWith("the filter is not valid");
        }
    }

    @Nested
    class Refusals {

        @Test
        void syntaxErrorsSayWhereAndEchoAtMostAShortToken() {
            assertThat(refusal("zone = ")).isEqualTo("the filter is not valid CQL2 text: it ends too early (line 1, column 8)");
            assertThat(refusal("zone = 'a")).startsWith("the filter is not valid CQL2 text: a character that is not CQL2");
            assertThat(refusal("zone == 'a'")).isEqualTo("the filter is not valid CQL2 text: unexpected \"=\" (line 1, column 7)");
            assertThat(refusal("zone = 'a' " + "x".repeat(100))).isEqualTo(
                    "the filter is not valid CQL2 text: unexpected \"" + "x".repeat(24) + "...\" (line 1, column 12)");
            assertThat(refusal("zone")).isEqualTo("the filter is not valid CQL2 text: \"zone\" is not a predicate on its own");
            assertThat(refusal("")).startsWith("the filter is not valid CQL2 text: it ends too early");
            assertThat(refusal("zone = 'a' AND")).startsWith("the filter is not valid CQL2 text: it ends too early");
            assertThat(refusal("NOT NOT zone = 'a'")).as("one NOT per factor, as in the BNF").startsWith("the filter is not valid");
            assertThat(refusal("zone = $1")).startsWith("the filter is not valid CQL2 text: a character that is not CQL2");
        }

        @Test
        void whatIsNotSupportedSaysSo() {
            assertThat(refusal("CASEI(zone) = 'a'")).isEqualTo("CASEI and ACCENTI are not supported");
            assertThat(refusal("zone LIKE ACCENTI('a')")).isEqualTo("CASEI and ACCENTI are not supported");
            assertThat(refusal("upper(zone) = 'A'")).startsWith("the filter is not valid CQL2 text");
            assertThat(refusal("farMax + 1 > 2")).startsWith("the filter is not valid CQL2 text");
            assertThat(refusal("T_AFTER(updatedAt, TIMESTAMP('2026-01-01T00:00:00Z'))")).startsWith("the filter is not valid");
            assertThat(refusal("x = DATE('2024-02-30')")).isEqualTo("a DATE in the filter is not a day of the calendar");
            assertThat(refusal("x = DATE('24-02-03')")).isEqualTo("a DATE is written yyyy-mm-dd");
            assertThat(refusal("x = TIMESTAMP('2026-01-01T00:00:00')"))
                    .isEqualTo("a TIMESTAMP is written yyyy-mm-ddThh:mm:ss[.fraction]Z (UTC)");
            assertThat(refusal("x = TIMESTAMP('2026-01-01T25:00:00Z')"))
                    .isEqualTo("a TIMESTAMP in the filter is not an instant of the calendar");
            assertThat(refusal("x = 1e400")).isEqualTo("a number in the filter is out of range");
            assertThat(refusal("x LIKE 'a\\'")).startsWith("the filter is not valid CQL2 text");
            assertThat(refusal("x LIKE 'a\\\\'")).isEqualTo("a LIKE pattern ends with the escape character \\");
        }
    }

    @Nested
    class Limits {

        private final FilterLimits limits = FilterLimits.DEFAULT;

        @Test
        void theWholeFiltersLength() {
            String longest = "zone = '" + "x".repeat(200) + "'" + " OR zone = 'a'".repeat(400);
            assertThat(refusal(longest + " ".repeat(8192))).isEqualTo("the filter is longer than 8192 characters");
        }

        @Test
        void nesting() {
            String deep = "NOT (".repeat(15) + "zone = 'a'" + ")".repeat(15);
            assertThat(parse(deep)).isNotNull();
            assertThat(refusal("NOT (".repeat(16) + "zone = 'a'" + ")".repeat(16)))
                    .isEqualTo("the filter nests AND, OR and NOT deeper than 16 levels");
            assertThat(refusal("(".repeat(25) + "zone = 'a'" + ")".repeat(25)))
                    .isEqualTo("the filter nests parentheses deeper than 24 levels");
            assertThat(refusal("(".repeat(100_000) + "zone = 'a'" + ")".repeat(100_000)))
                    .isEqualTo("the filter is longer than 8192 characters");
            assertThat(parse("(".repeat(24) + "zone = 'a'" + ")".repeat(24))).isEqualTo(eq("zone", "a"));
        }

        @Test
        void termsListsAndLiterals() {
            assertThat(refusal("zone = 'a'" + " OR zone = 'a'".repeat(170)))
                    .isEqualTo("the filter has more than 500 terms and operands");
            assertThat(parse("zone IN (" + "'a', ".repeat(99) + "'b')")).isNotNull();
            assertThat(refusal("zone IN (" + "'a', ".repeat(100) + "'b')")).isEqualTo("an IN list has more than 100 values");
            assertThat(parse("zone = '" + "x".repeat(256) + "'")).isNotNull();
            assertThat(refusal("zone = '" + "x".repeat(257) + "'"))
                    .isEqualTo("a string in the filter is longer than 256 characters");
        }

        @Test
        void likePatterns() {
            assertThat(parse("zone LIKE '%a%b%c'")).isNotNull();
            assertThat(parse("zone LIKE '%%%a%%%b'")).as("a run of % counts once").isNotNull();
            assertThat(parse("zone LIKE '\\%\\%\\%\\%a'")).as("escaped % are no wildcards").isNotNull();
            assertThat(refusal("zone LIKE '%a%b%c%'")).isEqualTo("a LIKE pattern has more than 3 % wildcards");
            assertThat(refusal("zone LIKE '" + "_".repeat(129) + "'"))
                    .isEqualTo("a LIKE pattern is longer than 128 characters");
        }

        @Test
        void positions() {
            StringBuilder line = new StringBuilder("S_INTERSECTS(geometry, MULTIPOINT(");
            for (int i = 0; i < 1001; i++) {
                line.append(i == 0 ? "" : ",").append("1 2");
            }
            assertThat(refusal(line + "))")).isEqualTo("the filter's geometries have more than 1000 positions in all");
            assertThat(limits.maxPositions()).isEqualTo(1000);
        }

        @Test
        void aHostileFilterOfTheLargestSizeIsRefusedQuickly() {
            List<String> hostile = List.of("(".repeat(8000), "'".repeat(8000), "zone IN (" + "1,".repeat(2700) + "1)",
                    "NOT (".repeat(1600), "a = 1 OR ".repeat(900) + "a = 1", "S_INTERSECTS(geometry, POLYGON(("
                            + "1 1, ".repeat(1500) + "1 1)))", "\"" + "a".repeat(8000) + " = 1",
                    "x LIKE '" + "%_".repeat(4000) + "'");
            for (String filter : hostile) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> parse(filter)).isInstanceOf(InvalidInputException.class);
                assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(500);
            }
        }
    }
}
