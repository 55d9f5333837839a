package org.qiluvalley.planner.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.rules.Candidate;
import org.qiluvalley.planner.testsupport.ParkData;

/** The body of {@code POST /api/allocations/validate}: what is accepted, and the detail of each refusal. */
class ValidationRequestParserTest {

    private static final String SITE = "{\"type\":\"Polygon\",\"coordinates\":[[[117.21,36.75],[117.211,36.75],"
            + "[117.211,36.751],[117.21,36.751],[117.21,36.75]]]}";
    private static final Polygon PLANAR = (Polygon) CrsTransform.toPlanar(CrsTransform.CRS84.createPolygon(new Coordinate[] {
        new Coordinate(117.21, 36.75), new Coordinate(117.211, 36.75), new Coordinate(117.211, 36.751),
        new Coordinate(117.21, 36.751), new Coordinate(117.21, 36.75)}));
    private static final Map<String, Parcel> PARCELS = Map.of(
            "QOV-LI-001", parcel("QOV-LI-001", ParcelStatus.AVAILABLE),
            "QOV-LI-099", parcel("QOV-LI-099", ParcelStatus.WITHDRAWN));
    private static final ValidationRequestParser PARSER = new ValidationRequestParser(store(), ParkData.ruleBook());

    private static Parcel parcel(String id, ParcelStatus status) {
        return new Parcel(id, "laser-industry", "100101", status, new PlanningIndicators(1, 2.5, 0.4, 0.6, 0.1, 0.2, 50, 5),
                10_000, 1, Instant.parse("2026-01-01T00:00:00Z"), PLANAR, PLANAR);
    }

    /** A store that knows the two parcels above and nothing else. */
    private static ParcelStore store() {
        return (ParcelStore) Proxy.newProxyInstance(ParcelStore.class.getClassLoader(), new Class<?>[] {ParcelStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findById") && args[0] == Layer.PARCELS) {
                        return Optional.ofNullable(PARCELS.get((String) args[1]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ValidationRequestParser.Parsed parse(String json) {
        return PARSER.parse(json.getBytes(StandardCharsets.UTF_8), false);
    }

    private static void refused(String json, String detail) {
        assertThatThrownBy(() -> parse(json)).as(json).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).isEqualTo(detail));
    }

    @Test
    void anExistingParcelTakesItsOutlineZoneAndLandUse() {
        ValidationRequestParser.Parsed p = parse("{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"far\":0.6,\"coverage\":0,"
                + "\"greenRatio\":0.15,\"heightMetres\":30},\"allotteeType\":\"enterprise\"}");
        assertThat(p.parcel()).isSameAs(PARCELS.get("QOV-LI-001"));
        assertThat(p.crs()).isEqualTo(ResponseCrs.CRS84);
        assertThat(p.candidate()).isEqualTo(new Candidate("QOV-LI-001", PLANAR, "laser-industry", "100101",
                new Candidate.ProposedIndicators(0.6, 0.0, 0.15, 30.0), "enterprise"));
    }

    @Test
    void aDrawnSiteInEitherCrs() {
        ValidationRequestParser.Parsed p = parse("{\"geometry\":" + SITE + ",\"zone\":\"laser-industry\",\"landUse\":\"0802\","
                + "\"parcelId\":null,\"indicators\":null,\"allotteeType\":null}");
        assertThat(p.parcel()).isNull();
        assertThat(p.candidate().planar().equalsExact(PLANAR, 1e-6)).isTrue();
        assertThat(p.candidate().indicators()).isEqualTo(Candidate.ProposedIndicators.NONE);
        String planar = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[100,0],[100,100],[0,100],[0,0]]]}";
        ValidationRequestParser.Parsed q = parse("{\"geometry\":" + planar + ",\"crs\":\"EPSG:4548\",\"zone\":\"laser-industry\","
                + "\"landUse\":\"0802\"}");
        assertThat(q.crs()).isEqualTo(ResponseCrs.PLANAR);
        assertThat(q.candidate().planar().getArea()).isEqualTo(10_000);
    }

    @Test
    void aWithdrawnParcelIsAParcelOnlyToPlanners() {
        refused("{\"parcelId\":\"QOV-LI-099\"}", "parcelId \"QOV-LI-099\" is not a parcel of the plan");
        assertThat(PARSER.parse("{\"parcelId\":\"QOV-LI-099\"}".getBytes(StandardCharsets.UTF_8), true).parcel())
                .isSameAs(PARCELS.get("QOV-LI-099"));
    }

    @Nested
    class Refused {

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"parcelId\":\"QOV-LI-001\",\"parcelId\":\"QOV-LI-002\"}", "{\"parcelId\":\"QOV-LI-001\"} {}",
            "{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"far\":0.5,\"far\":0.6}}", "{\"indicators\":{\"far\":NaN}}"})
        void bodiesThatAreNotValidJson(String body) {
            refused(body, "the body is not valid JSON, or names a member twice");
        }

        @ParameterizedTest
        @ValueSource(strings = {"null", "[1,2]", "\"text\"", "7", ""})
        void bodiesThatAreNotAnObject(String body) {
            refused(body, "the body must be a JSON object");
        }

        @Test
        void unknownMembers() {
            refused("{\"parcelId\":\"QOV-LI-001\",\"bogus\":1}", "unknown member \"bogus\"; accepted: allotteeType, crs, "
                    + "geometry, indicators, landUse, parcelId, termYears, zone");
            refused("{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"height\":1}}",
                    "unknown indicator \"height\"; accepted: far, coverage, greenRatio, heightMetres, adminShare, buildingCoefficient");
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "4.2", "false", "{}", "[\"QOV-LI-001\"]"})
        void textsOfTheWrongType(String value) {
            for (String name : new String[] {"parcelId", "crs", "zone", "landUse", "allotteeType"}) {
                refused("{\"" + name + "\":" + value + "}", name + " must be a non-empty string of at most 200 characters");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"0.6\"", "\"NaN\"", "\"-Infinity\"", "true", "[0.6]", "{}", "1e400", "-1e400"})
        void indicatorsThatAreNotFiniteNumbers(String value) {
            for (String name : new String[] {"far", "coverage", "greenRatio", "heightMetres", "adminShare",
                    "buildingCoefficient"}) {
                refused("{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"" + name + "\":" + value + "}}",
                        "indicator " + name + " must be a finite number");
            }
        }

        @Test
        void industrialIndicatorsAreFractions() {
            refused("{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"adminShare\":7}}",
                    "indicator adminShare must be between 0 and 1.0 (a fraction: 0.45 for 45%), got 7.0");
            refused("{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"buildingCoefficient\":-0.3}}",
                    "indicator buildingCoefficient must be between 0 and 1.0 (a fraction: 0.45 for 45%), got -0.3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "71", "50.5", "\"50\"", "true", "[50]"})
        void termYearsOutsideOneToSeventyOrNotAWholeNumber(String value) {
            refused("{\"parcelId\":\"QOV-LI-001\",\"termYears\":" + value + "}",
                    "termYears must be a whole number of years from 1 to 70");
        }

        @Test
        void valuesOutOfBounds() {
            refused("{\"parcelId\":\"QOV-LI-001\",\"indicators\":[1]}",
                    "indicators must be an object with far, coverage, greenRatio, heightMetres, adminShare, buildingCoefficient");
            refused("{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"far\":150}}", "indicator far must be between 0 and 100.0, got 150.0");
            refused("{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"coverage\":-0.1}}",
                    "indicator coverage must be between 0 and 1.0 (a fraction: 0.45 for 45%), got -0.1");
            refused("{\"parcelId\":\"\"}", "parcelId must be a non-empty string of at most 200 characters");
            refused("{\"parcelId\":\"" + "x".repeat(201) + "\"}", "parcelId must be a non-empty string of at most 200 characters");
            refused("{\"parcelId\":\"NOPE-1\"}", "parcelId \"NOPE-1\" is not a parcel of the plan");
            refused("{\"parcelId\":\"QOV-LI-001\",\"crs\":\"EPSG:9999\"}", "crs \"EPSG:9999\" is not supported; use "
                    + "http://www.opengis.net/def/crs/OGC/1.3/CRS84 or http://www.opengis.net/def/crs/EPSG/0/4548");
            refused("{\"zone\":\"laser-industry\",\"landUse\":\"100101\"}", "give a parcelId or a geometry (a GeoJSON Polygon)");
            refused("{\"geometry\":" + SITE + ",\"landUse\":\"100101\"}", "zone is required for a drawn site; zones: exhibition, "
                    + "exchange-center, incubator, research-institute, laser-industry, infrastructure");
            refused("{\"geometry\":" + SITE + ",\"zone\":\"laser-industry\"}", "landUse is required for a drawn site");
            refused("{\"geometry\":" + SITE + ",\"zone\":\"nope\",\"landUse\":\"100101\"}", "unknown zone \"nope\"; zones: exhibition, "
                    + "exchange-center, incubator, research-institute, laser-industry, infrastructure");
            refused("{\"parcelId\":\"QOV-LI-001\",\"landUse\":\"nope\"}", "unknown land-use code \"nope\"; codes: 100101, 0802, 1101, "
                    + "080301, 0902, 090104, 1207, 1401, 1402, 1303");
            refused("{\"parcelId\":\"QOV-LI-001\",\"allotteeType\":\"person\"}", "allotteeType must be enterprise or facility");
        }

        @Test
        void geometriesKeepTheirHandWrittenGuards() {
            refused("{\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.2,36.7]},\"zone\":\"laser-industry\",\"landUse\":\"100101\"}",
                    "geometry must be a GeoJSON Polygon, not Point");
            refused("{\"geometry\":\"x\",\"zone\":\"laser-industry\",\"landUse\":\"100101\"}",
                    "geometry: geometry must be a GeoJSON geometry object");
            refused("{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}}",
                    "geometry: coordinate array needs at least 4 positions");
            refused("{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]},\"zone\":\"laser-industry\"}",
                    "the site spans more than 0.5 degrees: not a site");
        }
    }
}
