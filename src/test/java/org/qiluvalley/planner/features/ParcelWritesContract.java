package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parcel writes, OGC API Features Part 4 style on {@code /ogc/collections/parcels/items}, end to end: create (201,
 * Location, ETag), replace and merge-patch with If-Match (428 without, 412 when stale, nothing changed), delete as
 * withdrawal, the rule book refusing writes (422 with findings, nothing stored), what may not be written (409, 405),
 * and writes in EPSG:4548. Each test takes its own parcels through the API.
 *
 * <p>Each store runs the same tests: {@link ParcelWritesH2gisIT}, {@link ParcelWritesPostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ParcelWritesContract {

    private static final ParkDataset PARK = ParkData.dataset();
    private static final Map<String, Parcel> SEED = PARK.parcels().stream()
            .collect(Collectors.toMap(Parcel::id, p -> p));
    private static final AtomicInteger NEXT_ID = new AtomicInteger(100);
    private static final String ITEMS = "/ogc/collections/parcels/items";
    private static final String PLANAR_URI = "http://www.opengis.net/def/crs/EPSG/0/4548";
    private static final String PLANAR_CRS = "<" + PLANAR_URI + ">";

    @LocalServerPort
    int port;

    ServiceClient anonymous;
    ServiceClient planner;
    Planning planning;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient("http://localhost:" + port);
        planning = new Planning(anonymous);
        planner = planning.planner();
    }

    /** An id of our own for a new parcel, never used before in this service. */
    private static String newId() {
        return "QOV-W-" + NEXT_ID.incrementAndGet();
    }

    private long plannerCount(String query) {
        return planner.get(ITEMS + "?limit=1" + query).json().get("numberMatched").longValue();
    }

    private static void assertProblem(ServiceClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().get("status").intValue()).isEqualTo(status);
        assertThat(reply.json().get("detail").stringValue()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "at org.");
    }

    private static List<String> rules(JsonNode body) {
        List<String> rules = new ArrayList<>();
        body.at("/findings/features").forEach(f -> rules.add(f.at("/properties/rule").stringValue()));
        return rules;
    }

    // ---- Create --------------------------------------------------------------------------------------------------

    @Test
    void postCreatesWith201LocationAndAnETagThatTheLocationServes() {
        ObjectNode body = planning.freeParcelBody();
        String id = newId();
        body.put("id", id);
        long before = plannerCount("");
        ServiceClient.Reply created = planner.postJson(ITEMS, body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/geo+json");
        assertThat(created.header("Location")).isEqualTo(anonymous.base() + ITEMS + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"v1\"");
        JsonNode feature = created.json();
        assertThat(feature.get("id").stringValue()).isEqualTo(id);
        assertThat(feature.at("/properties/status").stringValue()).isEqualTo("available");
        assertThat(feature.at("/properties/version").longValue()).isEqualTo(1);

        ServiceClient.Reply fetched = planner.getAbsolute(created.header("Location"));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(fetched.json().get("properties")).isEqualTo(feature.get("properties"));
        assertThat(fetched.json().get("geometry")).isEqualTo(feature.get("geometry"));
        ServiceClient.Reply publicly = anonymous.getAbsolute(created.header("Location"));
        assertThat(publicly.header("ETag")).isEqualTo("\"v1-public\"");
        assertThat(plannerCount("")).isEqualTo(before + 1);

        JsonNode event = planning.history(id).get(0);
        assertThat(event.get("action").stringValue()).isEqualTo("create");
        assertThat(event.get("actor").stringValue()).isEqualTo(ServiceClient.ADMIN);
        assertThat(event.get("before").isNull()).isTrue();
        assertThat(event.at("/after/properties/status").stringValue()).isEqualTo("available");
    }

    @Test
    void postWithoutAnIdGetsTheNextIdOfItsZone() {
        ServiceClient.Reply created = planner.postJson(ITEMS, planning.freeParcelBody().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").stringValue();
        assertThat(id).matches("QOV-LI-\\d{3,}");
        assertThat(created.header("Location")).endsWith(ITEMS + "/" + id);
        assertThat(SEED).as("a new id, not a seed parcel's").doesNotContainKey(id);
    }

    @Test
    void postOfAnExistingIdIs409AndChangesNothing() {
        String existing = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(existing);
        ObjectNode body = planning.freeParcelBody();
        body.put("id", existing);
        assertProblem(planner.postJson(ITEMS, body.toString()), 409);
        Planning.Feature after = planning.parcel(existing);
        assertThat(after.eTag()).isEqualTo(before.eTag());
        assertThat(after.json().get("geometry")).isEqualTo(before.json().get("geometry"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"type\":\"FeatureCollection\",\"features\":[]}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"laser-industry\","
            + "\"landUse\":\"100101\",\"owner\":\"someone\"}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"laser-industry\","
            + "\"landUse\":\"100101\"},\"extra\":1}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[RING]]},"
            + "\"properties\":{\"zone\":\"laser-industry\",\"landUse\":\"100101\"}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.21,36.75]},"
            + "\"properties\":{\"zone\":\"laser-industry\",\"landUse\":\"100101\"}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"properties\":{\"zone\":\"laser-industry\",\"landUse\":\"100101\"}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"moon\","
            + "\"landUse\":\"100101\"}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"laser-industry\","
            + "\"landUse\":\"999999\"}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"landUse\":\"100101\"}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"laser-industry\","
            + "\"landUse\":\"100101\",\"farMin\":2.0,\"farMax\":1.2}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"laser-industry\","
            + "\"landUse\":\"100101\",\"farMax\":\"NaN\"}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"laser-industry\","
            + "\"landUse\":\"100101\",\"farMax\":NaN}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"laser-industry\","
            + "\"landUse\":\"100101\",\"coverageMax\":45}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"laser-industry\","
            + "\"landUse\":\"100101\",\"setbackMetres\":-1}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":\"laser-industry\","
            + "\"landUse\":\"100101\",\"status\":\"sold\"}}",
        "{\"type\":\"Feature\",\"id\":\"qov lower case\",\"geometry\":GEOMETRY,\"properties\":{\"zone\":"
            + "\"laser-industry\",\"landUse\":\"100101\"}}",
        "{\"type\":\"Feature\",\"id\":\"ID\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[117.21,36.75],"
            + "[117.22,36.75],[117.22,36.76]]]},\"properties\":{\"zone\":\"laser-industry\",\"landUse\":\"100101\"}}"})
    void invalidBodiesAre400AndStoreNothing(String template) {
        // Any outline will do: these bodies are refused before the rule book looks at them.
        Parcel seed = PARK.parcels().get(0);
        String ring = ringJson(seed.crs84());
        String id = newId();
        String body = template.replace("GEOMETRY", "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}")
                .replace("RING", ring).replace("\"ID\"", "\"" + id + "\"");
        long before = plannerCount("");
        long withdrawn = plannerCount("&status=withdrawn");
        ServiceClient.Reply reply = planner.send(planner.request(ITEMS).header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(reply, 400);
        assertThat(planner.get(ITEMS + "/" + id).status()).isEqualTo(404);
        assertThat(plannerCount("")).isEqualTo(before);
        assertThat(plannerCount("&status=withdrawn")).isEqualTo(withdrawn);
    }

    @Test
    void aParcelOverlappingAnotherIsRefusedWith422FindingsAndNothingIsStored() {
        String existing = planning.takeAvailableParcel();
        ObjectNode body = planning.parcel(existing).writable();
        String id = newId();
        body.put("id", id);
        long before = plannerCount("");
        ServiceClient.Reply refused = planner.postJson(ITEMS, body.toString());
        assertProblem(refused, 422);
        JsonNode report = refused.json();
        assertThat(report.get("valid").booleanValue()).isFalse();
        JsonNode overlap = null;
        for (JsonNode finding : report.at("/findings/features")) {
            if (finding.at("/properties/rule").stringValue().equals("parcel.overlap")) {
                overlap = finding;
            }
        }
        assertThat(overlap).as(report.toString()).isNotNull();
        assertThat(overlap.at("/properties/severity").stringValue()).isEqualTo("error");
        assertThat(overlap.at("/properties/related/0").stringValue()).isEqualTo(existing);
        assertThat(overlap.get("geometry").isObject()).as("the overlap is drawn").isTrue();
        assertThat(planner.get(ITEMS + "/" + id).status()).isEqualTo(404);
        assertThat(plannerCount("")).isEqualTo(before);
        assertThat(planning.history(id)).isEmpty();
    }

    @Test
    void aParcelAcrossTheEcologicalRedLineIsRefusedWith422() {
        // A 120 m square centred on the park boundary's southernmost vertex, where the park meets the red line.
        Geometry boundary = PARK.valley().stream().filter(v -> v.kind().equals("boundary")).findFirst().orElseThrow()
                .planar();
        Coordinate south = java.util.Arrays.stream(boundary.getCoordinates())
                .min(java.util.Comparator.comparingDouble(c -> c.y)).orElseThrow();
        Geometry square = CrsTransform.PLANAR.toGeometry(new Envelope(south.x - 60, south.x + 60, south.y - 60,
                south.y + 60));
        ObjectNode body = Planning.object().put("type", "Feature").put("id", newId());
        body.set("geometry", Planning.polygon(CrsTransform.toCrs84(square)));
        body.putObject("properties").put("zone", "laser-industry").put("landUse", "100101");
        long before = plannerCount("");
        ServiceClient.Reply refused = planner.postJson(ITEMS, body.toString());
        assertProblem(refused, 422);
        assertThat(rules(refused.json())).contains("constraint.redline");
        assertThat(planner.get(ITEMS + "/" + body.get("id").stringValue()).status()).isEqualTo(404);
        assertThat(plannerCount("")).isEqualTo(before);
    }

    @Test
    void aParcelSentInEpsg4548IsStoredWithThePlanarAreaOfItsOutline() {
        String id = planning.takeAvailableParcel();
        Planning.Feature seedParcel = planning.parcel(id);
        planning.withdraw(id);
        // The seed outline in metres, one metre inside itself so that it is a new shape.
        Polygon planar = (Polygon) SEED.get(id).planar().buffer(-1.0, 1);
        // EPSG:4548 lists northing first, and so does the API: positions are [northing, easting].
        Polygon northingFirst = (Polygon) org.locationtech.jts.geom.util.AffineTransformation
                .reflectionInstance(0, 0, 1, 1).transform(planar);
        ObjectNode body = Planning.object().put("type", "Feature");
        body.set("geometry", Planning.polygon(northingFirst));
        body.set("properties", seedParcel.writable().get("properties"));
        ServiceClient.Reply created = planner.send(planner.request(ITEMS).header("Content-Type",
                "application/geo+json").header("Content-Crs", PLANAR_CRS)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode stored = planner.getAbsolute(created.header("Location")).json();
        // Stored on the register's 0.01 m grid: the area of the sent outline with each vertex rounded to the centimetre.
        Polygon onGrid = (Polygon) planar.copy();
        onGrid.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = Math.round(c.x * 100) / 100.0;
            c.y = Math.round(c.y * 100) / 100.0;
        });
        onGrid.geometryChanged();
        assertThat(stored.at("/properties/areaM2").doubleValue())
                .isCloseTo(onGrid.getArea(), org.assertj.core.data.Offset.offset(0.01));
        // Served back in CRS84: longitudes near 117 E, and the same outline once transformed.
        Geometry served = GeoJson.readGeometry(stored.get("geometry"), CrsTransform.CRS84);
        assertThat(served.getCoordinate().x).isBetween(117.1, 117.3);
        assertThat(CrsTransform.toPlanar(served).symDifference(onGrid).getArea()).isLessThan(0.5);
        // Asked for in EPSG:4548, the outline comes back as it was sent, each vertex rounded to the centimetre.
        ServiceClient.Reply inPlanar = planner.getAbsolute(created.header("Location") + "?crs=" + PLANAR_URI);
        assertThat(inPlanar.header("Content-Crs")).isEqualTo(PLANAR_CRS);
        Geometry servedPlanar = GeoJson.readGeometry(inPlanar.json().get("geometry"), CrsTransform.PLANAR);
        assertThat(org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance.distance(servedPlanar,
                northingFirst)).as(servedPlanar.toText()).isLessThan(0.0072);
        for (Coordinate c : servedPlanar.getCoordinates()) {
            assertThat(Math.abs(c.x * 100 - Math.round(c.x * 100))).as("%s on the 0.01 m grid", c).isLessThan(1e-4);
        }
    }

    // ---- Replace and update: If-Match -----------------------------------------------------------------------------

    /** The three writes of an existing parcel, each with the If-Match given (null for none). */
    private List<Function<String, ServiceClient.Reply>> writesOf(String id) {
        Planning.Feature current = planning.parcel(id);
        ObjectNode replacement = current.writable();
        ((ObjectNode) replacement.get("properties")).put("setbackMetres", 8.0);
        return List.of(
                ifMatch -> planner.putJson(ITEMS + "/" + id, replacement.toString(), ifMatch),
                ifMatch -> planner.patchJson(ITEMS + "/" + id, "{\"properties\":{\"setbackMetres\":9}}", ifMatch),
                ifMatch -> planner.delete(ITEMS + "/" + id, ifMatch));
    }

    @Test
    void writesWithoutIfMatchOrWithAStarAre428AndChangeNothing() {
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        for (Function<String, ServiceClient.Reply> write : writesOf(id)) {
            assertProblem(write.apply(null), 428);
            assertProblem(write.apply("*"), 428);
        }
        Planning.Feature after = planning.parcel(id);
        assertThat(after.eTag()).isEqualTo(before.eTag());
        assertThat(after.json()).isEqualTo(before.json());
    }

    @Test
    void writesWithAStaleETagAre412AndChangeNothing() {
        String id = planning.takeAvailableParcel();
        String stale = planning.parcel(id).eTag();
        ServiceClient.Reply moved = planner.patchJson(ITEMS + "/" + id, "{\"properties\":{\"setbackMetres\":6}}",
                stale);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Planning.Feature current = planning.parcel(id);
        assertThat(current.eTag()).isNotEqualTo(stale);
        for (Function<String, ServiceClient.Reply> write : writesOf(id)) {
            assertProblem(write.apply(stale), 412);
            assertProblem(write.apply("\"not-a-tag-of-ours\""), 412);
        }
        Planning.Feature after = planning.parcel(id);
        assertThat(after.version()).isEqualTo(current.version());
        assertThat(after.json().get("geometry")).isEqualTo(current.json().get("geometry"));
        assertThat(after.json().get("properties")).isEqualTo(current.json().get("properties"));
    }

    @Test
    void putReplacesAndAcceptsThePublicFormOfTheTag() {
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        String publicTag = anonymous.get(ITEMS + "/" + id).header("ETag");
        assertThat(publicTag).isEqualTo("\"v" + before.version() + "-public\"");
        ObjectNode replacement = before.writable();
        ((ObjectNode) replacement.get("properties")).put("heightMaxMetres", 36.5).put("farMax", 2.2);
        ServiceClient.Reply replaced = planner.putJson(ITEMS + "/" + id, replacement.toString(), publicTag);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"v" + (before.version() + 1) + "\"");
        Planning.Feature after = planning.parcel(id);
        assertThat(after.eTag()).isEqualTo(replaced.header("ETag"));
        assertThat(after.json().at("/properties/heightMaxMetres").doubleValue()).isEqualTo(36.5);
        assertThat(after.json().at("/properties/farMax").doubleValue()).isEqualTo(2.2);
        JsonNode event = planning.history(id).get(planning.history(id).size() - 1);
        assertThat(event.get("action").stringValue()).isEqualTo("update");
        assertThat(event.at("/before/properties/farMax").doubleValue())
                .isEqualTo(before.json().at("/properties/farMax").doubleValue());
        assertThat(event.at("/after/properties/farMax").doubleValue()).isEqualTo(2.2);
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        ServiceClient.Reply patched = planner.patchJson(ITEMS + "/" + id, "{\"properties\":{\"heightMaxMetres\":33}}",
                before.eTag());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        Planning.Feature after = planning.parcel(id);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.json().get("geometry")).isEqualTo(before.json().get("geometry"));
        ObjectNode expected = (ObjectNode) before.json().get("properties").deepCopy();
        expected.put("heightMaxMetres", 33.0).put("version", (int) before.version() + 1)
                .put("updatedAt", after.json().at("/properties/updatedAt").stringValue());
        assertThat(after.json().get("properties")).isEqualTo(expected);
    }

    @Test
    void theStatusCannotBeWritten() {
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        ObjectNode reserved = before.writable();
        ((ObjectNode) reserved.get("properties")).put("status", "reserved");
        assertProblem(planner.putJson(ITEMS + "/" + id, reserved.toString(), before.eTag()), 409);
        assertProblem(planner.patchJson(ITEMS + "/" + id, "{\"properties\":{\"status\":\"withdrawn\"}}",
                before.eTag()), 409);
        ObjectNode created = planning.freeParcelBody();
        ((ObjectNode) created.get("properties")).put("status", "allocated");
        assertProblem(planner.postJson(ITEMS, created.toString()), 409);
        assertThat(planning.parcel(id).eTag()).isEqualTo(before.eTag());
    }

    @Test
    void aReservedParcelKeepsItsZoneAndCannotBeWithdrawn() {
        String id = planning.takeAvailableParcel();
        planning.propose(id, "Zone Keeper Lasers");
        Planning.Feature reserved = planning.parcel(id);
        assertThat(reserved.status()).isEqualTo("reserved");
        ObjectNode moved = reserved.writable();
        ((ObjectNode) moved.get("properties")).put("zone", "incubator");
        assertProblem(planner.putJson(ITEMS + "/" + id, moved.toString(), reserved.eTag()), 409);
        assertProblem(planner.patchJson(ITEMS + "/" + id, "{\"properties\":{\"zone\":\"incubator\"}}",
                reserved.eTag()), 409);
        assertProblem(planner.delete(ITEMS + "/" + id, reserved.eTag()), 409);
        Planning.Feature after = planning.parcel(id);
        assertThat(after.eTag()).isEqualTo(reserved.eTag());
        assertThat(after.status()).isEqualTo("reserved");
    }

    // ---- Price and readiness ---------------------------------------------------------------------------------------

    /** The eight readiness items ready, but gas (with a capacity to be trimmed). */
    private static final String READINESS = "{\"road\":{\"ready\":true},\"waterSupply\":{\"ready\":true,"
            + "\"capacity\":\"DN300\"},\"drainage\":{\"ready\":true},\"power\":{\"ready\":true,\"capacity\":"
            + "\"10 kV, 2 x 630 kVA\"},\"telecom\":{\"ready\":true},\"gas\":{\"ready\":false,\"capacity\":"
            + "\" planned 2027 \"},\"heating\":{\"ready\":true},\"siteLevelling\":{\"ready\":true}}";

    /** The price per mu the README promises: the price over the EPSG:4548 area in mu, to 0.01 万元. */
    private static double perMu(double priceWanYuan, double areaM2) {
        return Math.round(priceWanYuan / (areaM2 / (10_000.0 / 15)) * 100) / 100.0;
    }

    private List<String> availableSitesMatching(ServiceClient client, String cql2) {
        List<String> ids = new ArrayList<>();
        Planning.allItems(client, "available-sites", "filter=" + java.net.URLEncoder.encode(cql2,
                java.nio.charset.StandardCharsets.UTF_8)).forEach(f -> ids.add(f.get("id").stringValue()));
        return ids;
    }

    @Test
    void priceAndReadinessAreWrittenReadBackAndPublicWhileTheSiteIsAvailableOnly() {
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        ServiceClient.Reply patched = planner.patchJson(ITEMS + "/" + id, "{\"properties\":{\"reservePriceWanYuan\":"
                + "1234.5,\"depositWanYuan\":250,\"readiness\":" + READINESS + "}}", before.eTag());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        JsonNode stored = planning.parcel(id).json().get("properties");
        double areaM2 = stored.get("areaM2").doubleValue();
        assertThat(stored.get("reservePriceWanYuan").doubleValue()).isEqualTo(1234.5);
        assertThat(stored.get("depositWanYuan").doubleValue()).isEqualTo(250.0);
        // The served area is rounded to the centimetre: the derived price may differ from this one in its last digit.
        assertThat(stored.get("pricePerMuWanYuan").doubleValue()).isCloseTo(perMu(1234.5, areaM2), within(0.0101));
        assertThat(stored.get("pricePerMuWanYuan").doubleValue() * 100 % 1).isCloseTo(0, within(1e-6));
        assertThat(stored.get("fullyReady").booleanValue()).isFalse();
        assertThat(stored.at("/readiness/gas")).isEqualTo(Planning.parse("{\"ready\":false,\"capacity\":\"planned 2027\"}"));
        assertThat(stored.at("/readiness/road")).isEqualTo(Planning.parse("{\"ready\":true}"));
        assertThat(stored.get("readiness").propertyNames()).containsExactly("road", "waterSupply", "drainage",
                "power", "telecom", "gas", "heating", "siteLevelling");
        JsonNode event = planning.history(id).get(planning.history(id).size() - 1);
        assertThat(event.at("/before/properties/reservePriceWanYuan").isMissingNode()
                || event.at("/before/properties/reservePriceWanYuan").doubleValue()
                        == before.json().at("/properties/reservePriceWanYuan").doubleValue()).isTrue();
        assertThat(event.at("/after/properties/reservePriceWanYuan").doubleValue()).isEqualTo(1234.5);
        assertThat(event.at("/after/properties/pricePerMuWanYuan").doubleValue())
                .isEqualTo(stored.get("pricePerMuWanYuan").doubleValue());
        assertThat(event.at("/after/properties/readiness/gas/capacity").stringValue()).isEqualTo("planned 2027");

        // The public sees the offer of an available site, as planners do, and finds the site by it.
        for (String path : List.of(ITEMS + "/" + id, "/ogc/collections/available-sites/items/" + id)) {
            JsonNode shown = anonymous.get(path).json().get("properties");
            for (String member : List.of("reservePriceWanYuan", "depositWanYuan", "pricePerMuWanYuan", "readiness",
                    "fullyReady")) {
                assertThat(shown.get(member)).as(path + " " + member).isEqualTo(stored.get(member));
            }
        }
        String byPrice = "pricePerMuWanYuan = " + stored.get("pricePerMuWanYuan").doubleValue()
                + " AND reservePriceWanYuan = 1234.5 AND fullyReady = FALSE";
        assertThat(availableSitesMatching(anonymous, byPrice)).containsExactly(id);

        // A PUT of what was read (without the read-only members) keeps the offer.
        Planning.Feature current = planning.parcel(id);
        ServiceClient.Reply put = planner.putJson(ITEMS + "/" + id, current.writable().toString(), current.eTag());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        for (String member : List.of("reservePriceWanYuan", "depositWanYuan", "pricePerMuWanYuan", "readiness",
                "fullyReady")) {
            assertThat(planning.parcel(id).json().at("/properties/" + member)).as(member).isEqualTo(stored.get(member));
        }

        // Reserved: the public sees zone, status and area only, and cannot find it by its price.
        planning.propose(id, "Price Reader Optics");
        JsonNode publicly = anonymous.get(ITEMS + "/" + id).json().get("properties");
        assertThat(publicly.propertyNames()).containsExactly("zone", "status", "areaM2");
        assertThat(Planning.allItems(anonymous, "parcels", "filter=" + java.net.URLEncoder.encode(
                "reservePriceWanYuan = 1234.5 OR fullyReady = FALSE AND depositWanYuan = 250",
                java.nio.charset.StandardCharsets.UTF_8))).noneMatch(f -> f.get("id").stringValue().equals(id));
        assertThat(planning.parcel(id).json().at("/properties/reservePriceWanYuan").doubleValue()).isEqualTo(1234.5);
        assertThat(Planning.allItems(planner, "parcels", "filter=reservePriceWanYuan%20%3D%201234.5"))
                .anyMatch(f -> f.get("id").stringValue().equals(id));
    }

    @Test
    void anOutlineChangeRecomputesThePricePerMu() {
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        ServiceClient.Reply priced = planner.patchJson(ITEMS + "/" + id,
                "{\"properties\":{\"reservePriceWanYuan\":900}}", before.eTag());
        assertThat(priced.status()).as(priced.body()).isEqualTo(200);
        double perMuBefore = planning.parcel(id).json().at("/properties/pricePerMuWanYuan").doubleValue();

        Polygon smaller = (Polygon) SEED.get(id).planar().buffer(-3.0, 1);
        ObjectNode patch = Planning.object();
        patch.set("geometry", Planning.polygon(CrsTransform.toCrs84(smaller)));
        ServiceClient.Reply reshaped = planner.patchJson(ITEMS + "/" + id, patch.toString(), priced.header("ETag"));
        assertThat(reshaped.status()).as(reshaped.body()).isEqualTo(200);

        JsonNode after = planning.parcel(id).json().get("properties");
        double areaM2 = after.get("areaM2").doubleValue();
        assertThat(areaM2).isLessThan(before.json().at("/properties/areaM2").doubleValue());
        assertThat(after.get("reservePriceWanYuan").doubleValue()).isEqualTo(900.0);
        assertThat(after.get("pricePerMuWanYuan").doubleValue()).isCloseTo(perMu(900, areaM2), within(0.0101))
                .isGreaterThan(perMuBefore);
        // The store's copy, which filters compare, moved with it.
        assertThat(availableSitesMatching(anonymous, "pricePerMuWanYuan = " + after.get("pricePerMuWanYuan")
                .doubleValue() + " AND reservePriceWanYuan = 900")).containsExactly(id);
        assertThat(availableSitesMatching(anonymous, "pricePerMuWanYuan = " + perMuBefore
                + " AND reservePriceWanYuan = 900")).isEmpty();
    }

    @Test
    void badPriceOrReadinessIs400AndChangesNothing() {
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        for (String properties : List.of("{\"readiness\":{\"road\":null}}",
                "{\"readiness\":{\"road\":{\"ready\":\"yes\"}}}", "{\"reservePriceWanYuan\":0}",
                "{\"reservePriceWanYuan\":10,\"depositWanYuan\":11}",
                "{\"readiness\":" + READINESS.replace("\"telecom\"", "\"internet\"") + "}",
                "{\"readiness\":" + READINESS.replace("planned 2027", "x".repeat(201)) + "}",
                "{\"readiness\":" + READINESS.replace("planned 2027", "line\\nbreak") + "}")) {
            assertProblem(planner.patchJson(ITEMS + "/" + id, "{\"properties\":" + properties + "}", before.eTag()),
                    400);
        }
        assertThat(planning.parcel(id).eTag()).isEqualTo(before.eTag());
    }

    /**
     * A feature read can be written back as it is (the README's promise): the derived price per mu and fullyReady
     * it carries are ignored, as areaM2 is, and derived again from what is stored.
     */
    @Test
    void theDerivedMembersOfAFeatureReadAreIgnoredWhenItIsWrittenBack() {
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        JsonNode stored = before.json().get("properties");
        assertThat(stored.get("pricePerMuWanYuan").isNumber()).as("a seed site has a price").isTrue();
        ObjectNode echoed = (ObjectNode) before.json().deepCopy();
        ((ObjectNode) echoed.get("properties")).put("pricePerMuWanYuan", 0.5).put("fullyReady",
                !stored.get("fullyReady").booleanValue());
        ServiceClient.Reply put = planner.putJson(ITEMS + "/" + id, echoed.toString(), before.eTag());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode after = planning.parcel(id).json().get("properties");
        for (String member : List.of("reservePriceWanYuan", "depositWanYuan", "pricePerMuWanYuan", "readiness",
                "fullyReady")) {
            assertThat(after.get(member)).as(member).isEqualTo(stored.get(member));
        }
    }

    // ---- Delete: withdrawal --------------------------------------------------------------------------------------

    @Test
    void deleteWithdrawsTheParcelWhichStaysInTheHistoryOnly() {
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        long plannerLive = plannerCount("");
        long publicLive = anonymous.get(ITEMS + "?limit=1").json().get("numberMatched").longValue();
        long withdrawn = plannerCount("&status=withdrawn");

        ServiceClient.Reply deleted = planner.delete(ITEMS + "/" + id, before.eTag());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        Planning.Feature after = planning.parcel(id);
        assertThat(after.status()).isEqualTo("withdrawn");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.json().get("geometry")).as("nothing is deleted physically")
                .isEqualTo(before.json().get("geometry"));
        assertProblem(anonymous.get(ITEMS + "/" + id), 404);
        assertProblem(anonymous.get("/ogc/collections/available-sites/items/" + id), 404);
        assertThat(plannerCount("")).isEqualTo(plannerLive - 1);
        assertThat(anonymous.get(ITEMS + "?limit=1").json().get("numberMatched").longValue())
                .isEqualTo(publicLive - 1);
        assertThat(Planning.allItems(planner, "parcels")).noneMatch(f -> f.get("id").stringValue().equals(id));
        assertThat(Planning.allItems(anonymous, "parcels")).noneMatch(f -> f.get("id").stringValue().equals(id));
        assertThat(plannerCount("&status=withdrawn")).isEqualTo(withdrawn + 1);

        List<JsonNode> events = planning.history(id);
        JsonNode withdrawal = events.get(events.size() - 1);
        assertThat(withdrawal.get("action").stringValue()).isEqualTo("withdraw");
        assertThat(withdrawal.get("actor").stringValue()).isEqualTo(ServiceClient.ADMIN);
        assertThat(withdrawal.at("/before/properties/status").stringValue()).isEqualTo("available");
        assertThat(withdrawal.at("/after/properties/status").stringValue()).isEqualTo("withdrawn");

        // Withdrawn is final for writes.
        assertProblem(planner.delete(ITEMS + "/" + id, after.eTag()), 409);
        assertProblem(planner.patchJson(ITEMS + "/" + id, "{\"properties\":{\"setbackMetres\":6}}", after.eTag()),
                409);
    }

    @Test
    void otherCollectionsAreReadOnly() {
        List<ServiceClient.Reply> replies = List.of(
                planner.postJson("/ogc/collections/zones/items", "{}"),
                planner.putJson("/ogc/collections/roads/items/any", "{}", "\"v1\""),
                planner.patchJson("/ogc/collections/constraints/items/any", "{}", "\"v1\""),
                planner.delete("/ogc/collections/valley/items/valley", "\"v1\""),
                planner.postJson("/ogc/collections/available-sites/items", "{}"));
        for (ServiceClient.Reply reply : replies) {
            assertProblem(reply, 405);
        }
        assertProblem(planner.postJson("/ogc/collections/nope/items", "{}"), 404);
        assertProblem(planner.delete(ITEMS + "/QOV-NO-SUCH", "\"v1\""), 404);
    }

    private static String ringJson(Geometry polygon) {
        StringBuilder json = new StringBuilder("[");
        Coordinate[] ring = ((Polygon) polygon).getExteriorRing().getCoordinates();
        for (int i = 0; i < ring.length; i++) {
            json.append(i == 0 ? "" : ",").append('[').append(ring[i].x).append(',').append(ring[i].y).append(']');
        }
        return json.append(']').toString();
    }
}
