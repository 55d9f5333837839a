package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.importer.ImportReport;
import org.qiluvalley.planner.importer.ParcelImport;
import org.qiluvalley.planner.importer.ProgressDisplay;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.register.RegisterWatch;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.seed.SyntheticParcelsGenerator;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cache of public parcel tiles stays current through every kind of write: for each one, the tiles of the
 * parcels involved are read (and cached) first, the write is made, and the very next read through every instance
 * under test shows it; the bytes served are then those of a tile built afresh (the cache dropped by hand), and a
 * second read is answered by the cache (its hit count rises). On PostgreSQL a subclass adds a second instance, a
 * separate process on the same database that listens for no notification, so that only its revision check can
 * tell it of the writes made here.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TileCacheContract {

    static final String ITEMS = "/ogc/collections/parcels/items/";
    static final int ZOOM = 15;

    @LocalServerPort
    int port;

    @Autowired
    TileCache cache;

    @Autowired
    RegisterWatch watch;

    @Autowired
    ParcelStore store;

    @Autowired
    ZoningRuleBook rules;

    @Autowired
    Clock clock;

    @TempDir
    Path scratch;

    ServiceClient anonymous;
    ServiceClient planner;
    Planning planning;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient("http://localhost:" + port);
        planning = new Planning(anonymous);
        planner = planning.planner();
    }

    /** Anonymous clients of every instance under test, this one first. */
    List<ServiceClient> readers() {
        return List.of(anonymous);
    }

    // ---- what is checked after each write --------------------------------------------------------------------------

    /** The z15 tile under the centre of a parcel's CRS84 bounding box, as the planners' item gives it. */
    int[] tileOf(String id) {
        JsonNode ring = planner.get(ITEMS + id).json().at("/geometry/coordinates/0");
        double minLon = 180;
        double maxLon = -180;
        double minLat = 90;
        double maxLat = -90;
        for (JsonNode p : ring) {
            minLon = Math.min(minLon, p.get(0).doubleValue());
            maxLon = Math.max(maxLon, p.get(0).doubleValue());
            minLat = Math.min(minLat, p.get(1).doubleValue());
            maxLat = Math.max(maxLat, p.get(1).doubleValue());
        }
        return Tiles.at(ZOOM, (minLon + maxLon) / 2, (minLat + maxLat) / 2);
    }

    /** Reads the tile of both parcel collections through every instance, twice: cached from then on. */
    void cacheEverywhere(int[] tile) {
        for (String collection : List.of("parcels", "available-sites")) {
            for (ServiceClient reader : readers()) {
                ServiceClient.BinaryReply first = reader.getBytes(Tiles.path(collection, tile));
                long hits = cache.statistics()[2];
                ServiceClient.BinaryReply second = reader.getBytes(Tiles.path(collection, tile));
                assertThat(second.body()).isEqualTo(first.body());
                if (reader == anonymous) {
                    assertThat(cache.statistics()[2]).as("the second read is a cache hit").isEqualTo(hits + 1);
                }
            }
        }
    }

    /**
     * Right after a write: every instance serves the tile with the features {@code check} expects, the same
     * bytes and ETag everywhere, and the bytes of a tile built afresh.
     */
    void assertCurrentEverywhere(int[] tile, String collection, Consumer<Map<Long, Map<String, Object>>> check) {
        String path = Tiles.path(collection, tile);
        List<ServiceClient.BinaryReply> replies = new ArrayList<>();
        for (ServiceClient reader : readers()) {
            ServiceClient.BinaryReply reply = reader.getBytes(path);
            assertThat(reply.status()).as(path).isIn(200, 204);
            check.accept(reply.status() == 204 ? Map.of() : Tiles.decode(reply.body(), collection));
            replies.add(reply);
        }
        for (ServiceClient.BinaryReply reply : replies) {
            assertThat(reply.body()).as("the same tile from every instance").isEqualTo(replies.get(0).body());
            assertThat(reply.header("ETag")).isEqualTo(replies.get(0).header("ETag"));
        }
        cache.reset(watch.applied());
        ServiceClient.BinaryReply uncached = anonymous.getBytes(path);
        assertThat(uncached.body()).as("the bytes of a tile built afresh").isEqualTo(replies.get(0).body());
        assertThat(uncached.header("ETag")).isEqualTo(replies.get(0).header("ETag"));
    }

    static Consumer<Map<Long, Map<String, Object>>> has(String id, String property, Object value) {
        return features -> {
            assertThat(features).as("features of the tile").containsKey(MvtFeatureIds.of(id));
            assertThat(features.get(MvtFeatureIds.of(id))).containsEntry(property, value);
        };
    }

    static Consumer<Map<Long, Map<String, Object>>> lacks(String id) {
        return features -> assertThat(features).as("features of the tile").doesNotContainKey(MvtFeatureIds.of(id));
    }

    // ---- the writes ------------------------------------------------------------------------------------------------

    @Test
    void anUpdateShowsAtOnce() {
        String id = planning.takeAvailableParcel();
        int[] tile = tileOf(id);
        cacheEverywhere(tile);

        Planning.Feature parcel = planning.parcel(id);
        double farMax = (parcel.json().at("/properties/farMin").doubleValue()
                + parcel.json().at("/properties/farMax").doubleValue()) / 2;
        ServiceClient.Reply patched = planner.patchJson(ITEMS + id, "{\"properties\":{\"farMax\":" + farMax + "}}",
                parcel.eTag());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        assertCurrentEverywhere(tile, "parcels", has(id, "farMax", farMax));
        assertCurrentEverywhere(tile, "available-sites", has(id, "farMax", farMax));
    }

    @Test
    void aReplaceShowsAtOnce() {
        String id = planning.takeAvailableParcel();
        int[] tile = tileOf(id);
        cacheEverywhere(tile);

        Planning.Feature parcel = planning.parcel(id);
        ObjectNode body = parcel.writable();
        double heightMax = parcel.json().at("/properties/heightMaxMetres").doubleValue() - 3;
        ((ObjectNode) body.get("properties")).put("heightMaxMetres", heightMax);
        ServiceClient.Reply replaced = planner.putJson(ITEMS + id, body.toString(), parcel.eTag());
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);

        assertCurrentEverywhere(tile, "parcels", has(id, "heightMaxMetres", heightMax));
    }

    @Test
    void aWithdrawalAndACreationShowAtOnce() {
        String id = planning.takeAvailableParcel();
        int[] tile = tileOf(id);
        cacheEverywhere(tile);
        ObjectNode body = planning.parcel(id).writable();

        planning.withdraw(id);
        assertCurrentEverywhere(tile, "parcels", lacks(id));
        assertCurrentEverywhere(tile, "available-sites", lacks(id));

        cacheEverywhere(tile);
        body.put("id", id.length() <= 28 ? id + "-N" : null);
        ServiceClient.Reply created = planner.postJson("/ogc/collections/parcels/items", body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String newId = created.json().get("id").stringValue();
        assertCurrentEverywhere(tile, "parcels", has(newId, "status", "available"));
        assertCurrentEverywhere(tile, "available-sites", has(newId, "status", "available"));
    }

    @Test
    void aProposalItsRejectionAndAnApprovalShowAtOnce() {
        String id = planning.takeAvailableParcel();
        int[] tile = tileOf(id);
        cacheEverywhere(tile);

        String allocation = planning.propose(id, "Tile Cache Optics");
        assertCurrentEverywhere(tile, "parcels", has(id, "status", "unavailable"));
        assertCurrentEverywhere(tile, "available-sites", lacks(id));

        cacheEverywhere(tile);
        planning.step(allocation, "reject");
        assertCurrentEverywhere(tile, "available-sites", has(id, "status", "available"));

        cacheEverywhere(tile);
        planning.step(planning.propose(id, "Tile Cache Optics II"), "approve");
        assertCurrentEverywhere(tile, "parcels", has(id, "status", "unavailable"));
        assertCurrentEverywhere(tile, "available-sites", lacks(id));
    }

    @Test
    void aSplitAndAMergeShowAtOnce() {
        String id = planning.takeAvailableParcelOfAtLeast(12_000);
        int[] tile = tileOf(id);
        cacheEverywhere(tile);

        ServiceClient.Reply split = planner.send(planner.request("/api/parcels/" + id + "/split")
                .header("Content-Type", "application/json").header("If-Match", planning.parcel(id).eTag())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"line\": " + cutLine(id) + "}")));
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        assertCurrentEverywhere(tile, "parcels", lacks(id).andThen(has(id + "-1", "status", "available"))
                .andThen(has(id + "-2", "status", "available")));

        cacheEverywhere(tile);
        String merged = id.length() <= 28 ? id + "-M" : null;
        ServiceClient.Reply merge = planner.send(planner.request("/api/parcels/merge")
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"parcels\": [{\"id\": \"" + id + "-1\", \"etag\": \"\\\"v1\\\"\"}, {\"id\": \"" + id
                                + "-2\", \"etag\": \"\\\"v1\\\"\"}], \"id\": \"" + merged + "\"}")));
        assertThat(merge.status()).as(merge.body()).isEqualTo(201);
        assertCurrentEverywhere(tile, "available-sites", lacks(id + "-1").andThen(lacks(id + "-2"))
                .andThen(has(merged, "status", "available")));
    }

    @Test
    void aBulkImportShowsAtOnce() throws Exception {
        Path file = scratch.resolve("parcels.geojson");
        syntheticParcelsAwayFromThePark(file);
        JsonNode first = Planning.parse(Files.readString(file)).get("features").get(0);
        String id = first.get("id").stringValue();
        JsonNode ring = first.at("/geometry/coordinates/0");
        int[] tile = Tiles.at(ZOOM, ring.get(0).get(0).doubleValue(), ring.get(0).get(1).doubleValue());
        cacheEverywhere(tile);

        // In one transaction (one batch): on PostgreSQL more rows than the change log keeps one by one.
        ImportReport report = new ParcelImport(store, rules, clock).run(file, scratch.resolve("rejects.geojson"),
                ParcelImport.Settings.defaults().withBatchSize(importedParcels()), new ProgressDisplay(
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false, "import",
                        Files.size(file), System::nanoTime));
        assertThat(report.inserted()).as(report.toString()).isEqualTo(importedParcels());

        assertCurrentEverywhere(tile, "parcels", has(id, "status", "available"));
    }

    /**
     * The synthetic generator's parcels (around the park), moved 0.9° west and 0.4° south (still in EPSG:4548's
     * band), so that they overlap nothing the other tests write, all available.
     */
    void syntheticParcelsAwayFromThePark(Path file) throws Exception {
        Path generated = scratch.resolve("generated.geojson");
        SyntheticParcelsGenerator.main(new String[] {Integer.toString(importedParcels()), generated.toString()});
        ObjectNode collection = (ObjectNode) Planning.parse(Files.readString(generated));
        for (JsonNode feature : collection.get("features")) {
            ((ObjectNode) feature.get("properties")).put("status", "available");
            for (JsonNode ring : feature.at("/geometry/coordinates")) {
                for (JsonNode position : ring) {
                    tools.jackson.databind.node.ArrayNode p = (tools.jackson.databind.node.ArrayNode) position;
                    p.set(0, p.get(0).doubleValue() - 0.9);
                    p.set(1, p.get(1).doubleValue() - 0.4);
                }
            }
        }
        Files.writeString(file, collection.toString());
    }

    /** How many parcels the bulk import brings. */
    int importedParcels() {
        return 40;
    }

    /** A north-south line (CRS84 GeoJSON) through the middle of the parcel. */
    String cutLine(String id) {
        JsonNode ring = planner.get(ITEMS + id).json().at("/geometry/coordinates/0");
        double[] lons = new double[ring.size()];
        double[] lats = new double[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            lons[i] = ring.get(i).get(0).doubleValue();
            lats[i] = ring.get(i).get(1).doubleValue();
        }
        double lon = (Arrays.stream(lons).min().orElseThrow() + Arrays.stream(lons).max().orElseThrow()) / 2;
        double north = Arrays.stream(lats).max().orElseThrow() + 0.0002;
        double south = Arrays.stream(lats).min().orElseThrow() - 0.0002;
        return "{\"type\":\"LineString\",\"coordinates\":[[" + lon + "," + north + "],[" + (lon + 0.00001) + ","
                + south + "]]}";
    }
}
