package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Vector tiles over HTTP on the real application: the tileset resources, the tiles' content for the public and for
 * planners, empty tiles, caching headers and the errors. Each store runs the same tests ({@link TilesApiH2gisIT},
 * {@link TilesApiPostgisIT}); {@link TileStoreParityIT} compares the two stores' tiles.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TilesApiContract {

    /** A z15 tile over the middle of the park (117.215 E, 36.748 N). */
    static final int[] PARK_TILE = Tiles.at(15, 117.215, 36.748);

    @LocalServerPort
    int port;

    ServiceClient anonymous;
    ServiceClient planner;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient("http://localhost:" + port);
        planner = anonymous.asAdmin();
    }

    /** Every collection the service lists, read from it (the registry grows; the tiles follow it). */
    private List<String> collectionIds() {
        List<String> ids = new ArrayList<>();
        anonymous.get("/ogc/collections").json().get("collections").forEach(c -> ids.add(c.get("id").stringValue()));
        assertThat(ids).contains("parcels", "zones");
        return ids;
    }

    @Test
    void everyCollectionListsItsWebMercatorTileset() {
        for (String collection : collectionIds()) {
            JsonNode tilesets = anonymous.get("/ogc/collections/" + collection + "/tiles").json();
            JsonNode tileset = tilesets.get("tilesets").get(0);
            assertThat(tileset.get("dataType").stringValue()).isEqualTo("vector");
            assertThat(tileset.get("tileMatrixSetURI").stringValue()).isEqualTo(TilesController.MATRIX_SET_URI);
            assertThat(tileset.get("links").toString())
                    .contains("/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}.mvt")
                    .contains(TileLinks.REL_TILING_SCHEME);

            JsonNode metadata = anonymous.get("/ogc/collections/" + collection + "/tiles/WebMercatorQuad").json();
            JsonNode layer = metadata.get("layers").get(0);
            assertThat(layer.get("id").stringValue()).isEqualTo(collection);
            assertThat(layer.get("maxTileMatrix").stringValue()).isEqualTo("22");
            assertThat(layer.get("propertiesSchema").get("properties").has("id")).as(collection).isTrue();
            if (layer.has("geometryType")) {
                assertThat(layer.get("geometryType").stringValue()).as(collection).isIn("points", "lines",
                        "polygons", "multipolygons");
            }
            assertThat(metadata.get("boundingBox").get("lowerLeft").get(0).doubleValue()).isBetween(117.1, 117.3);
            JsonNode limits = metadata.get("tileMatrixSetLimits");
            String firstZoom = layer.get("minTileMatrix").stringValue();
            assertThat(limits.get(0).get("tileMatrix").stringValue()).isEqualTo(firstZoom);
            JsonNode z15 = limits.get(15 - Integer.parseInt(firstZoom));
            assertThat(z15.get("minTileCol").intValue()).isLessThanOrEqualTo(PARK_TILE[2]);
            assertThat(z15.get("maxTileCol").intValue()).isGreaterThanOrEqualTo(PARK_TILE[2]);
            assertThat(z15.get("minTileRow").intValue()).isLessThanOrEqualTo(PARK_TILE[1]);
            assertThat(z15.get("maxTileRow").intValue()).isGreaterThanOrEqualTo(PARK_TILE[1]);
        }
        assertThat(anonymous.get("/ogc/collections/parcels/tiles/WebMercatorQuad").json().at("/layers/0/minTileMatrix")
                .stringValue()).isEqualTo("12");
        assertThat(anonymous.get("/ogc/collections/parcels/tiles/WebMercatorQuad").json().at("/layers/0/geometryType")
                .stringValue()).isEqualTo("polygons");
        assertThat(anonymous.get("/ogc/collections/zones/tiles/WebMercatorQuad").json().at("/layers/0/geometryType")
                .stringValue()).isEqualTo("multipolygons");
    }

    /**
     * A client finds the tiles only by links (OGC API Tiles): the landing page to the tile matrix sets, each collection
     * to its vector tilesets, and the conformance declaration and the API definition name them.
     */
    @Test
    void theTilesAreDiscoverableFromTheLandingPageTheCollectionsTheConformanceAndTheApiDefinition() {
        JsonNode landing = anonymous.get("/ogc").json();
        assertThat(hrefs(landing, TileLinks.REL_TILING_SCHEMES)).containsExactly(anonymous.base() + "/ogc/tileMatrixSets");
        for (String collection : collectionIds()) {
            JsonNode description = anonymous.get("/ogc/collections/" + collection).json();
            List<String> tilesets = hrefs(description, TileLinks.REL_TILESETS_VECTOR);
            assertThat(tilesets).as(collection)
                    .containsExactly(anonymous.base() + "/ogc/collections/" + collection + "/tiles");
            assertThat(anonymous.getAbsolute(tilesets.get(0)).status()).isEqualTo(200);
        }
        List<String> classes = new ArrayList<>();
        anonymous.get("/ogc/conformance").json().get("conformsTo").forEach(c -> classes.add(c.stringValue()));
        assertThat(classes).containsAll(TileLinks.CONFORMANCE).doesNotHaveDuplicates();
        JsonNode paths = anonymous.get("/ogc/api").json().get("paths");
        assertThat(paths.has("/tileMatrixSets/{tileMatrixSetId}")).isTrue();
        assertThat(paths.has("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}.mvt"))
                .isTrue();
        assertThat(paths.has("/collections/parcels/items")).as("the features' paths are still there").isTrue();
    }

    private static List<String> hrefs(JsonNode document, String rel) {
        List<String> hrefs = new ArrayList<>();
        document.get("links").forEach(link -> {
            if (link.get("rel").stringValue().equals(rel)) {
                hrefs.add(link.get("href").stringValue());
            }
        });
        return hrefs;
    }

    @Test
    void theTileMatrixSetIsServedWhereTheTilesetsPointTo() {
        String scheme = null;
        for (JsonNode link : anonymous.get("/ogc/collections/zones/tiles/WebMercatorQuad").json().get("links")) {
            if (link.get("rel").stringValue().equals(TileLinks.REL_TILING_SCHEME)) {
                scheme = link.get("href").stringValue();
            }
        }
        assertThat(scheme).isEqualTo(anonymous.base() + "/ogc/tileMatrixSets/WebMercatorQuad");
        JsonNode tms = anonymous.get("/ogc/tileMatrixSets/WebMercatorQuad").json();
        assertThat(tms.get("tileMatrices")).hasSize(TilesController.MAX_ZOOM + 1);
        assertThat(tms.at("/tileMatrices/0/scaleDenominator").doubleValue()).isEqualTo(559082264.0287178);
        assertThat(anonymous.get("/ogc/tileMatrixSets").json().at("/tileMatrixSets/0/id").stringValue())
                .isEqualTo("WebMercatorQuad");
        ServiceClient.Reply unknown = anonymous.get("/ogc/tileMatrixSets/WorldCRS84Quad");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.get("/ogc/tileMatrixSets?f=html").status()).isEqualTo(400);
    }

    /**
     * The tile at the address the tileset's template names ({@code .mvt}) and with {@code f=mvt}: the same bytes and
     * headers as at the plain address, for the public and for planners, and its ETag revalidates at either address.
     */
    @Test
    void theTileWithTheExtensionOrFMvtIsTheSameTile() {
        for (ServiceClient client : List.of(anonymous, planner)) {
            for (String collection : collectionIds()) {
                String plain = Tiles.path(collection, PARK_TILE);
                ServiceClient.BinaryReply expected = client.getBytes(plain);
                assertThat(expected.status()).as(plain).isIn(200, 204);
                for (String other : List.of(plain + ".mvt", plain + "?f=mvt", plain + ".mvt?f=mvt")) {
                    ServiceClient.BinaryReply reply = client.getBytes(other);
                    assertThat(reply.status()).as(other).isEqualTo(expected.status());
                    assertThat(reply.body()).as(other).isEqualTo(expected.body());
                    assertThat(comparableHeaders(reply)).as(other).isEqualTo(comparableHeaders(expected));
                }
                if (expected.status() == 200) {
                    ServiceClient.BinaryReply revalidated = client.getBytes(plain + ".mvt", "If-None-Match",
                            expected.header("ETag"));
                    assertThat(revalidated.status()).as(plain).isEqualTo(304);
                }
            }
        }
        assertThat(anonymous.getBytes(Tiles.path("parcels", PARK_TILE) + ".mvt").status()).isEqualTo(200);
        String empty = Tiles.path("parcels", Tiles.at(15, 0.5, 0.5));
        assertThat(anonymous.getBytes(empty + ".mvt").status()).isEqualTo(204);
        assertThat(anonymous.getBytes(Tiles.path("parcels", PARK_TILE) + "?f=png").status()).isEqualTo(400);
        assertThat(anonymous.getBytes(Tiles.path("parcels", PARK_TILE) + ".png").status()).isEqualTo(400);
    }

    @Autowired
    MeterRegistry meters;

    /**
     * The anonymous fast path answers the {@code .mvt} address (and refusals there) exactly as the full chain does:
     * a session cookie the service does not know sends the same request through the full chain as an anonymous one.
     */
    @Test
    void theFastPathServesTheExtensionAsTheFullChainDoes() {
        String tile = Tiles.path("parcels", PARK_TILE) + ".mvt";
        String etag = anonymous.getBytes(tile).header("ETag");
        List<String[]> requests = List.of(new String[] {tile}, new String[] {tile, "If-None-Match", etag},
                new String[] {tile + "?f=mvt"}, new String[] {Tiles.path("parcels", Tiles.at(15, 0.5, 0.5)) + ".mvt"},
                new String[] {Tiles.path("roads", Tiles.at(17, 117.215, 36.748)) + ".mvt"},
                // Refused by the controller, so answered by the full chain either way.
                new String[] {tile + "?f=png"}, new String[] {"/ogc/collections/parcels/tiles/WebMercatorQuad/99/0/0.mvt"});
        List<String> servedFast = new ArrayList<>();
        for (String[] request : requests) {
            String[] extra = Arrays.copyOfRange(request, 1, request.length);
            double before = servedFast();
            ServiceClient.BinaryReply fast = anonymous.getBytes(request[0], extra);
            if (servedFast() > before) {
                servedFast.add(request[0]);
            }
            String[] withCookie = Arrays.copyOf(extra, extra.length + 2);
            withCookie[extra.length] = "Cookie";
            withCookie[extra.length + 1] = "SESSION=" + "0".repeat(36);
            ServiceClient.BinaryReply full = anonymous.getBytes(request[0], withCookie);
            assertThat(fast.status()).as(request[0]).isEqualTo(full.status());
            assertThat(comparableHeaders(fast)).as(request[0]).isEqualTo(comparableHeaders(full));
            assertThat(fast.body()).as(request[0]).isEqualTo(full.body());
        }
        assertThat(servedFast).containsExactlyElementsOf(requests.subList(0, 5).stream().map(r -> r[0]).toList());
    }

    private double servedFast() {
        return meters.find("valley.map.reads").timers().stream().mapToDouble(t -> t.count()).sum();
    }

    /** The headers but Date (a clock) and Keep-Alive/Connection (the connection), names lower-cased. */
    private static Map<String, List<String>> comparableHeaders(ServiceClient.BinaryReply reply) {
        Map<String, List<String>> headers = new TreeMap<>();
        reply.headers().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!Set.of("date", "keep-alive", "connection", ":status").contains(key)) {
                headers.put(key, values);
            }
        });
        return headers;
    }

    @Test
    void aParkTileCarriesTheParcelsWithIdsAndTheirPublicProperties() {
        ServiceClient.BinaryReply reply = anonymous.getBytes(Tiles.path("parcels", PARK_TILE));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo(TilesController.MVT);
        Map<Long, Map<String, Object>> features = Tiles.decode(reply.body(), "parcels");
        assertThat(features).hasSizeGreaterThan(5);
        for (Map.Entry<Long, Map<String, Object>> feature : features.entrySet()) {
            Map<String, Object> properties = feature.getValue();
            String id = (String) properties.get("id");
            assertThat(feature.getKey()).as(id).isEqualTo(MvtFeatureIds.of(id));
            JsonNode item = anonymous.get("/ogc/collections/parcels/items/" + id).json().get("properties");
            assertThat(properties.get("status")).as(id).isEqualTo(item.get("status").stringValue());
            if ("available".equals(properties.get("status"))) {
                assertThat(properties.get("landUse")).isEqualTo(item.get("landUse").stringValue());
                assertThat(((Number) properties.get("farMax")).doubleValue()).isEqualTo(item.get("farMax").doubleValue());
            } else {
                assertThat(properties.get("status")).isEqualTo("unavailable");
                assertThat(properties).as(id).containsOnlyKeys("id", "zone", "status", "areaM2");
            }
            assertThat(properties).doesNotContainKeys("version", "allottee", "allocationId", "updatedAt");
        }
        assertThat(features.values()).anyMatch(p -> "unavailable".equals(p.get("status")));
    }

    @Test
    void plannersGetThePlannersPropertiesAndPrivateCaching() {
        ServiceClient.BinaryReply publicTile = anonymous.getBytes(Tiles.path("parcels", PARK_TILE));
        ServiceClient.BinaryReply plannerTile = planner.getBytes(Tiles.path("parcels", PARK_TILE));
        assertThat(plannerTile.status()).isEqualTo(200);
        Map<Long, Map<String, Object>> features = Tiles.decode(plannerTile.body(), "parcels");
        assertThat(features.values()).allMatch(p -> p.containsKey("version") && p.containsKey("landUse"));
        assertThat(features.values()).anyMatch(p -> "reserved".equals(p.get("status")) || "allocated".equals(p.get("status")));
        assertThat(plannerTile.header("ETag")).isNotEqualTo(publicTile.header("ETag"));
        assertThat(plannerTile.header("Cache-Control")).contains("private").contains("no-cache");
        assertThat(publicTile.header("Cache-Control")).contains("public").contains("max-age=60");
        // Every Vary line: a cache keys a public tile on who asks (and, as every /ogc answer, on Accept).
        assertThat(String.join(", ", publicTile.headers().getOrDefault("vary", List.of()))).contains("Authorization")
                .contains("Accept");
    }

    @Test
    void availableSitesTilesHoldOnlyAvailableParcels() {
        Map<Long, Map<String, Object>> features = Tiles.decode(
                anonymous.getBytes(Tiles.path("available-sites", PARK_TILE)).body(), "available-sites");
        assertThat(features).isNotEmpty();
        assertThat(features.values()).allMatch(p -> "available".equals(p.get("status")));
    }

    @Test
    void aTileWithNothingInItIsA204() {
        ServiceClient.BinaryReply reply = anonymous.getBytes(Tiles.path("parcels", Tiles.at(15, 0.5, 0.5)));
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void aStrongEtagAnswers304WhenTheClientHasTheTile() {
        ServiceClient.BinaryReply first = anonymous.getBytes(Tiles.path("zones", Tiles.at(13, 117.215, 36.748)));
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        ServiceClient.BinaryReply again = anonymous.getBytes(Tiles.path("zones", Tiles.at(13, 117.215, 36.748)),
                "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        ServiceClient.BinaryReply other = anonymous.getBytes(Tiles.path("zones", Tiles.at(13, 117.215, 36.748)),
                "If-None-Match", "\"0000\"");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(first.body());
    }

    @Test
    void aWithdrawnParcelLeavesTheTiles() {
        Map<Long, Map<String, Object>> before = Tiles.decode(anonymous.getBytes(Tiles.path("parcels", PARK_TILE)).body(),
                "parcels");
        String id = before.values().stream().filter(p -> "available".equals(p.get("status")))
                .map(p -> (String) p.get("id")).sorted().reduce((a, b) -> b).orElseThrow();
        String etag = planner.get("/ogc/collections/parcels/items/" + id).header("ETag");
        assertThat(planner.delete("/ogc/collections/parcels/items/" + id, etag).status()).isEqualTo(204);

        Map<Long, Map<String, Object>> after = Tiles.decode(anonymous.getBytes(Tiles.path("parcels", PARK_TILE)).body(),
                "parcels");
        assertThat(after).doesNotContainKey(MvtFeatureIds.of(id)).hasSize(before.size() - 1);
        assertThat(Tiles.decode(planner.getBytes(Tiles.path("parcels", PARK_TILE)).body(), "parcels"))
                .doesNotContainKey(MvtFeatureIds.of(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/collections/parcels/tiles/WebMercatorQuad/abc/1/1",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15/-1/3",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15/1/1.5",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15/1/1?foo=bar",
            "/ogc/collections/zones/tiles?limit=1"})
    void malformedTileRequestsAre400(String path) {
        ServiceClient.Reply reply = anonymous.get(path);
        assertThat(reply.status()).as(path).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/collections/parcels/tiles/WebMercatorQuad/23/0/0",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/11/798/1690",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15/32768/1",
            "/ogc/collections/zones/tiles/WebMercatorQuad/2/0/4",
            "/ogc/collections/zones/tiles/WorldCRS84Quad/2/0/0",
            "/ogc/collections/nope/tiles/WebMercatorQuad/2/0/0"})
    void tilesOutsideTheMatrixAre404(String path) {
        ServiceClient.Reply reply = anonymous.get(path);
        assertThat(reply.status()).as(path).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
