package org.qiluvalley.planner.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.errors.InvalidInputException;

/** Who may filter on what, the checks of a filter against the queryables, and the queryables document. */
class QueryablesTest {

    private static final Queryables PARCELS = Queryables.forCollection("parcels").orElseThrow();

    private static String refusal(Queryables queryables, Audience audience, String text) {
        try {
            queryables.bind(Cql2Text.parse(text, FilterCrs.CRS84), audience);
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused: " + text);
    }

    private static List<String> names(Queryables queryables, Audience audience) {
        return queryables.visibleTo(audience).stream().map(Queryable::name).toList();
    }

    @Test
    void everyCollectionOfTheApiHasItsQueryables() {
        assertThat(Queryables.all().stream().map(Queryables::collectionId)).containsExactly("valley", "zones", "parcels",
                "available-sites", "constraints", "roads", "road-reserves", "places");
        assertThat(Queryables.forCollection("allocations")).isEmpty();
    }

    @Test
    void thePublicFiltersOnWhatThePublicSeesOfAParcel() {
        assertThat(names(PARCELS, Audience.PUBLIC)).containsExactly("geometry", "zone", "landUse", "status", "areaM2",
                "farMin", "farMax", "coverageMin", "coverageMax", "greenRatioMin", "greenRatioMax", "heightMaxMetres",
                "setbackMetres", "reservePriceWanYuan", "depositWanYuan", "pricePerMuWanYuan", "fullyReady");
        assertThat(names(PARCELS, Audience.PLANNER)).containsExactly("geometry", "zone", "landUse", "status", "areaM2",
                "farMin", "farMax", "coverageMin", "coverageMax", "greenRatioMin", "greenRatioMax", "heightMaxMetres",
                "setbackMetres", "reservePriceWanYuan", "depositWanYuan", "pricePerMuWanYuan", "fullyReady", "version",
                "updatedAt");
        assertThat(names(Queryables.forCollection("available-sites").orElseThrow(), Audience.PUBLIC))
                .isEqualTo(names(PARCELS, Audience.PUBLIC));
        assertThat(names(Queryables.forCollection("zones").orElseThrow(), Audience.PUBLIC))
                .containsExactly("geometry", "nameEn", "nameZh", "category", "allocatable", "areaM2");
        assertThat(names(Queryables.forCollection("roads").orElseThrow(), Audience.PUBLIC))
                .containsExactly("geometry", "kind", "nameEn", "nameZh", "roadClass", "redLineWidthMetres");
    }

    @Nested
    class HiddenIsUnknown {

        /** Every predicate a property can stand in, with {@code %s} for it. */
        private final List<String> templates = List.of("%s = 1", "%s = 'a'", "1 < %s", "%s IS NULL", "%s IS NOT NULL",
                "%s LIKE 'a%%'", "%s NOT BETWEEN 1 AND 2", "%s IN ('a')", "zone IN (%s)", "zone = %s",
                "%s = TIMESTAMP('2026-01-01T00:00:00Z')", "%s = TRUE", "S_WITHIN(%s, POINT(117 36))",
                "NOT (%s = 1)", "TRUE AND (FALSE OR %s = 1)", "%s = %s");

        @Test
        void aPlannerOnlyPropertyGetsTheRefusalOfAnUnknownOne() {
            for (Queryables queryables : List.of(PARCELS, Queryables.forCollection("available-sites").orElseThrow())) {
                for (String hidden : List.of("version", "updatedAt")) {
                    for (String template : templates) {
                        String asHidden = refusal(queryables, Audience.PUBLIC, template.formatted(hidden, hidden));
                        String asUnknown = refusal(queryables, Audience.PUBLIC, template.formatted("nosuch", "nosuch"));
                        assertThat(asHidden.replace(hidden, "nosuch")).as(template).isEqualTo(asUnknown);
                        assertThat(asHidden).isEqualTo("the filter names \"" + hidden
                                + "\", which is not a queryable of this collection");
                    }
                }
            }
        }

        @Test
        void theFirstPropertyIsResolvedBeforeAnyTypeIsChecked() {
            assertThat(refusal(PARCELS, Audience.PUBLIC, "version = 'not a number'"))
                    .isEqualTo(refusal(PARCELS, Audience.PUBLIC, "nosuch = 'not a number'").replace("nosuch", "version"));
            assertThat(refusal(PARCELS, Audience.PLANNER, "version = 'not a number'"))
                    .isEqualTo("version (a number) cannot be compared with a string");
        }

        @Test
        void thePublicCannotNameAPropertyThatExistsOnlyInTheDatabase() {
            for (String column : List.of("land_use", "zone_id", "id", "seq", "geom", "geom_crs84",
                    "allottee", "allocationId", "allocationState", "allotteeType", "area_m2")) {
                for (Audience audience : Audience.values()) {
                    assertThat(refusal(PARCELS, audience, "\"" + column + "\" IS NULL"))
                            .isEqualTo("the filter names \"" + column + "\", which is not a queryable of this collection");
                }
            }
        }
    }

    @Nested
    class Status {

        @Test
        void thePublicComparesStatusWithAvailableOrUnavailableOnly() {
            for (String hidden : List.of("reserved", "allocated", "withdrawn", "AVAILABLE", "x", "")) {
                for (String template : List.of("status = '%s'", "status <> '%s'", "'%s' = status", "status > '%s'",
                        "status IN ('available', '%s')", "NOT status IN ('%s')")) {
                    assertThat(refusal(PARCELS, Audience.PUBLIC, template.formatted(hidden)))
                            .isEqualTo("status must be available or unavailable");
                }
            }
            PARCELS.bind(Cql2Text.parse("status IN ('available', 'unavailable') AND status LIKE '%reserved%'",
                    FilterCrs.CRS84), Audience.PUBLIC);
        }

        @Test
        void plannersCompareItWithTheFiveStatuses() {
            PARCELS.bind(Cql2Text.parse("status IN ('available', 'reserved', 'allocated', 'withdrawn', 'retired')",
                    FilterCrs.CRS84),
                    Audience.PLANNER);
            assertThat(refusal(PARCELS, Audience.PLANNER, "status = 'unavailable'"))
                    .isEqualTo("status must be available, reserved, allocated, withdrawn or retired");
        }
    }

    @Test
    void operandsMustBeOfTheTypeTheirPredicateTakes() {
        assertThat(refusal(PARCELS, Audience.PUBLIC, "zone = 1")).isEqualTo("zone (a string) cannot be compared with a number");
        assertThat(refusal(PARCELS, Audience.PUBLIC, "1 = zone")).isEqualTo("a number cannot be compared with zone (a string)");
        assertThat(refusal(PARCELS, Audience.PUBLIC, "farMax LIKE '1%'")).isEqualTo("LIKE compares farMax (a number), not a string");
        assertThat(refusal(PARCELS, Audience.PUBLIC, "zone BETWEEN 'a' AND 'b'"))
                .isEqualTo("BETWEEN takes numbers; zone (a string) is not one");
        assertThat(refusal(PARCELS, Audience.PUBLIC, "farMax IN (1, 'a')")).isEqualTo("farMax (a number) cannot be compared with a string");
        assertThat(refusal(PARCELS, Audience.PUBLIC, "geometry = 'a'"))
                .isEqualTo("geometries are compared with S_INTERSECTS or S_WITHIN, not with =");
        assertThat(refusal(PARCELS, Audience.PUBLIC, "S_INTERSECTS(zone, POINT(117 36))"))
                .isEqualTo("S_INTERSECTS compares geometries; zone (a string) is not one");
        assertThat(refusal(Queryables.forCollection("zones").orElseThrow(), Audience.PUBLIC, "allocatable > FALSE"))
                .isEqualTo("booleans are compared with = and <> only");
        assertThat(refusal(Queryables.forCollection("zones").orElseThrow(), Audience.PUBLIC, "areaM2 = TRUE"))
                .isEqualTo("areaM2 (a number) cannot be compared with a boolean");
        assertThat(refusal(PARCELS, Audience.PLANNER, "updatedAt > DATE('2026-01-01')"))
                .isEqualTo("updatedAt (a timestamp) cannot be compared with a date");
        // Integers and numbers compare; literals compare with literals.
        PARCELS.bind(Cql2Text.parse("version > 1.5 AND 'a' < 'b' AND 1 = 1.0", FilterCrs.CRS84), Audience.PLANNER);
    }

    @Nested
    class Schema {

        @Test
        void theQueryablesDocumentOfTheParcelsForThePublic() {
            Map<String, Object> schema = PARCELS.jsonSchema(Audience.PUBLIC,
                    "https://planning.example.cn/ogc/collections/parcels/queryables");
            assertThat(new ArrayList<>(schema.keySet())).containsExactly("$schema", "$id", "type", "title", "properties",
                    "additionalProperties");
            assertThat(schema.get("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.get("$id")).isEqualTo("https://planning.example.cn/ogc/collections/parcels/queryables");
            assertThat(schema.get("type")).isEqualTo("object");
            assertThat(schema.get("additionalProperties")).isEqualTo(false);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            assertThat(properties.keySet()).containsExactlyElementsOf(names(PARCELS, Audience.PUBLIC));
            assertThat(properties.get("status")).containsEntry("type", "string")
                    .containsEntry("enum", List.of("available", "unavailable"));
            assertThat(properties.get("geometry")).containsEntry("format", "geometry-polygon").doesNotContainKey("type");
            assertThat(properties.get("areaM2")).containsEntry("type", "number").containsKey("title");
            assertThat(properties.get("zone")).containsOnlyKeys("title", "type");
        }

        @Test
        void plannersSeeEveryStatusAndThePlannerOnlyProperties() {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) PARCELS
                    .jsonSchema(Audience.PLANNER, "x").get("properties");
            assertThat(properties.get("status")).containsEntry("enum",
                    List.of("available", "reserved", "allocated", "withdrawn", "retired"));
            assertThat(properties.get("version")).containsEntry("type", "integer");
            assertThat(properties.get("updatedAt")).containsEntry("type", "string").containsEntry("format", "date-time");
        }

        @Test
        void everyCollectionsDocumentListsItsGeometryAndTypes() {
            for (Queryables queryables : Queryables.all()) {
                for (Audience audience : Audience.values()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) queryables
                            .jsonSchema(audience, "x").get("properties");
                    assertThat(properties.get("geometry").get("format").toString()).startsWith("geometry-");
                    properties.forEach((name, member) -> assertThat(member).containsKey("title"));
                }
            }
        }
    }
}
