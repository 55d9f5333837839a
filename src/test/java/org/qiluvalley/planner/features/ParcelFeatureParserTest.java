package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.geo.CadastralPrecision;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.OgcCrs;
import org.qiluvalley.planner.parcel.Offer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Readiness;
import org.qiluvalley.planner.planning.ParcelDraft;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.Planning;

import tools.jackson.databind.JsonNode;

/** A parcel write's body, a GeoJSON Feature (POST, PUT) or a merge patch (PATCH): accepted, and each refusal. */
class ParcelFeatureParserTest {

    private static final ParcelFeatureParser PARSER = new ParcelFeatureParser(ParkData.ruleBook());
    private static final String GEOMETRY = "{\"type\":\"Polygon\",\"coordinates\":[[[117.21,36.75],[117.211,36.75],"
            + "[117.211,36.751],[117.21,36.751],[117.21,36.75]]]}";
    private static final Polygon PLANAR = (Polygon) CrsTransform.toPlanar(CrsTransform.CRS84.createPolygon(new Coordinate[] {
        new Coordinate(117.21, 36.75), new Coordinate(117.211, 36.75), new Coordinate(117.211, 36.751),
        new Coordinate(117.21, 36.751), new Coordinate(117.21, 36.75)}));
    /** The laser-industry zone's limits, and the general setback. */
    private static final PlanningIndicators ZONE_LIMITS = new PlanningIndicators(1.0, 2.5, 0.4, 0.6, 0.1, 0.2, 50, 5);
    private static final Parcel CURRENT = new Parcel("QOV-LI-001", "laser-industry", "100101", ParcelStatus.AVAILABLE,
            new PlanningIndicators(1.2, 2.0, 0.45, 0.55, 0.12, 0.18, 40, 8), 10_000, 3,
            Instant.parse("2026-01-01T00:00:00Z"), PLANAR, PLANAR);

    private static ParcelDraft parse(String json) {
        return PARSER.parse(json.getBytes(StandardCharsets.UTF_8), OgcCrs.CRS84, null);
    }

    private static ParcelDraft patch(String json) {
        return PARSER.patch(CURRENT, json.getBytes(StandardCharsets.UTF_8), OgcCrs.CRS84);
    }

    /** A feature with {@code properties} (inside the braces) and {@code members} (each beginning with a comma). */
    private static String feature(String properties, String members) {
        return "{\"type\":\"Feature\",\"geometry\":" + GEOMETRY + ",\"properties\":{\"zone\":\"laser-industry\","
                + "\"landUse\":\"100101\"" + properties + "}" + members + "}";
    }

    private static void refused(String json, String detail) {
        assertThatThrownBy(() -> parse(json)).as(json).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).isEqualTo(detail));
    }

    private static void patchRefused(String json, String detail) {
        patchRefused(CURRENT, json, detail);
    }

    /** A merge patch of {@code current} refused with {@code detail}. */
    private static void patchRefused(Parcel current, String json, String detail) {
        assertThatThrownBy(() -> PARSER.patch(current, json.getBytes(StandardCharsets.UTF_8), OgcCrs.CRS84)).as(json)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).isEqualTo(detail));
    }

    @Nested
    class Accepted {

        @Test
        void planningConditionsLeftOutTakeTheZonesLimits() {
            ParcelDraft draft = parse(feature("", ""));
            assertThat(draft.id()).isNull();
            // On the register's 0.01 m grid: each vertex within 7.1 mm of what was sent.
            assertThat(draft.planar().equalsExact(PLANAR, 0.0072)).isTrue();
            assertThat(draft.zone()).isEqualTo("laser-industry");
            assertThat(draft.landUse()).isEqualTo("100101");
            assertThat(draft.status()).isNull();
            assertThat(draft.indicators()).isEqualTo(ZONE_LIMITS);
        }

        @Test
        void everythingGiven() {
            ParcelDraft draft = parse(feature(",\"status\":\"reserved\",\"farMin\":1.1,\"farMax\":2,\"coverageMin\":0.41,"
                    + "\"coverageMax\":0.59,\"greenRatioMin\":0.11,\"greenRatioMax\":0.19,\"heightMaxMetres\":45,"
                    + "\"setbackMetres\":6", ",\"id\":\"QOV-LI-100\""));
            assertThat(draft.id()).isEqualTo("QOV-LI-100");
            assertThat(draft.status()).isEqualTo(ParcelStatus.RESERVED);
            assertThat(draft.indicators()).isEqualTo(new PlanningIndicators(1.1, 2, 0.41, 0.59, 0.11, 0.19, 45, 6));
        }

        @Test
        void whatAClientEchoesFromARead() {
            ParcelDraft draft = parse(feature(",\"areaM2\":\"x\",\"version\":{},\"updatedAt\":1,\"allocationId\":[],"
                    + "\"allocationState\":null,\"allottee\":\"A\",\"allotteeType\":true,\"farMin\":null",
                    ",\"id\":null,\"links\":[{\"href\":\"x\"}],\"findings\":7"));
            assertThat(draft.indicators()).isEqualTo(ZONE_LIMITS);
            assertThat(parse("{\"geometry\":" + GEOMETRY + ",\"properties\":{\"zone\":\"laser-industry\","
                    + "\"landUse\":\"100101\"}}").indicators()).isEqualTo(ZONE_LIMITS);
        }

        @Test
        void theIdInTheUrlOfAReplacement() {
            assertThat(PARSER.parse(feature("", "").getBytes(StandardCharsets.UTF_8), OgcCrs.CRS84, "QOV-LI-001").id())
                    .isEqualTo("QOV-LI-001");
            assertThatThrownBy(() -> PARSER.parse(feature("", ",\"id\":\"QOV-LI-002\"").getBytes(StandardCharsets.UTF_8),
                    OgcCrs.CRS84, "QOV-LI-001")).hasMessage("the feature's id differs from the id in the URL");
        }
    }

    @Nested
    class Refused {

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"type\":\"Feature\",\"type\":\"Feature\"}", "{\"type\":\"Feature\"} 1",
            "{\"properties\":{\"zone\":\"a\",\"zone\":\"b\"}}"})
        void bodiesThatAreNotValidJson(String body) {
            refused(body, "the body is not valid JSON, or names a member twice");
        }

        @ParameterizedTest
        @ValueSource(strings = {"null", "[]", "\"Feature\"", "7"})
        void bodiesThatAreNotAnObject(String body) {
            refused(body, "the body must be a GeoJSON Feature object");
        }

        @Test
        void theFeature() {
            refused(feature("", ",\"bbox\":[1,2,3,4]"), "unknown member \"bbox\"; a parcel is a GeoJSON Feature with id, "
                    + "geometry, properties");
            for (String type : new String[] {"null", "\"Point\"", "\"feature\"", "5", "{}"}) {
                refused("{\"type\":" + type + ",\"geometry\":" + GEOMETRY + "}", "type must be Feature");
            }
            for (String id : new String[] {"5", "\"qov-li-001\"", "\"Q\"", "\"QOV LI\"", "[\"QOV-LI-001\"]"}) {
                refused(feature("", ",\"id\":" + id), "id must be 2 to 32 upper-case letters, digits and dashes, as QOV-LI-014");
            }
            refused("{\"type\":\"Feature\",\"properties\":{}}", "geometry is required: a GeoJSON Polygon");
            refused("{\"type\":\"Feature\",\"geometry\":null}", "geometry is required: a GeoJSON Polygon");
            refused("{\"geometry\":\"x\"}", "geometry: geometry must be a GeoJSON geometry object");
            refused("{\"geometry\":" + GEOMETRY + "}", "properties are required: zone, landUse and the planning conditions");
            refused("{\"geometry\":" + GEOMETRY + ",\"properties\":[]}",
                    "properties are required: zone, landUse and the planning conditions");
        }

        @Test
        void theProperties() {
            refused(feature(",\"bogus\":1", ""), "unknown property \"bogus\"; writable: coverageMax, coverageMin, "
                    + "depositWanYuan, farMax, farMin, greenRatioMax, greenRatioMin, heightMaxMetres, landUse, readiness, "
                    + "reservePriceWanYuan, setbackMetres, status, zone");
            refused("{\"geometry\":" + GEOMETRY + ",\"properties\":{\"zone\":5}}", "zone is required (a string)");
            refused("{\"geometry\":" + GEOMETRY + ",\"properties\":{\"zone\":\" \"}}", "zone is required (a string)");
            refused("{\"geometry\":" + GEOMETRY + ",\"properties\":{\"landUse\":\"100101\"}}", "zone is required (a string)");
            refused("{\"geometry\":" + GEOMETRY + ",\"properties\":{\"zone\":\"laser-industry\",\"landUse\":[]}}",
                    "landUse is required (a string)");
            refused("{\"geometry\":" + GEOMETRY + ",\"properties\":{\"zone\":\"nope\"}}", "unknown zone \"nope\"; zones: "
                    + "exhibition, exchange-center, incubator, research-institute, laser-industry, infrastructure");
            refused(feature(",\"status\":\"sold\"", ""), "status must be available, reserved, allocated, withdrawn or retired");
            refused(feature(",\"status\":5", ""), "status must be available, reserved, allocated, withdrawn or retired");
            refused(feature(",\"status\":{}", ""), "status must be available, reserved, allocated, withdrawn or retired");
            refused(feature(",\"farMin\":3,\"farMax\":2", ""), "farMin must not exceed farMax");
            refused(feature(",\"coverageMin\":0.6,\"coverageMax\":0.5", ""), "coverageMin must not exceed coverageMax");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "farMin|\"1\"|farMin must be a number from 0 to 100.0",
            "farMax|101|farMax must be a number from 0 to 100.0",
            "farMax|true|farMax must be a number from 0 to 100.0",
            "coverageMin|-0.1|coverageMin must be a number from 0 to 1.0 (a fraction: 0.45 for 45%)",
            "coverageMax|\"NaN\"|coverageMax must be a number from 0 to 1.0 (a fraction: 0.45 for 45%)",
            "greenRatioMin|[0.1]|greenRatioMin must be a number from 0 to 1.0 (a fraction: 0.45 for 45%)",
            "greenRatioMax|1e400|greenRatioMax must be a number from 0 to 1.0 (a fraction: 0.45 for 45%)",
            "heightMaxMetres|1001|heightMaxMetres must be a number from 0 to 1000.0",
            "setbackMetres|{}|setbackMetres must be a number from 0 to 1000.0",
            "reservePriceWanYuan|0|reservePriceWanYuan must be a number above 0 and at most 10,000,000 (万元)",
            "reservePriceWanYuan|-5|reservePriceWanYuan must be a number above 0 and at most 10,000,000 (万元)",
            "reservePriceWanYuan|10000001|reservePriceWanYuan must be a number above 0 and at most 10,000,000 (万元)",
            "reservePriceWanYuan|\"500\"|reservePriceWanYuan must be a number above 0 and at most 10,000,000 (万元)",
            "reservePriceWanYuan|1e400|reservePriceWanYuan must be a number above 0 and at most 10,000,000 (万元)",
            "depositWanYuan|-0.01|depositWanYuan must be a number from 0 to 10,000,000 (万元)",
            "depositWanYuan|true|depositWanYuan must be a number from 0 to 10,000,000 (万元)",
            "depositWanYuan|20000000|depositWanYuan must be a number from 0 to 10,000,000 (万元)"})
        void planningConditionsAndPrices(String name, String value, String detail) {
            refused(feature(",\"" + name + "\":" + value, ""), detail);
        }
    }

    @Nested
    class MergePatch {

        @Test
        void membersReplaceNullsResetAndAbsenceKeeps() {
            ParcelDraft draft = patch("{\"properties\":{\"farMin\":null,\"setbackMetres\":null,\"heightMaxMetres\":30}}");
            assertThat(draft.id()).isEqualTo("QOV-LI-001");
            assertThat(draft.planar().equalsExact(CadastralPrecision.snap(PLANAR))).isTrue();
            assertThat(draft.indicators()).isEqualTo(new PlanningIndicators(1.0, 2.0, 0.45, 0.55, 0.12, 0.18, 30, 5));
            assertThat(patch("{}").indicators()).isEqualTo(CURRENT.indicators());
            assertThat(patch("{\"type\":\"Feature\",\"id\":\"QOV-LI-001\",\"properties\":null,\"geometry\":null}")
                    .indicators()).isEqualTo(CURRENT.indicators());
            assertThat(patch("{\"geometry\":" + GEOMETRY + "}").planar().equalsExact(PLANAR, 0.0072)).isTrue();
        }

        @Test
        void refusals() {
            patchRefused("{\"id\":\"QOV-LI-002\"}", "the id of a parcel cannot be changed");
            patchRefused("{\"id\":{}}", "id must be 2 to 32 upper-case letters, digits and dashes, as QOV-LI-014");
            patchRefused("{\"type\":null}", "type must be Feature");
            patchRefused("{\"properties\":\"x\"}", "properties must be an object");
            patchRefused("{\"properties\":[]}", "properties must be an object");
            patchRefused("{\"properties\":{\"bogus\":1}}", "unknown property \"bogus\"; writable: coverageMax, coverageMin, "
                    + "depositWanYuan, farMax, farMin, greenRatioMax, greenRatioMin, heightMaxMetres, landUse, readiness, "
                    + "reservePriceWanYuan, setbackMetres, status, zone");
            patchRefused("{\"properties\":{\"farMin\":\"x\"}}", "farMin must be a number from 0 to 100.0");
            patchRefused("{\"properties\":{\"zone\":null}}", "zone is required (a string)");
            patchRefused("{\"properties\":{\"status\":{}}}", "status must be available, reserved, allocated, withdrawn or retired");
            patchRefused("{\"properties\":{\"farMin\":null,\"farMax\":0.5}}", "farMin must not exceed farMax");
            patchRefused("{\"bogus\":1}", "unknown member \"bogus\"; a parcel is a GeoJSON Feature with id, geometry, properties");
            patchRefused("[]", "the body must be a GeoJSON Feature object");
        }
    }

    /** The eight readiness items, each ready, power with a capacity; {@code change} replaces the gas item's JSON. */
    private static String readiness(String gas) {
        return "{\"road\":{\"ready\":true},\"waterSupply\":{\"ready\":true},\"drainage\":{\"ready\":true},"
                + "\"power\":{\"ready\":true,\"capacity\":\"10 kV, 2 x 630 kVA\"},\"telecom\":{\"ready\":true},"
                + "\"gas\":" + gas + ",\"heating\":{\"ready\":true},\"siteLevelling\":{\"ready\":true}}";
    }

    private static final String ALL_READY = readiness("{\"ready\":true}");

    /** Price, deposit and readiness (F11): bounds, the eight items and nothing else, derived members refused. */
    @Nested
    class PriceAndReadiness {

        @Test
        void aParcelWithoutThemHasNoOffer() {
            assertThat(parse(feature("", "")).offer()).isNull();
        }

        @Test
        void priceDepositAndReadinessAreRead() {
            ParcelDraft draft = parse(feature(",\"reservePriceWanYuan\":1234.5,\"depositWanYuan\":250,\"readiness\":"
                    + readiness("{\"ready\":false,\"capacity\":\"  medium pressure, DN200 \"}"), ""));
            Offer offer = draft.offer();
            assertThat(offer.reservePriceWanYuan()).isEqualTo(1234.5);
            assertThat(offer.depositWanYuan()).isEqualTo(250.0);
            assertThat(offer.readiness().items()).hasSize(8);
            assertThat(offer.readiness().of(Readiness.POWER)).isEqualTo(new Readiness.Status(true,
                    "10 kV, 2 x 630 kVA"));
            assertThat(offer.readiness().of(Readiness.GAS)).as("capacity trimmed")
                    .isEqualTo(new Readiness.Status(false, "medium pressure, DN200"));
            assertThat(offer.fullyReady()).isFalse();
            assertThat(parse(feature(",\"readiness\":" + ALL_READY, "")).offer().fullyReady()).isTrue();
            assertThat(parse(feature(",\"readiness\":" + readiness("{\"ready\":true,\"capacity\":\" \"}"), ""))
                    .offer().readiness().of(Readiness.GAS).capacity()).as("blank is none").isNull();
        }

        @Test
        void eachPartMayComeAlone() {
            assertThat(parse(feature(",\"reservePriceWanYuan\":0.01", "")).offer())
                    .isEqualTo(new Offer(0.01, null, null));
            assertThat(parse(feature(",\"depositWanYuan\":0", "")).offer()).isEqualTo(new Offer(null, 0.0, null));
            assertThat(parse(feature(",\"readiness\":" + ALL_READY, "")).offer().reservePriceWanYuan()).isNull();
            assertThat(parse(feature(",\"reservePriceWanYuan\":null,\"readiness\":null", "")).offer()).isNull();
        }

        @Test
        void aCapacityOfTwoHundredCharactersIsKeptWhateverTheScript() {
            String chinese = "一".repeat(199) + "😀";
            assertThat(parse(feature(",\"readiness\":" + readiness("{\"ready\":true,\"capacity\":\"" + chinese
                    + "\"}"), "")).offer().readiness().of(Readiness.GAS).capacity()).isEqualTo(chinese);
        }

        @Test
        void theDepositCannotExceedThePrice() {
            refused(feature(",\"reservePriceWanYuan\":100,\"depositWanYuan\":100.5", ""),
                    "depositWanYuan must not exceed reservePriceWanYuan");
            assertThat(parse(feature(",\"reservePriceWanYuan\":100,\"depositWanYuan\":100", "")).offer()
                    .depositWanYuan()).isEqualTo(100.0);
        }

        @Test
        void readinessIsAnObjectOfExactlyTheEightItems() {
            String shape = "readiness must be an object of the eight items road, waterSupply, drainage, power, "
                    + "telecom, gas, heating, siteLevelling, each {\"ready\": true or false, \"capacity\": optional text}";
            refused(feature(",\"readiness\":true", ""), shape);
            refused(feature(",\"readiness\":[]", ""), shape);
            refused(feature(",\"readiness\":\"ready\"", ""), shape);
            refused(feature(",\"readiness\":" + ALL_READY.replace("\"telecom\"", "\"internet\""), ""),
                    "unknown readiness item \"internet\"; the items are drainage, gas, heating, power, road, "
                            + "siteLevelling, telecom, waterSupply");
            refused(feature(",\"readiness\":" + ALL_READY.replace("}}", "},\"sewage\":{\"ready\":true}}"), ""),
                    "unknown readiness item \"sewage\"; the items are drainage, gas, heating, power, road, "
                            + "siteLevelling, telecom, waterSupply");
            refused(feature(",\"readiness\":{\"road\":{\"ready\":true}}", ""),
                    "readiness.waterSupply is required: readiness gives all eight items (road, waterSupply, drainage, "
                            + "power, telecom, gas, heating, siteLevelling)");
            refused(feature(",\"readiness\":" + readiness("null"), ""),
                    "readiness.gas is required: readiness gives all eight items (road, waterSupply, drainage, "
                            + "power, telecom, gas, heating, siteLevelling)");
            refused(feature(",\"readiness\":" + readiness("{}"), ""), "readiness.gas.ready is required (true or false)");
            refused(feature(",\"readiness\":" + readiness("true"), ""),
                    "each readiness item must be an object {\"ready\": true or false, \"capacity\": optional text}");
            refused(feature(",\"readiness\":" + readiness("{\"ready\":\"yes\"}"), ""), "ready must be true or false");
            refused(feature(",\"readiness\":" + readiness("{\"ready\":1}"), ""), "ready must be true or false");
            refused(feature(",\"readiness\":" + readiness("{\"ready\":true,\"pressure\":\"low\"}"), ""),
                    "unknown member \"pressure\" of a readiness item; accepted: capacity, ready");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10 kV\\n2 x 630 kVA", "tab\\there", "bell\\u0007", "line\\u2028separator",
            "trailing newline\\n", "nul\\u0000"})
        void aCapacityWithAControlCharacterIsRefused(String capacity) {
            refused(feature(",\"readiness\":" + readiness("{\"ready\":true,\"capacity\":\"" + capacity + "\"}"), ""),
                    "readiness.gas.capacity must be text of at most 200 characters without control characters");
        }

        @Test
        void aCapacityOverTwoHundredCharactersOrNotTextIsRefused() {
            refused(feature(",\"readiness\":" + readiness("{\"ready\":true,\"capacity\":\"" + "x".repeat(201)
                    + "\"}"), ""), "readiness.gas.capacity must be text of at most 200 characters without control "
                    + "characters");
            refused(feature(",\"readiness\":" + readiness("{\"ready\":true,\"capacity\":630}"), ""),
                    "capacity must be text of at most 200 characters without control characters");
        }

        /** Echoed from a GET, as areaM2 is: the service derives them again from what is stored. */
        @Test
        void theDerivedMembersAreIgnored() {
            assertThat(parse(feature(",\"reservePriceWanYuan\":500,\"pricePerMuWanYuan\":1,\"fullyReady\":true", ""))
                    .offer()).isEqualTo(new Offer(500.0, null, null));
            assertThat(parse(feature(",\"pricePerMuWanYuan\":33.3,\"fullyReady\":false", "")).offer()).isNull();
            assertThat(patch("{\"properties\":{\"pricePerMuWanYuan\":30,\"fullyReady\":\"x\"}}").offer()).isNull();
            JsonNode overrides = Planning.parse("{\"fullyReady\":true}");
            assertThat(PARSER.derived(CURRENT, overrides, "overrides[0]").offer()).isNull();
        }

        @Test
        void theItemsOfTheMessagesAreTheDomainsItems() {
            assertThat(Readiness.ITEMS.stream().map(Readiness.Item::wireName).toList())
                    .containsExactly("road", "waterSupply", "drainage", "power", "telecom", "gas", "heating",
                            "siteLevelling");
        }

        @Nested
        class MergePatchOfAnOffer {

            private final Parcel offered = CURRENT.withOffer(parse(feature(",\"reservePriceWanYuan\":500,"
                    + "\"depositWanYuan\":100,\"readiness\":" + readiness("{\"ready\":false}"), "")).offer());

            private Offer patched(String json) {
                return PARSER.patch(offered, json.getBytes(StandardCharsets.UTF_8), OgcCrs.CRS84).offer();
            }

            @Test
            void oneItemChangesAndTheOthersStay() {
                Offer offer = patched("{\"properties\":{\"readiness\":{\"gas\":{\"ready\":true,\"capacity\":\"DN200\"},"
                        + "\"power\":{\"capacity\":null}}}}");
                assertThat(offer.readiness().of(Readiness.GAS)).isEqualTo(new Readiness.Status(true, "DN200"));
                assertThat(offer.readiness().of(Readiness.POWER)).isEqualTo(new Readiness.Status(true, null));
                assertThat(offer.readiness().fullyReady()).isTrue();
                assertThat(offer.reservePriceWanYuan()).isEqualTo(500.0);
                assertThat(offer.depositWanYuan()).isEqualTo(100.0);
            }

            @Test
            void nullRemovesAPart() {
                assertThat(patched("{\"properties\":{\"depositWanYuan\":null}}"))
                        .isEqualTo(new Offer(500.0, null, offered.offer().readiness()));
                assertThat(patched("{\"properties\":{\"readiness\":null,\"reservePriceWanYuan\":null,"
                        + "\"depositWanYuan\":null}}")).isNull();
                assertThat(patched("{\"properties\":{\"heightMaxMetres\":30}}")).isEqualTo(offered.offer());
            }

            @Test
            void anItemRemovedIsMissing() {
                patchRefused(offered, "{\"properties\":{\"readiness\":{\"heating\":null}}}",
                        "readiness.heating is required: readiness gives all eight items (road, waterSupply, "
                                + "drainage, power, telecom, gas, heating, siteLevelling)");
                patchRefused(offered, "{\"properties\":{\"readiness\":{\"heating\":{\"ready\":null}}}}",
                        "readiness.heating.ready is required (true or false)");
                patchRefused(offered, "{\"properties\":{\"depositWanYuan\":501}}",
                        "depositWanYuan must not exceed reservePriceWanYuan");
            }
        }
    }
}
