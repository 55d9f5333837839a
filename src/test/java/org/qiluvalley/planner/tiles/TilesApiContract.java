package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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

    @Test
    void everyCollectionListsItsWebMercatorTileset() {
        for (String collection : List.of("valley", "zones", "parcels", "available-sites", "constraints", "roads")) {
            JsonNode tilesets = anonymous.get("/ogc/collections/" + collection + "/tiles").json();
            JsonNode tileset = tilesets.get("tilesets").get(0);
            assertThat(tileset.get("dataType").stringValue()).isEqualTo("vector");
            assertThat(tileset.get("tileMatrixSetURI").stringValue()).isEqualTo(TilesController.MATRIX_SET_URI);
            assertThat(tileset.get("links").toString()).contains("/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");

            JsonNode metadata = anonymous.get("/ogc/collections/" + collection + "/tiles/WebMercatorQuad").json();
            JsonNode layer = metadata.get("layers").get(0);
            assertThat(layer.get("id").stringValue()).isEqualTo(collection);
            assertThat(layer.get("maxTileMatrix").stringValue()).isEqualTo("22");
            assertThat(layer.get("propertiesSchema").get("properties").has("id")).isTrue();
            assertThat(metadata.get("boundingBox").get("lowerLeft").get(0).doubleValue()).isBetween(117.1, 117.3);
            JsonNode limits = metadata.get("tileMatrixSetLimits");
            String firstZoom = collection.contains("parcels") || collection.equals("available-sites") ? "12" : "0";
            assertThat(limits.get(0).get("tileMatrix").stringValue()).isEqualTo(firstZoom);
            JsonNode z15 = limits.get(15 - Integer.parseInt(firstZoom));
            assertThat(z15.get("minTileCol").intValue()).isLessThanOrEqualTo(PARK_TILE[2]);
            assertThat(z15.get("maxTileCol").intValue()).isGreaterThanOrEqualTo(PARK_TILE[2]);
            assertThat(z15.get("minTileRow").intValue()).isLessThanOrEqualTo(PARK_TILE[1]);
            assertThat(z15.get("maxTileRow").intValue()).isGreaterThanOrEqualTo(PARK_TILE[1]);
        }
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
        assertThat(publicTile.header("Vary")).contains("Authorization");
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
