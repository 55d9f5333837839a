package org.qiluvalley.planner.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.testsupport.PlanarGeoJson;
import org.qiluvalley.planner.testsupport.Race;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.testsupport.ServiceClient.Reply;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Check-then-write is atomic: racing writers over real HTTP, each test on its own parcels of the seed data. The
 * zone lock ({@code SELECT ... FOR UPDATE} on the zone row) serialises validation and write, and the version
 * compare-and-set refuses a stale ETag, so no race ends in a double allocation, an overlap, a lost update or a 5xx.
 * Each store runs the same tests: {@link ConcurrencyH2gisIT}, {@link ConcurrencyPostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConcurrencyContract {

    /** Available enterprise parcels of gis-data, each used by one test only. */
    static final String PROPOSED_PARCEL = "QOV-LI-082";
    static final String REPLACED_PARCEL = "QOV-LI-134";
    static final String PATCHED_PARCEL = "QOV-LI-087";
    /** A 158 m x 193 m block with roads on all four sides: withdrawn, its land is free for the racing creates. */
    static final String CLEARED_PARCEL = "QOV-LI-038";

    /** Overlaps up to this are drawing noise, not conflicts (rule book checks.overlapToleranceM2), m². */
    static final double OVERLAP_TOLERANCE_M2 = 0.5;

    @LocalServerPort
    int port;

    ServiceClient planner;

    @BeforeEach
    void planner() {
        planner = new ServiceClient("http://localhost:" + port).asNew("planner", "race-planner");
    }

    @Test
    void fiftyRacingProposalsForOneParcelReserveItExactlyOnce() {
        assertThat(item(PROPOSED_PARCEL).at("/properties/status").stringValue()).isEqualTo("available");

        List<Reply> replies = Race.run(50, 50, i -> planner.postJson("/api/allocations", proposal(PROPOSED_PARCEL,
                "Racing Photonics " + i)));

        Map<Integer, Long> statuses = countByStatus(replies);
        assertThat(statuses).as("answers by status: exactly one proposal wins, the others find the parcel reserved")
                .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 49L));
        Reply winner = replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
        String allocationId = winner.json().get("id").stringValue();
        assertThat(winner.header("Location")).isEqualTo("/api/allocations/" + allocationId);
        replies.stream().filter(r -> r.status() == 409).forEach(r -> assertThat(r.contentType())
                .startsWith("application/problem+json"));

        JsonNode parcel = item(PROPOSED_PARCEL);
        assertThat(parcel.at("/properties/status").stringValue()).isEqualTo("reserved");
        assertThat(parcel.at("/properties/allocationId").stringValue()).isEqualTo(allocationId);
        List<JsonNode> live = new ArrayList<>();
        planner.get("/api/allocations?parcel=" + PROPOSED_PARCEL).json().get("allocations").forEach(a -> {
            String state = a.get("state").stringValue();
            if (state.equals("proposed") || state.equals("approved")) {
                live.add(a);
            }
        });
        assertThat(live).as("live allocations of " + PROPOSED_PARCEL).hasSize(1);
        assertThat(live.get(0).get("id").stringValue()).isEqualTo(allocationId);
    }

    @Test
    void aHundredRacingCreatesOfOverlappingParcelsStoreAnOverlapFreeSet() {
        // Free the land: withdraw the block's parcel (nothing is deleted; a withdrawn parcel blocks nothing).
        Reply cleared = planner.get("/ogc/collections/parcels/items/" + CLEARED_PARCEL);
        Polygon block = (Polygon) PlanarGeoJson.readPlanar(cleared.json().get("geometry"));
        assertThat(planner.delete("/ogc/collections/parcels/items/" + CLEARED_PARCEL, cleared.header("ETag")).status())
                .isEqualTo(204);

        // 100 squares of 80 m (6,400 m², inside laser-industry's 5,000..100,000 m²) along the block's south road,
        // each 0.5 m east of the last: any two overlap by at least 80 m x 30.5 m, and each alone is valid.
        Envelope land = block.getEnvelopeInternal();
        List<Polygon> squares = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            squares.add(PlanarGeoJson.rectangle(land.getMinX() + 0.1 + 0.5 * i, land.getMinY() + 0.1, 80, 80));
        }
        assertThat(squares.get(99).getEnvelopeInternal().getMaxX()).isLessThan(land.getMaxX());
        for (Polygon alone : List.of(squares.get(0), squares.get(99))) {
            JsonNode dryRun = planner.postJson("/api/parcels/validate", parcelFeature(alone)).json();
            assertThat(dryRun.get("valid").booleanValue()).as("each square alone is a valid parcel: " + dryRun).isTrue();
        }
        Envelope area = new Envelope(land);
        area.expandBy(100);
        Set<String> before = liveParcelsIn(area).keySet();

        List<Reply> replies = Race.run(100, 100, i -> planner.postJson("/ogc/collections/parcels/items",
                parcelFeature(squares.get(i))));

        Map<Integer, Long> statuses = countByStatus(replies);
        assertThat(statuses.keySet()).as("answers by status " + statuses).containsAnyOf(201).isSubsetOf(201, 422);
        for (Reply refused : replies.stream().filter(r -> r.status() == 422).toList()) {
            List<String> rules = new ArrayList<>();
            refused.json().at("/findings/features").forEach(f -> rules.add(f.at("/properties/rule").stringValue()));
            assertThat(rules).as(refused.body()).contains("parcel.overlap");
        }
        Set<String> created = replies.stream().filter(r -> r.status() == 201).map(r -> r.json().get("id").stringValue())
                .collect(Collectors.toSet());

        Map<String, Geometry> stored = liveParcelsIn(area);
        Set<String> storedNew = new HashSet<>(stored.keySet());
        storedNew.removeAll(before);
        assertThat(storedNew).as("the stored new parcels are exactly the 201 answers").isEqualTo(created);
        List<String> overlaps = new ArrayList<>();
        List<String> ids = new ArrayList<>(stored.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                Geometry a = stored.get(ids.get(i));
                Geometry b = stored.get(ids.get(j));
                if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
                    double overlap = a.intersection(b).getArea();
                    if (overlap > OVERLAP_TOLERANCE_M2) {
                        overlaps.add(ids.get(i) + " x " + ids.get(j) + ": " + String.format(Locale.ROOT, "%.1f m²",
                                overlap));
                    }
                }
            }
        }
        assertThat(overlaps).as("overlaps among the stored parcels around the block").isEmpty();
    }

    @Test
    void aThousandRacingPutsWithOneEtagChangeTheParcelOnce() {
        Reply current = planner.get("/ogc/collections/parcels/items/" + REPLACED_PARCEL);
        String etag = current.header("ETag");
        long initialVersion = current.json().at("/properties/version").longValue();
        String body = replacement(current.json(), 42);

        List<Reply> replies = Race.run(1000, 16, i -> planner.putJson("/ogc/collections/parcels/items/"
                + REPLACED_PARCEL, body, etag));

        Map<Integer, Long> statuses = countByStatus(replies);
        assertThat(statuses).as("answers by status: one PUT wins, the rest carry a stale ETag")
                .containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 412, 999L));
        JsonNode after = item(REPLACED_PARCEL);
        assertThat(after.at("/properties/version").longValue()).isEqualTo(initialVersion + statuses.get(200));
        assertThat(after.at("/properties/heightMaxMetres").doubleValue()).isEqualTo(42.0);
        long updates = countHistory(REPLACED_PARCEL, "update");
        assertThat(updates).as("one audit event per successful write").isEqualTo(1);
    }

    @Test
    void twentyPatchesEachWithTheLatestEtagAllSucceed() {
        Reply current = planner.get("/ogc/collections/parcels/items/" + PATCHED_PARCEL);
        long initialVersion = current.json().at("/properties/version").longValue();
        String etag = current.header("ETag");
        for (int round = 1; round <= 20; round++) {
            Reply patched = planner.patchJson("/ogc/collections/parcels/items/" + PATCHED_PARCEL,
                    "{\"properties\":{\"heightMaxMetres\":" + (20 + round) + "}}", etag);
            assertThat(patched.status()).as("round " + round + ": " + patched.body()).isEqualTo(200);
            assertThat(patched.header("ETag")).isEqualTo("\"v" + (initialVersion + round) + "\"");
            etag = patched.header("ETag");
        }
        JsonNode after = item(PATCHED_PARCEL);
        assertThat(after.at("/properties/version").longValue()).isEqualTo(initialVersion + 20);
        assertThat(after.at("/properties/heightMaxMetres").doubleValue()).isEqualTo(40.0);
    }

    private JsonNode item(String id) {
        Reply reply = planner.get("/ogc/collections/parcels/items/" + id);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private long countHistory(String featureId, String action) {
        List<JsonNode> events = new ArrayList<>();
        planner.get("/api/history?feature=" + featureId).json().get("events").forEach(events::add);
        return events.stream().filter(e -> e.get("action").stringValue().equals(action)).count();
    }

    /** The parcels around {@code planar} (EPSG:4548) that are not withdrawn, as a planner sees them, by id. */
    private Map<String, Geometry> liveParcelsIn(Envelope planar) {
        Envelope crs84 = CrsTransform.toCrs84(CrsTransform.PLANAR.toGeometry(planar)).getEnvelopeInternal();
        Reply page = planner.get(String.format(Locale.ROOT, "/ogc/collections/parcels/items?bbox=%.8f,%.8f,%.8f,%.8f"
                + "&limit=1000", crs84.getMinX(), crs84.getMinY(), crs84.getMaxX(), crs84.getMaxY()));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("numberMatched").intValue()).isLessThan(1000);
        Map<String, Geometry> parcels = new TreeMap<>();
        page.json().get("features").forEach(f -> {
            if (!f.at("/properties/status").stringValue().equals("withdrawn")) {
                parcels.put(f.get("id").stringValue(), PlanarGeoJson.readPlanar(f.get("geometry")));
            }
        });
        return parcels;
    }

    static Map<Integer, Long> countByStatus(List<Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(Reply::status, TreeMap::new, Collectors.counting()));
    }

    /** A proposal that meets every rule for an enterprise parcel of laser-industry (pledges above the minimums). */
    static String proposal(String parcelId, String allottee) {
        return "{\"parcelId\":\"" + parcelId + "\",\"allottee\":{\"name\":\"" + allottee + "\",\"type\":\"enterprise\"},"
                + "\"intendedUse\":\"fibre laser modules\",\"indicators\":{\"far\":1.5,\"coverage\":0.5,"
                + "\"greenRatio\":0.15,\"heightMetres\":30},\"pledges\":{\"investmentWanYuanPerMu\":350,"
                + "\"taxWanYuanPerMu\":30},\"termYears\":30}";
    }

    /** A new enterprise parcel of laser-industry; planning conditions default to the zone's limits. */
    static String parcelFeature(Polygon planar) {
        return "{\"type\":\"Feature\",\"geometry\":" + PlanarGeoJson.polygonCrs84(planar)
                + ",\"properties\":{\"zone\":\"laser-industry\",\"landUse\":\"100101\"}}";
    }

    /** The feature as fetched, with a new height limit: a whole-feature replacement for PUT. */
    static String replacement(JsonNode feature, double heightMaxMetres) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) feature.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) copy.get("properties")).put("heightMaxMetres", heightMaxMetres);
        return copy.toString();
    }
}
