package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.Race;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Split, merge and lineage end to end: ETags (428, 412), refusals that store nothing (400, 409, 422), areas to
 * 0.01 m² checked by the shoelace formula on the served EPSG:4548 coordinates (not by the service's own area),
 * lineage and history, the retired parent's invisibility to the public, and two planners splitting one parcel at
 * once. Each test takes its own parcels.
 *
 * <p>Each store runs the same tests: {@link ParcelReshapeH2gisIT}, {@link ParcelReshapePostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ParcelReshapeContract {

    private static final String ITEMS = "/ogc/collections/parcels/items/";
    private static final String PLANAR_QUERY = "?crs=http://www.opengis.net/def/crs/EPSG/0/4548";

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

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private ServiceClient.Reply post(String path, String json, String ifMatch) {
        HttpRequest.Builder request = planner.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return planner.send(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    /** The parcel's outline as served in EPSG:4548 ([northing, easting], OGC axis order), x easting, y northing. */
    private Polygon servedPlanar(String id) {
        JsonNode ring = planner.get(ITEMS + id + PLANAR_QUERY).json().at("/geometry/coordinates/0");
        List<Coordinate> coordinates = new ArrayList<>();
        ring.forEach(p -> coordinates.add(new Coordinate(p.get(1).doubleValue(), p.get(0).doubleValue())));
        return CrsTransform.PLANAR.createPolygon(coordinates.toArray(Coordinate[]::new));
    }

    /** The shoelace area of a ring, m²: an independent computation, relative to the first vertex. */
    private static double shoelace(Coordinate[] ring) {
        double twice = 0;
        for (int i = 0; i + 1 < ring.length; i++) {
            twice += (ring[i].x - ring[0].x) * (ring[i + 1].y - ring[0].y)
                    - (ring[i + 1].x - ring[0].x) * (ring[i].y - ring[0].y);
        }
        return Math.abs(twice) / 2;
    }

    /** A north-south line (CRS84 GeoJSON) through the parcel at {@code fraction} of its width from the west. */
    private static String cutLine(Polygon planar, double fraction) {
        Envelope e = planar.getEnvelopeInternal();
        double x = e.getMinX() + e.getWidth() * fraction;
        LineString line = CrsTransform.PLANAR.createLineString(new Coordinate[] {
            new Coordinate(x, e.getMaxY() + 15), new Coordinate(x + 1.3, e.getMinY() - 15)});
        Geometry crs84 = CrsTransform.toCrs84(line);
        ObjectNode json = Planning.object().put("type", "LineString");
        ArrayNode positions = json.putArray("coordinates");
        for (Coordinate c : crs84.getCoordinates()) {
            positions.addArray().add(c.x).add(c.y);
        }
        return json.toString();
    }

    private String splitBody(String id, double fraction) {
        return "{\"line\": " + cutLine(servedPlanar(id), fraction) + "}";
    }

    private static void assertProblem(ServiceClient.Reply reply, int status, String detailPart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().get("detail").stringValue()).contains(detailPart);
        assertThat(reply.body()).doesNotContain("Exception", "at org.");
    }

    private void assertUnchanged(String id, Planning.Feature before) {
        Planning.Feature after = planning.parcel(id);
        assertThat(after.eTag()).isEqualTo(before.eTag());
        assertThat(after.status()).isEqualTo("available");
        assertThat(planner.get("/api/parcels/" + id + "/lineage").json().get("descendants")).isEmpty();
    }

    // ---- split -----------------------------------------------------------------------------------------------------

    @Test
    void aLineSplitsTheParcelIntoPartsThatTileItAndRetiresTheParent() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        Planning.Feature parent = planning.parcel(id);
        double parentArea = shoelace(servedPlanar(id).getCoordinates());

        ServiceClient.Reply split = post("/api/parcels/" + id + "/split", splitBody(id, 0.5), parent.eTag());

        assertThat(split.status()).as(split.body()).isEqualTo(201);
        JsonNode children = split.json().get("children");
        assertThat(children).hasSize(2);
        assertThat(split.headers().get("location")).containsExactly(anonymous.base() + ITEMS + id + "-1");
        assertThat(split.headers().get("link")).containsExactly(
                "<" + anonymous.base() + ITEMS + id + "-1>; rel=\"item\"", "<" + anonymous.base() + ITEMS + id + "-2>; rel=\"item\"");
        assertThat(split.json().at("/parent/properties/status").stringValue()).isEqualTo("retired");
        assertThat(split.json().at("/parent/properties/supersededBy").toString())
                .isEqualTo("[\"" + id + "-1\",\"" + id + "-2\"]");
        double sum = 0;
        for (JsonNode child : children) {
            String childId = child.get("id").stringValue();
            assertThat(child.at("/properties/derivedFrom").toString()).isEqualTo("[\"" + id + "\"]");
            assertThat(child.at("/properties/zone").stringValue()).isEqualTo(parent.json().at("/properties/zone")
                    .stringValue());
            assertThat(child.at("/properties/landUse").stringValue())
                    .isEqualTo(parent.json().at("/properties/landUse").stringValue());
            assertThat(child.at("/properties/farMax").doubleValue())
                    .isEqualTo(parent.json().at("/properties/farMax").doubleValue());
            Planning.Feature stored = planning.parcel(childId);
            assertThat(stored.eTag()).isEqualTo("\"v1\"");
            double area = shoelace(servedPlanar(childId).getCoordinates());
            assertThat(stored.json().at("/properties/areaM2").doubleValue()).isCloseTo(area, within(0.01));
            sum += area;
        }
        assertThat(sum).isCloseTo(parentArea, within(0.01));

        // The parent is history: planners see it retired, the public not at all; the parts are public sites.
        assertThat(planning.parcel(id).status()).isEqualTo("retired");
        assertThat(anonymous.get(ITEMS + id).status()).isEqualTo(404);
        assertThat(anonymous.get("/ogc/collections/available-sites/items/" + id).status()).isEqualTo(404);
        assertThat(anonymous.get("/ogc/collections/available-sites/items/" + id + "-1").status()).isEqualTo(200);

        JsonNode lineage = planner.get("/api/parcels/" + id + "-2/lineage").json();
        assertThat(lineage.at("/ancestors/0/id").stringValue()).isEqualTo(id);
        assertThat(lineage.at("/ancestors/0/operation").stringValue()).isEqualTo("split");
        assertThat(lineage.at("/ancestors/0/by").stringValue()).isEqualTo(ServiceClient.ADMIN);
        assertThat(lineage.at("/ancestors/0/at").stringValue()).isNotBlank();
        JsonNode descendants = planner.get("/api/parcels/" + id + "/lineage").json().get("descendants");
        assertThat(descendants).hasSize(2);

        assertThat(planning.history(id).get(planning.history(id).size() - 1).get("action").stringValue())
                .isEqualTo("split");
        assertThat(planning.history(id + "-1").get(0).get("action").stringValue()).isEqualTo("create");
    }

    @Test
    void aDryRunPreviewsThePartsWithAreasAndFindingsAndStoresNothing() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        Planning.Feature before = planning.parcel(id);
        ServiceClient.Reply preview = post("/api/parcels/" + id + "/split?dryRun=true", splitBody(id, 0.4), null);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("valid").booleanValue()).isTrue();
        JsonNode children = preview.json().get("children");
        assertThat(children).hasSize(2);
        double sumM2 = 0;
        for (JsonNode child : children) {
            double m2 = child.at("/properties/areaM2").doubleValue();
            assertThat(child.at("/properties/areaMu").doubleValue()).isCloseTo(m2 * 15 / 10_000, within(0.006));
            assertThat(child.get("findings").isObject() || child.get("findings").isArray()).isTrue();
            sumM2 += m2;
        }
        assertThat(sumM2).isCloseTo(before.json().at("/properties/areaM2").doubleValue(), within(0.03));
        assertThat(planner.get(ITEMS + id + "-1").status()).isEqualTo(404);
        assertUnchanged(id, before);
    }

    @Test
    void aSplitNeedsTheCurrentETag() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        Planning.Feature before = planning.parcel(id);
        assertProblem(post("/api/parcels/" + id + "/split", splitBody(id, 0.5), null), 428, "If-Match");
        assertProblem(post("/api/parcels/" + id + "/split", splitBody(id, 0.5), "\"v999\""), 412, id);
        assertUnchanged(id, before);
    }

    @Test
    void aLineThatDoesNotCrossTheParcelIsA400AndChangesNothing() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        Planning.Feature before = planning.parcel(id);
        // Entirely east of the parcel.
        assertProblem(post("/api/parcels/" + id + "/split", splitBody(id, 3.0), before.eTag()), 400,
                "does not cut");
        assertProblem(post("/api/parcels/" + id + "/split", "{\"line\": {\"type\": \"Point\", \"coordinates\": "
                + "[117.1, 36.7]}}", before.eTag()), 400, "LineString");
        assertProblem(post("/api/parcels/" + id + "/split", "{\"lines\": []}", before.eTag()), 400, "lines");
        assertUnchanged(id, before);
    }

    @Test
    void aCutLeavingAPartUnderTheZonesMinimumIsRefusedWithEachPartsFindings() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        Planning.Feature before = planning.parcel(id);
        // A strip a few metres wide along the west edge: far under laser-industry's 5,000 m² minimum.
        ServiceClient.Reply refused = post("/api/parcels/" + id + "/split", splitBody(id, 0.03), before.eTag());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode parts = refused.json().get("parts");
        assertThat(parts).hasSize(2);
        List<String> rules = new ArrayList<>();
        parts.forEach(p -> p.at("/findings/features").forEach(f -> rules.add(f.at("/properties/rule").stringValue())));
        assertThat(rules).contains("parcel.area");
        assertThat(planner.get(ITEMS + id + "-1").status()).isEqualTo(404);
        assertUnchanged(id, before);
    }

    @Test
    void onlyAnAvailableParcelCanBeSplit() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        planning.propose(id, "Split Test Laser Co.");
        Planning.Feature reserved = planning.parcel(id);
        assertThat(reserved.status()).isNotEqualTo("available");
        assertProblem(post("/api/parcels/" + id + "/split", splitBody(id, 0.5), reserved.eTag()), 409,
                "only an available parcel");
        // The preview says so too, as a merge's does: it must not promise a split the write refuses.
        assertProblem(post("/api/parcels/" + id + "/split?dryRun=true", splitBody(id, 0.5), null), 409,
                "only an available parcel");
    }

    @Test
    void twoPlannersSplittingOneParcelAtOnceOneWins() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        Planning.Feature before = planning.parcel(id);
        String first = "{\"line\": " + cutLine(servedPlanar(id), 0.5) + ", \"ids\": [\"" + id + "-A1\", \"" + id
                + "-A2\"]}";
        String second = "{\"line\": " + cutLine(servedPlanar(id), 0.45) + ", \"ids\": [\"" + id + "-B1\", \"" + id
                + "-B2\"]}";
        List<ServiceClient.Reply> replies = Race.run(2, 2, i -> post("/api/parcels/" + id + "/split",
                i == 0 ? first : second, before.eTag()));
        List<Integer> statuses = replies.stream().map(ServiceClient.Reply::status).sorted().toList();
        assertThat(statuses).as(replies.toString()).containsExactly(201, 412);
        assertThat(planner.get("/api/parcels/" + id + "/lineage").json().get("descendants")).hasSize(2);
    }

    // ---- merge -----------------------------------------------------------------------------------------------------

    @Test
    void mergingThePartsBackGivesOneParcelWithTheParentsArea() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        double originalArea = shoelace(servedPlanar(id).getCoordinates());
        assertThat(post("/api/parcels/" + id + "/split", splitBody(id, 0.5), planning.parcel(id).eTag()).status())
                .isEqualTo(201);
        String merged = id.length() <= 28 ? id + "-M" : null;
        String body = "{\"parcels\": [{\"id\": \"" + id + "-1\", \"etag\": \"\\\"v1\\\"\"}, {\"id\": \"" + id
                + "-2\", \"etag\": \"\\\"v1\\\"\"}], \"id\": \"" + merged + "\"}";

        ServiceClient.Reply reply = post("/api/parcels/merge", body, null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo(anonymous.base() + ITEMS + merged);
        assertThat(reply.header("ETag")).isEqualTo("\"v1\"");
        assertThat(reply.json().at("/properties/derivedFrom").toString())
                .isEqualTo("[\"" + id + "-1\",\"" + id + "-2\"]");
        assertThat(shoelace(servedPlanar(merged).getCoordinates())).isCloseTo(originalArea, within(0.01));
        // The cut points are not corners of the merged parcel: it has the parent's vertices again.
        assertThat(servedPlanar(merged).getNumPoints()).isEqualTo(servedPlanar(id).getNumPoints());
        assertThat(planning.parcel(id + "-1").status()).isEqualTo("retired");
        assertThat(planning.parcel(id + "-2").json().at("/properties/supersededBy").toString())
                .isEqualTo("[\"" + merged + "\"]");
        assertThat(anonymous.get(ITEMS + id + "-1").status()).isEqualTo(404);
        assertThat(planning.history(id + "-1").get(planning.history(id + "-1").size() - 1).get("action")
                .stringValue()).isEqualTo("merge");

        JsonNode ancestors = planner.get("/api/parcels/" + merged + "/lineage").json().get("ancestors");
        List<String> names = new ArrayList<>();
        ancestors.forEach(a -> names.add(a.get("id").stringValue() + "/" + a.get("operation").stringValue() + "/"
                + a.get("depth").intValue()));
        assertThat(names).containsExactlyInAnyOrder(id + "-1/merge/1", id + "-2/merge/1", id + "/split/2",
                id + "/split/2");
    }

    /** Price and readiness (F11) were set for the parent's outline: parts and a merged parcel start without them. */
    @Test
    void partsAndAMergedParcelStartWithoutAPriceUnlessTheRequestGivesOne() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        Planning.Feature parent = planning.parcel(id);
        assertThat(parent.json().at("/properties/reservePriceWanYuan").isNumber()).as("a seed site has a price").isTrue();
        String body = "{\"line\": " + cutLine(servedPlanar(id), 0.5) + ", \"overrides\": [{\"reservePriceWanYuan\": "
                + "400}, null]}";
        ServiceClient.Reply split = post("/api/parcels/" + id + "/split", body, parent.eTag());
        assertThat(split.status()).as(split.body()).isEqualTo(201);

        JsonNode priced = planning.parcel(id + "-1").json().get("properties");
        assertThat(priced.get("reservePriceWanYuan").doubleValue()).isEqualTo(400.0);
        double areaMu = priced.get("areaM2").doubleValue() / (10_000.0 / 15);
        assertThat(priced.get("pricePerMuWanYuan").doubleValue()).isCloseTo(400 / areaMu, within(0.0051));
        for (String member : List.of("depositWanYuan", "readiness", "fullyReady")) {
            assertThat(priced.has(member)).as(member + " of part 1").isFalse();
        }
        JsonNode unpriced = planning.parcel(id + "-2").json().get("properties");
        for (String member : List.of("reservePriceWanYuan", "depositWanYuan", "pricePerMuWanYuan", "readiness",
                "fullyReady")) {
            assertThat(unpriced.has(member)).as(member + " of part 2").isFalse();
        }

        String merged = id.length() <= 28 ? id + "-M" : null;
        ServiceClient.Reply reply = post("/api/parcels/merge", "{\"parcels\": [{\"id\": \"" + id + "-1\", \"etag\": "
                + "\"\\\"v1\\\"\"}, {\"id\": \"" + id + "-2\", \"etag\": \"\\\"v1\\\"\"}], \"id\": \"" + merged + "\"}", null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("properties").has("reservePriceWanYuan")).isFalse();
        assertThat(planning.parcel(merged).json().get("properties").has("pricePerMuWanYuan")).isFalse();
    }

    @Test
    void aMergeWithAStaleETagNamesTheStaleParcelAndChangesNothing() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        assertThat(post("/api/parcels/" + id + "/split", splitBody(id, 0.5), planning.parcel(id).eTag()).status())
                .isEqualTo(201);
        String body = "{\"parcels\": [{\"id\": \"" + id + "-1\", \"etag\": \"\\\"v1\\\"\"}, {\"id\": \"" + id
                + "-2\", \"etag\": \"\\\"v7\\\"\"}]}";
        assertProblem(post("/api/parcels/merge", body, null), 412, id + "-2");
        assertThat(planning.parcel(id + "-1").status()).isEqualTo("available");
        assertThat(planning.parcel(id + "-2").status()).isEqualTo("available");
    }

    @Test
    void parcelsThatAreNotNeighboursAreNotMerged() {
        String a = planning.takeAvailableParcelOfAtLeast(12_000);
        Polygon outlineA = servedPlanar(a);
        String far = null;
        for (int i = 0; i < 20 && far == null; i++) {
            String candidate = planning.takeAvailableParcel();
            if (servedPlanar(candidate).distance(outlineA) > 50) {
                far = candidate;
            }
        }
        assertThat(far).isNotNull();
        String body = "{\"parcels\": [{\"id\": \"" + a + "\", \"etag\": \"" + planning.parcel(a).eTag()
                .replace("\"", "\\\"") + "\"}, {\"id\": \"" + far + "\", \"etag\": \"" + planning.parcel(far).eTag()
                .replace("\"", "\\\"") + "\"}]}";
        assertProblem(post("/api/parcels/merge", body, null), 400, "one piece");
        assertThat(planning.parcel(a).status()).isEqualTo("available");
        assertProblem(post("/api/parcels/merge", "{\"parcels\": [{\"id\": \"" + a + "\", \"etag\": \"\\\"v1\\\"\"}]}",
                null), 400, "at least two");
    }

    @Test
    void splitMergeAndLineageArePlannersOnly() {
        String id = planning.takeAvailableParcel();
        assertThat(anonymous.postJson("/api/parcels/" + id + "/split", "{}").status()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/parcels/merge", "{}").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/parcels/" + id + "/lineage").status()).isEqualTo(401);
    }

}
