package org.qiluvalley.planner.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.ConstraintKind;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The dry-run validation and the audit, end to end over HTTP on a fresh database seeded from gis-data. Each store
 * runs the same tests: {@link ValidationApiH2gisIT}, {@link ValidationApiPostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ValidationApiContract {

    private static final ParkDataset PARK = ParkData.dataset();

    @LocalServerPort
    int port;

    ServiceClient client;

    @BeforeEach
    void client() {
        client = new ServiceClient("http://localhost:" + port);
    }

    private ServiceClient.Reply validate(String body) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/allocations/validate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Parcel availableEnterpriseParcel() {
        return PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE
                && p.zone().equals("laser-industry") && p.landUse().equals("100101")).findFirst().orElseThrow();
    }

    private static List<JsonNode> findings(JsonNode body) {
        List<JsonNode> result = new ArrayList<>();
        body.at("/findings/features").forEach(result::add);
        return result;
    }

    @Test
    void anAvailableParcelWithIndicatorsInRangeIsValid() {
        Parcel parcel = availableEnterpriseParcel();
        JsonNode body = validate("{\"parcelId\":\"" + parcel.id() + "\",\"allotteeType\":\"enterprise\","
                + "\"indicators\":{\"far\":1.5,\"coverage\":0.5,\"greenRatio\":0.15,\"heightMetres\":30}}").json();
        assertThat(findings(body)).as(body.toString()).isEmpty();
        assertThat(body.get("valid").booleanValue()).isTrue();
    }

    @Test
    void theSameParcelWithFarBelowTheZoneMinimumFailsOnlyIndicatorFar() {
        Parcel parcel = availableEnterpriseParcel();
        ServiceClient.Reply reply = validate("{\"parcelId\":\"" + parcel.id() + "\",\"indicators\":{\"far\":0.6}}");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("valid").booleanValue()).isFalse();
        List<JsonNode> findings = findings(body);
        assertThat(findings).hasSize(1);
        JsonNode properties = findings.get(0).get("properties");
        assertThat(properties.get("rule").stringValue()).isEqualTo("indicator.far");
        assertThat(properties.get("severity").stringValue()).isEqualTo("error");
        assertThat(properties.get("measured").doubleValue()).isEqualTo(0.6);
        assertThat(properties.get("limit").doubleValue()).isEqualTo(1.0);
        assertThat(properties.get("unit").stringValue()).isEqualTo("ratio");
        assertThat(properties.get("source").stringValue()).contains("illustrative");
        assertThat(properties.get("messageZh").stringValue()).contains("容积率");
    }

    // ---- National rules: the lease term by land use, the industrial-land indicators -------------------------------

    /** The one available hotel parcel (090104) of the exchange center in the seed data. */
    private static Parcel availableHotelParcel() {
        return PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE
                && p.zone().equals("exchange-center") && p.landUse().equals("090104")).findFirst().orElseThrow();
    }

    private static List<JsonNode> findingsOf(JsonNode body, String rule) {
        return findings(body).stream().filter(f -> f.at("/properties/rule").stringValue().equals(rule))
                .map(f -> f.get("properties")).toList();
    }

    @Test
    void aHotelParcelForFiftyYearsFailsAllocationTermAndForFortyPasses() {
        Parcel hotel = availableHotelParcel();
        JsonNode fifty = validate("{\"parcelId\":\"" + hotel.id() + "\",\"termYears\":50}").json();
        assertThat(fifty.get("valid").booleanValue()).isFalse();
        List<JsonNode> term = findingsOf(fifty, "allocation.term");
        assertThat(term).as(fifty.toString()).hasSize(1);
        assertThat(term.get(0).get("severity").stringValue()).isEqualTo("error");
        assertThat(term.get(0).get("measured").doubleValue()).isEqualTo(50.0);
        assertThat(term.get(0).get("limit").doubleValue()).isEqualTo(40.0);
        assertThat(term.get(0).get("unit").stringValue()).isEqualTo("years");
        assertThat(term.get(0).get("source").stringValue()).contains("城镇国有土地使用权出让和转让暂行条例", "第十二条");
        assertThat(term.get(0).get("messageZh").stringValue()).contains("出让最高年限 40 年");

        JsonNode forty = validate("{\"parcelId\":\"" + hotel.id() + "\",\"termYears\":40}").json();
        assertThat(findingsOf(forty, "allocation.term")).as(forty.toString()).isEmpty();
        JsonNode none = validate("{\"parcelId\":\"" + hotel.id() + "\"}").json();
        assertThat(findingsOf(none, "allocation.term")).as("no term, not checked").isEmpty();
        // The same 50 years on industrial land is within its maximum.
        JsonNode industrial = validate("{\"parcelId\":\"" + availableEnterpriseParcel().id() + "\",\"termYears\":50}")
                .json();
        assertThat(findingsOf(industrial, "allocation.term")).isEmpty();
    }

    @Test
    void aTermBeyondSeventyYearsIs400() {
        ServiceClient.Reply reply = validate("{\"parcelId\":\"" + availableHotelParcel().id() + "\",\"termYears\":71}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").stringValue()).isEqualTo("termYears must be a whole number of years from 1 to 70");
    }

    @Test
    void anAdminShareOfEightPercentOnIndustrialLandFailsIndicatorAdminShare() {
        Parcel parcel = availableEnterpriseParcel();
        JsonNode body = validate("{\"parcelId\":\"" + parcel.id() + "\",\"indicators\":{\"adminShare\":0.08}}").json();
        assertThat(body.get("valid").booleanValue()).isFalse();
        List<JsonNode> found = findingsOf(body, "indicator.admin-share");
        assertThat(found).as(body.toString()).hasSize(1);
        assertThat(found.get(0).get("measured").doubleValue()).isEqualTo(0.08);
        assertThat(found.get(0).get("limit").doubleValue()).isEqualTo(0.07);
        assertThat(found.get(0).get("unit").stringValue()).isEqualTo("ratio");
        assertThat(found.get(0).get("source").stringValue()).contains("工业项目建设用地控制指标");
        assertThat(found.get(0).get("messageZh").stringValue()).contains("行政办公及生活服务设施用地所占比重");

        JsonNode within = validate("{\"parcelId\":\"" + parcel.id() + "\",\"indicators\":{\"adminShare\":0.07}}").json();
        assertThat(findingsOf(within, "indicator.admin-share")).isEmpty();
    }

    @Test
    void aBuildingCoefficientOfTwentyFivePercentOnIndustrialLandFailsIndicatorBuildingCoefficient() {
        Parcel parcel = availableEnterpriseParcel();
        JsonNode body = validate("{\"parcelId\":\"" + parcel.id() + "\",\"indicators\":{\"buildingCoefficient\":0.25}}")
                .json();
        assertThat(body.get("valid").booleanValue()).isFalse();
        List<JsonNode> found = findingsOf(body, "indicator.building-coefficient");
        assertThat(found).as(body.toString()).hasSize(1);
        assertThat(found.get(0).get("measured").doubleValue()).isEqualTo(0.25);
        assertThat(found.get(0).get("limit").doubleValue()).isEqualTo(0.30);
        assertThat(found.get(0).get("unit").stringValue()).isEqualTo("ratio");
        assertThat(found.get(0).get("messageZh").stringValue()).contains("建筑系数");

        JsonNode within = validate("{\"parcelId\":\"" + parcel.id() + "\",\"indicators\":{\"buildingCoefficient\":0.3}}")
                .json();
        assertThat(findingsOf(within, "indicator.building-coefficient")).isEmpty();
    }

    @Test
    void aSquareAcrossTheEcologicalRedLineReportsTheOverlapAreaAsJtsComputesIt() {
        ConstraintArea redLine = PARK.constraints().stream()
                .filter(c -> c.kind() == ConstraintKind.ECOLOGICAL_RED_LINE).findFirst().orElseThrow();
        // An 80 m square centred on the boundary's southernmost vertex, where the park meets the red line.
        Geometry boundary = PARK.valley().stream().filter(v -> v.kind().equals("boundary")).findFirst().orElseThrow()
                .planar();
        Coordinate south = java.util.Arrays.stream(boundary.getCoordinates())
                .min(java.util.Comparator.comparingDouble(c -> c.y)).orElseThrow();
        Polygon planarSquare = (Polygon) CrsTransform.PLANAR.toGeometry(
                new org.locationtech.jts.geom.Envelope(south.x - 40, south.x + 40, south.y - 40, south.y + 40));
        Geometry crs84Square = CrsTransform.toCrs84(planarSquare);
        JsonNode body = validate("{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"geometry\":"
                + polygonJson(crs84Square) + "}").json();
        assertThat(body.get("valid").booleanValue()).isFalse();
        JsonNode redLineFinding = findings(body).stream()
                .filter(f -> f.at("/properties/rule").stringValue().equals("constraint.redline")).findFirst()
                .orElseThrow(() -> new AssertionError("no constraint.redline finding in " + body));
        // What the service measures equals a direct JTS intersection in EPSG:4548 (the site travels as CRS84).
        double expected = CrsTransform.toPlanar(crs84Square).intersection(redLine.planar()).getArea();
        assertThat(expected).isBetween(1_000.0, 5_000.0);
        assertThat(redLineFinding.at("/properties/measured").doubleValue())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.1));
        assertThat(redLineFinding.at("/properties/related/0").stringValue()).isEqualTo(redLine.id());
        Geometry drawn = CrsTransform.toPlanar(GeoJson.readGeometry(redLineFinding.get("geometry"), CrsTransform.CRS84));
        assertThat(drawn.getArea()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.5));
        assertThat(findings(body).stream().map(f -> f.at("/properties/rule").stringValue()))
                .contains("valley.contains", "zone.contains");
    }

    @Test
    void aPolygonOverlappingTwoParcelsReportsBothIds() {
        Parcel a = PARK.parcels().stream().filter(p -> p.id().equals("QOV-LI-002")).findFirst().orElseThrow();
        Parcel b = PARK.parcels().stream().filter(p -> p.id().equals("QOV-LI-003")).findFirst().orElseThrow();
        assertThat(a.planar().touches(b.planar())).as("fixture: neighbours").isTrue();
        Geometry straddle = a.planar().union(b.planar()).getCentroid().buffer(30, 1);
        JsonNode body = validate("{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"geometry\":"
                + polygonJson(CrsTransform.toCrs84(straddle)) + "}").json();
        List<String> overlapped = findings(body).stream()
                .filter(f -> f.at("/properties/rule").stringValue().equals("parcel.overlap"))
                .map(f -> f.at("/properties/related/0").stringValue()).sorted().toList();
        assertThat(overlapped).containsExactly("QOV-LI-002", "QOV-LI-003");
    }

    @Test
    void sitesMayBeSentAndAnsweredInEpsg4548() {
        Parcel parcel = availableEnterpriseParcel();
        Geometry moved = parcel.planar().buffer(15);
        JsonNode body = validate("{\"crs\":\"http://www.opengis.net/def/crs/EPSG/0/4548\",\"zone\":\"laser-industry\","
                + "\"landUse\":\"100101\",\"geometry\":" + polygonJson(moved) + "}").json();
        JsonNode overlap = findings(body).stream()
                .filter(f -> f.at("/properties/rule").stringValue().equals("parcel.overlap")
                        && f.at("/properties/related/0").stringValue().equals(parcel.id()))
                .findFirst().orElseThrow(() -> new AssertionError(body.toString()));
        // Geometry comes back in metres: an x coordinate near 500 km false easting, not a longitude.
        assertThat(overlap.at("/geometry/coordinates/0/0/0").doubleValue()).isGreaterThan(400_000);
        assertThat(overlap.at("/properties/measured").doubleValue())
                .isCloseTo(parcel.areaSquareMetres(), org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void anAllocatedParcelFailsParcelStatusAndOnlyPlannersLearnWhy() {
        Parcel allocated = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.ALLOCATED).findFirst()
                .orElseThrow();
        String request = "{\"parcelId\":\"" + allocated.id() + "\",\"indicators\":{\"far\":0.1}}";
        JsonNode planner = client.asAdmin().postJson("/api/allocations/validate", request).json();
        JsonNode plannerStatus = findings(planner).stream()
                .filter(f -> f.at("/properties/rule").stringValue().equals("parcel.status")).findFirst().orElseThrow();
        assertThat(plannerStatus.at("/properties/message").stringValue()).contains("allocated");

        // The public learns that the parcel is not available, and nothing else about it: not which of reserved
        // and allocated, and not its planning conditions through the indicator rules.
        JsonNode anonymous = validate(request).json();
        assertThat(anonymous.get("valid").booleanValue()).isFalse();
        assertThat(findings(anonymous)).hasSize(1);
        JsonNode publicStatus = findings(anonymous).get(0).get("properties");
        assertThat(publicStatus.get("rule").stringValue()).isEqualTo("parcel.status");
        assertThat(publicStatus.get("message").stringValue()).contains("not available")
                .doesNotContain("allocated", "reserved");
        assertThat(anonymous.toString()).doesNotContain("allocated", "reserved", "已出让", "已预留");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nonsense", "[]", "{\"foo\":1}", "{}", "{\"parcelId\":\"QOV-XX-999\"}",
        "{\"parcelId\":42}", "{\"zone\":\"laser-industry\",\"landUse\":\"100101\"}",
        "{\"zone\":\"moon\",\"landUse\":\"100101\",\"geometry\":SQUARE}",
        "{\"zone\":\"laser-industry\",\"landUse\":\"999999\",\"geometry\":SQUARE}",
        "{\"zone\":\"laser-industry\",\"geometry\":SQUARE}",
        "{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[117.21,36.75],[117.22,36.75],[117.22,36.76]]]}}",
        "{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",36.75],[117.22,36.75],[117.22,36.76],[\"a\",36.75]]]}}",
        "{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.21,36.75]}}",
        "{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[17.21,36.75],[157.22,36.75],[157.22,66.76],[17.21,36.75]]]}}",
        "{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1e308,36.75],[117.22,36.75],[117.22,36.76],[1e308,36.75]]]}}",
        "{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"geometry\":\"POLYGON((0 0,1 0,1 1,0 0))\"}",
        "{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"geometry\":SQUARE,\"crs\":\"EPSG:3857\"}",
        "{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"far\":\"NaN\"}}",
        "{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"far\":-1}}",
        "{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"coverage\":45}}",
        "{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"far\":1e9}}",
        "{\"parcelId\":\"QOV-LI-001\",\"indicators\":{\"floors\":3}}",
        "{\"parcelId\":\"QOV-LI-001\",\"indicators\":[1,2]}",
        "{\"parcelId\":\"QOV-LI-001\",\"allotteeType\":\"pirate\"}",
        "{\"parcelId\":\"'; DROP TABLE parcels; --\"}"})
    void malformedRequestsAre400ProblemDetailsAndChangeNothing(String template) {
        String body = template.replace("SQUARE", "{\"type\":\"Polygon\",\"coordinates\":[[[117.21,36.75],"
                + "[117.211,36.75],[117.211,36.751],[117.21,36.751],[117.21,36.75]]]}");
        ServiceClient.Reply reply = validate(body);
        assertThat(reply.status()).as(body).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().get("detail").stringValue()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "at org.");
        assertThat(client.get("/ogc/collections/parcels/items?limit=1").json().get("numberMatched").intValue())
                .isEqualTo(PARK.parcels().size());
    }

    @Test
    void randomOutlinesAroundTheParkAlwaysGetAnAnswerNeverA500() {
        // Bow-ties, spikes, slivers, tiny and large sites, inside and across the boundary: whatever the shape, the
        // answer is findings (200), never a failure of the service.
        java.util.Random random = new java.util.Random(4548);
        for (int i = 0; i < 150; i++) {
            int vertices = 3 + random.nextInt(12);
            double lon = 117.200 + random.nextDouble() * 0.040;
            double lat = 36.738 + random.nextDouble() * 0.024;
            double size = Math.pow(10, -5 + random.nextDouble() * 2.7); // about 1 m to 500 m
            StringBuilder ring = new StringBuilder();
            String first = null;
            for (int v = 0; v < vertices; v++) {
                String position = "[" + (lon + (random.nextDouble() - 0.5) * size) + ","
                        + (lat + (random.nextDouble() - 0.5) * size) + "]";
                first = first == null ? position : first;
                ring.append(position).append(',');
            }
            ring.append(first);
            String body = "{\"zone\":\"laser-industry\",\"landUse\":\"100101\",\"indicators\":{\"far\":"
                    + (random.nextDouble() * 4) + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}";
            ServiceClient.Reply reply = validate(body);
            assertThat(reply.status()).as(body).isEqualTo(200);
            assertThat(reply.json().has("valid")).isTrue();
        }
    }

    @Test
    void wrongMethodOrMediaTypeAreProblemDetailsToo() {
        // Other methods on the path are the planners' allocation API: the public is asked to sign in.
        ServiceClient.Reply get = client.get("/api/allocations/validate");
        assertThat(get.status()).isEqualTo(401);
        assertThat(get.contentType()).isEqualTo("application/problem+json");
        ServiceClient.Reply put = client.asAdmin().send(client.asAdmin().request("/api/allocations/validate")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.contentType()).isEqualTo("application/problem+json");
        ServiceClient.Reply text = client.send(HttpRequest.newBuilder(URI.create(client.base()
                + "/api/allocations/validate")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void theAuditIsForPlanners() {
        for (String path : List.of("/api/audit", "/api/audit.csv")) {
            ServiceClient.Reply anonymous = client.get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
            ServiceClient.Reply investor = client.asNew("investor", "audit-investor").get(path);
            assertThat(investor.status()).as(path).isEqualTo(403);
            assertThat(investor.contentType()).isEqualTo("application/problem+json");
            assertThat(client.asNew("planner", "audit-planner").get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theAuditOfTheSeedDataReportsNoErrorsAndTheZoneBudgets() {
        ServiceClient planner = client.asNew("planner", "audit-planner");
        JsonNode audit = planner.get("/api/audit").json();
        assertThat(audit.at("/summary/errors").intValue()).as(audit.get("findings").toString()).isZero();
        assertThat(audit.at("/summary/parcelsChecked").intValue()).isEqualTo(PARK.parcels().size());
        assertThat(audit.at("/park/areaM2").doubleValue()).isCloseTo(4_870_000, org.assertj.core.data.Offset.offset(5_000.0));
        List<String> zones = new ArrayList<>();
        audit.get("zones").forEach(z -> zones.add(z.get("id").stringValue()));
        assertThat(zones).containsExactly("exhibition", "exchange-center", "incubator", "research-institute",
                "laser-industry", "infrastructure");
        double allocated = PARK.parcels().stream()
                .filter(p -> p.zone().equals("laser-industry") && p.status() == ParcelStatus.ALLOCATED)
                .mapToDouble(Parcel::areaSquareMetres).sum();
        JsonNode enterprise = audit.get("zones").get(4);
        assertThat(enterprise.get("allocatedM2").doubleValue()).isCloseTo(allocated, org.assertj.core.data.Offset.offset(0.01));
        assertThat(enterprise.get("budgetUse").doubleValue()).isBetween(0.0, 1.0);

        ServiceClient.Reply csv = planner.get("/api/audit.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(1 + 6 + 1);
        assertThat(lines.get(0)).startsWith("zone,name_en,name_zh,category,area_m2");
        assertThat(lines.get(5)).startsWith("laser-industry,").contains(String.format(Locale.ROOT, "%.2f", allocated));
    }

    private static String polygonJson(Geometry polygon) {
        StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        Coordinate[] ring = ((Polygon) polygon).getExteriorRing().getCoordinates();
        for (int i = 0; i < ring.length; i++) {
            json.append(i == 0 ? "" : ",").append('[').append(ring[i].x).append(',').append(ring[i].y).append(']');
        }
        return json.append("]]}").toString();
    }
}
