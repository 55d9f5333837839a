package org.qiluvalley.planner.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.filter.Filter.ComparisonOperator;
import org.qiluvalley.planner.filter.Operand.Property;
import org.qiluvalley.planner.filter.Operand.Text;

/** CQL2-JSON read into the same syntax tree as CQL2-Text, with the same limits and refusals. */
class Cql2JsonTest {

    private static Filter json(String json) {
        return Cql2Json.parse(json, FilterCrs.CRS84);
    }

    private static Filter text(String text) {
        return Cql2Text.parse(text, FilterCrs.CRS84);
    }

    private static String refusal(String json) {
        try {
            json(json);
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused: " + json);
    }

    private static String textRefusal(String text) {
        try {
            text(text);
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused: " + text);
    }

    @Test
    void everyOperatorReadsAsItsTextTwin() {
        String[][] pairs = {
            {"{\"op\": \"=\", \"args\": [{\"property\": \"zone\"}, \"laser-industry\"]}", "zone = 'laser-industry'"},
            {"{\"op\": \"<>\", \"args\": [{\"property\": \"farMax\"}, 2.5]}", "farMax <> 2.5"},
            {"{\"op\": \"<\", \"args\": [\"a\", {\"property\": \"zone\"}]}", "'a' < zone"},
            {"{\"op\": \">\", \"args\": [{\"property\": \"farMin\"}, {\"property\": \"farMax\"}]}", "farMin > farMax"},
            {"{\"op\": \"<=\", \"args\": [{\"property\": \"x\"}, -1e3]}", "x <= -1e3"},
            {"{\"op\": \">=\", \"args\": [{\"property\": \"updatedAt\"}, {\"timestamp\": \"2026-01-01T00:00:00Z\"}]}",
                "updatedAt >= TIMESTAMP('2026-01-01T00:00:00Z')"},
            {"{\"op\": \"=\", \"args\": [{\"property\": \"day\"}, {\"date\": \"2026-01-01\"}]}", "day = DATE('2026-01-01')"},
            {"{\"op\": \"=\", \"args\": [{\"property\": \"allocatable\"}, true]}", "allocatable = TRUE"},
            {"{\"op\": \"like\", \"args\": [{\"property\": \"zone\"}, \"la\\\\%s_r%\"]}", "zone LIKE 'la\\\\%s_r%'"},
            {"{\"op\": \"between\", \"args\": [{\"property\": \"farMax\"}, 1, 2]}", "farMax BETWEEN 1 AND 2"},
            {"{\"op\": \"in\", \"args\": [{\"property\": \"zone\"}, [\"a\", \"b\"]]}", "zone IN ('a', 'b')"},
            {"{\"op\": \"isNull\", \"args\": [{\"property\": \"landUse\"}]}", "landUse IS NULL"},
            {"{\"op\": \"not\", \"args\": [{\"op\": \"isNull\", \"args\": [{\"property\": \"landUse\"}]}]}",
                "NOT landUse IS NULL"},
            {"{\"op\": \"and\", \"args\": [true, {\"op\": \"or\", \"args\": [false, true, false]}]}",
                "TRUE AND (FALSE OR TRUE OR FALSE)"},
            {"true", "TRUE"},
            {"{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Point\", "
                + "\"coordinates\": [117.2, 36.7]}]}", "S_INTERSECTS(geometry, POINT(117.2 36.7))"},
            {"{\"op\": \"s_within\", \"args\": [{\"property\": \"geometry\"}, {\"bbox\": [117, 36, 118, 37]}]}",
                "S_WITHIN(geometry, BBOX(117, 36, 118, 37))"},
            {"{\"op\": \"s_within\", \"args\": [{\"property\": \"geometry\"}, {\"bbox\": [117, 36, 0, 118, 37, 9]}]}",
                "S_WITHIN(geometry, BBOX(117, 36, 118, 37))"},
            {"{\"op\": \"s_intersects\", \"args\": [{\"type\": \"Polygon\", \"coordinates\": [[[117, 36], [118, 36], "
                + "[118, 37], [117, 36]]]}, {\"property\": \"geometry\"}]}",
                "S_INTERSECTS(POLYGON((117 36, 118 36, 118 37, 117 36)), geometry)"},
            {"{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"LineString\", "
                + "\"coordinates\": [[117, 36, 5], [118, 37, 5]]}]}",
                "S_INTERSECTS(geometry, LINESTRING Z(117 36 5, 118 37 5))"},
            {"{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"MultiLineString\", "
                + "\"coordinates\": [[[117, 36], [118, 37]]]}]}", "S_INTERSECTS(geometry, MULTILINESTRING((117 36, 118 37)))"},
        };
        for (String[] pair : pairs) {
            assertThat(json(pair[0])).as(pair[0]).isEqualTo(text(pair[1]));
        }
        Filter.Spatial multi = (Filter.Spatial) json("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, "
                + "{\"type\": \"MultiPoint\", \"coordinates\": [[117, 36], [118, 37]]}]}");
        assertThat((Object) ((Operand.GeometryLiteral) multi.right()).geometry()).isInstanceOf(MultiPoint.class);
        Filter.Spatial polygons = (Filter.Spatial) json("{\"op\": \"s_intersects\", \"args\": [{\"property\": "
                + "\"geometry\"}, {\"type\": \"MultiPolygon\", \"coordinates\": [[[[117, 36], [117.5, 36], [117.5, 37], "
                + "[117, 36]]], [[[118, 36], [118.5, 36], [118.5, 37], [118, 36]]]]}]}");
        Geometry geometry = ((Operand.GeometryLiteral) polygons.right()).geometry();
        assertThat((Object) geometry).isInstanceOf(MultiPolygon.class);
        assertThat(geometry.getSRID()).isEqualTo(4326);
    }

    @Test
    void anInjectionStringStaysOneValue() {
        assertThat(json("{\"op\": \"=\", \"args\": [{\"property\": \"zone\"}, \"x' OR 1=1 --\"]}"))
                .isEqualTo(new Filter.Comparison(new Property("zone"), ComparisonOperator.EQUAL, new Text("x' OR 1=1 --")));
        assertThat(json("{\"op\": \"=\", \"args\": [{\"property\": \"zone\\\" OR 1=1 --\"}, \"a\"]}"))
                .as("a property name is a name, resolved later against the queryables")
                .isEqualTo(new Filter.Comparison(new Property("zone\" OR 1=1 --"), ComparisonOperator.EQUAL, new Text("a")));
    }

    @Test
    void timestampsAreUtc() {
        assertThat(json("{\"op\": \"=\", \"args\": [{\"property\": \"t\"}, {\"timestamp\": \"2026-01-01T00:00:00.25Z\"}]}"))
                .isEqualTo(new Filter.Comparison(new Property("t"), ComparisonOperator.EQUAL,
                        new Operand.Timestamp(Instant.parse("2026-01-01T00:00:00.25Z"))));
        assertThat(refusal("{\"op\": \"=\", \"args\": [{\"property\": \"t\"}, {\"timestamp\": \"2026-01-01T00:00:00+01:00\"}]}"))
                .isEqualTo("a TIMESTAMP is written yyyy-mm-ddThh:mm:ss[.fraction]Z (UTC)");
    }

    @Test
    void malformedJsonAndMalformedExpressions() {
        assertThat(refusal("{")).isEqualTo("the filter is not valid JSON, or names a member twice");
        assertThat(refusal("{\"op\": \"=\", \"op\": \"<\", \"args\": [1, 2]}"))
                .isEqualTo("the filter is not valid JSON, or names a member twice");
        assertThat(refusal("true false")).isEqualTo("the filter is not valid JSON, or names a member twice");
        assertThat(refusal("")).isEqualTo("the filter is empty");
        assertThat(refusal("\"zone\"")).isEqualTo("a CQL2-JSON expression is {\"op\": ..., \"args\": [...]} or a boolean");
        assertThat(refusal("{\"property\": \"allocatable\"}"))
                .isEqualTo("a CQL2-JSON expression is {\"op\": ..., \"args\": [...]} or a boolean");
        assertThat(refusal("{\"op\": 1, \"args\": []}")).isEqualTo("\"op\" is a string");
        assertThat(refusal("{\"op\": \"=\", \"args\": [1, 2], \"x\": 3}"))
                .isEqualTo("an {\"op\": ...} object has only \"op\" and \"args\", not \"x\"");
        assertThat(refusal("{\"op\": \"=\"}")).isEqualTo("\"=\" needs an \"args\" array");
        assertThat(refusal("{\"op\": \"=\", \"args\": [1]}")).isEqualTo("\"=\" takes 2 args");
        assertThat(refusal("{\"op\": \"and\", \"args\": [true]}")).isEqualTo("\"and\" takes two or more args");
        assertThat(refusal("{\"op\": \"not\", \"args\": [true, false]}")).isEqualTo("\"not\" takes 1 arg");
        assertThat(refusal("{\"op\": \"in\", \"args\": [{\"property\": \"zone\"}, []]}"))
                .isEqualTo("the second arg of \"in\" is a non-empty array of values");
        assertThat(refusal("{\"op\": \"=\", \"args\": [{\"property\": \"zone\", \"x\": 1}, \"a\"]}"))
                .isEqualTo("a {\"property\": ...} object has no other member");
        assertThat(refusal("{\"op\": \"=\", \"args\": [{\"property\": 1}, \"a\"]}")).isEqualTo("\"property\" is a string");
        assertThat(refusal("{\"op\": \"=\", \"args\": [null, \"a\"]}")).startsWith("an operand is a string");
        assertThat(refusal("{\"op\": \"like\", \"args\": [{\"property\": \"zone\"}, 1]}"))
                .isEqualTo("a \"like\" pattern is a string");
        assertThat(refusal("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Point\", "
                + "\"coordinates\": [\"117\", 36]}]}")).isEqualTo("coordinates in the filter are numbers");
        assertThat(refusal("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Polygon\", "
                + "\"coordinates\": [[[117, 36], [118, 36], [118, 37], [117, 37]]]}]}")).contains("not closed");
        assertThat(refusal("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Point\", "
                + "\"coordinates\": [117, 36], \"crs\": \"x\"}]}")).contains("not \"crs\"");
        assertThat(refusal("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, \"POINT(117 36)\"]}"))
                .startsWith("a spatial operand is");
    }

    @Test
    void whatIsNotSupportedSaysSo() {
        assertThat(refusal("{\"op\": \"s_touches\", \"args\": [{\"property\": \"geometry\"}, {\"bbox\": [1, 2, 3, 4]}]}"))
                .isEqualTo("\"s_touches\" is not supported; the spatial functions are s_intersects and s_within");
        assertThat(refusal("{\"op\": \"S_INTERSECTS\", \"args\": [{\"property\": \"geometry\"}, {\"bbox\": [1, 2, 3, 4]}]}"))
                .isEqualTo("\"S_INTERSECTS\" is not supported in a filter");
        assertThat(refusal("{\"op\": \"t_after\", \"args\": [{\"property\": \"t\"}, {\"timestamp\": \"2026-01-01T00:00:00Z\"}]}"))
                .isEqualTo("\"t_after\" is not supported in a filter");
        assertThat(refusal("{\"op\": \"=\", \"args\": [{\"op\": \"casei\", \"args\": [{\"property\": \"zone\"}]}, \"a\"]}"))
                .isEqualTo("CASEI and ACCENTI are not supported");
        assertThat(refusal("{\"op\": \">\", \"args\": [{\"op\": \"+\", \"args\": [{\"property\": \"farMax\"}, 1]}, 2]}"))
                .isEqualTo("arithmetic is not supported in a filter");
        assertThat(refusal("{\"op\": \"=\", \"args\": [{\"op\": \"upper\", \"args\": [{\"property\": \"zone\"}]}, \"A\"]}"))
                .isEqualTo("\"upper\" is not supported in a filter");
        assertThat(refusal("{\"op\": \"=\", \"args\": [{\"property\": \"t\"}, {\"interval\": [\"a\", \"b\"]}]}"))
                .isEqualTo("intervals are not supported in a filter");
        assertThat(refusal("{\"op\": \"isNull\", \"args\": [{\"op\": \"=\", \"args\": [1, 1]}]}"))
                .isEqualTo("\"=\" is not supported in a filter");
        assertThat(refusal("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": "
                + "\"GeometryCollection\", \"geometries\": []}]}")).isEqualTo("GeometryCollection is not supported in a filter");
    }

    @Test
    void theLimitsAndTheirMessagesAreThoseOfCql2Text() {
        String inList = "{\"op\": \"in\", \"args\": [{\"property\": \"zone\"}, [" + "\"a\", ".repeat(100) + "\"b\"]]}";
        assertThat(refusal(inList)).isEqualTo(textRefusal("zone IN (" + "'a', ".repeat(100) + "'b')"));
        String literal = "{\"op\": \"=\", \"args\": [{\"property\": \"zone\"}, \"" + "x".repeat(257) + "\"]}";
        assertThat(refusal(literal)).isEqualTo(textRefusal("zone = '" + "x".repeat(257) + "'"));
        String pattern = "{\"op\": \"like\", \"args\": [{\"property\": \"zone\"}, \"%a%b%c%\"]}";
        assertThat(refusal(pattern)).isEqualTo(textRefusal("zone LIKE '%a%b%c%'"));
        String not = "{\"op\": \"not\", \"args\": [".repeat(16) + "true" + "]}".repeat(16);
        assertThat(refusal(not)).isEqualTo(textRefusal("NOT (".repeat(16) + "TRUE" + ")".repeat(16)));
        String ors = "{\"op\": \"or\", \"args\": [" + "{\"op\": \"=\", \"args\": [{\"property\": \"a\"}, 1]}, ".repeat(170)
                + "true]}";
        assertThat(refusal(ors)).isEqualTo("the filter has more than 500 terms and operands");
        assertThat(refusal("[".repeat(50) + "]".repeat(50)))
                .isEqualTo("the filter nests JSON arrays and objects deeper than 42 levels");
        assertThat(refusal("[".repeat(100_000) + "]".repeat(100_000))).isEqualTo("the filter is longer than 8192 characters");
        assertThat(refusal("{\"op\": \"=\", \"args\": [{\"property\": \"a\"}, 1e999]}"))
                .isEqualTo("a number in the filter is out of range");
        assertThat(refusal("{\"op\": \"=\", \"args\": [{\"property\": \"a\"}, 1" + "0".repeat(1200) + "]}"))
                .isEqualTo("the filter has a number longer than the JSON reader takes");
    }

    @Test
    void aHostileFilterOfTheLargestSizeIsRefusedQuickly() {
        List<String> hostile = List.of("[".repeat(8000), "{\"op\": \"in\", \"args\": [{\"property\": \"zone\"}, ["
                + "1,".repeat(2700) + "1]]}", "{\"op\": \"not\", \"args\": [".repeat(300),
                "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"MultiPoint\", "
                        + "\"coordinates\": [" + "[1, 1],".repeat(1100) + "[1, 1]]}]}");
        for (String filter : hostile) {
            long start = System.nanoTime();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> json(filter)).isInstanceOf(InvalidInputException.class);
            assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(500);
        }
    }
}
