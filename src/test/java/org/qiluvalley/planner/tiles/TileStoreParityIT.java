package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.testsupport.TwoStores;

/**
 * PostGIS's {@code ST_AsMVT} tiles and the embedded store's Java-encoded tiles hold the same features, with the
 * same numeric ids and the same properties, for every collection, for the public and for planners, on every z15
 * tile over the park and a few at other zooms. (Geometry is snapped to the tile grid by two different encoders and
 * is compared by the feature sets only.)
 */
@RequiresPostgis
class TileStoreParityIT {

    private static TwoStores stores;

    @BeforeAll
    static void startBoth() {
        stores = TwoStores.start("valley-tile-parity");
    }

    @AfterAll
    static void stopBoth() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void bothStoresServeTheSameFeaturesAndPropertiesInEveryTile() {
        ServiceClient h2 = stores.embedded();
        ServiceClient pg = stores.postgis();
        // A live allocation on both, so the planners' allocation fields are compared too.
        String proposal = "{\"parcelId\":\"QOV-LI-001\",\"allottee\":{\"name\":\"Tile Parity Laser Co\",\"type\":"
                + "\"enterprise\"},\"intendedUse\":\"fibre lasers\",\"pledges\":{\"investmentWanYuanPerMu\":400,"
                + "\"taxWanYuanPerMu\":40},\"termYears\":30}";
        assertThat(h2.asAdmin().postJson("/api/allocations", proposal).status()).isEqualTo(201);
        assertThat(pg.asAdmin().postJson("/api/allocations", proposal).status()).isEqualTo(201);

        List<int[]> tiles = new ArrayList<>();
        int[] low = Tiles.at(15, 117.195, 36.760);
        int[] high = Tiles.at(15, 117.240, 36.735);
        for (int row = low[1]; row <= high[1]; row++) {
            for (int column = low[2]; column <= high[2]; column++) {
                tiles.add(new int[] {15, row, column});
            }
        }
        tiles.add(Tiles.at(12, 117.215, 36.748));
        tiles.add(Tiles.at(13, 117.215, 36.748));
        tiles.add(Tiles.at(17, 117.2045, 36.7564));
        int compared = 0;
        for (String collection : List.of("parcels", "available-sites", "zones", "roads", "road-reserves",
                "constraints", "valley", "places")) {
            for (int[] tile : tiles) {
                for (boolean asPlanner : new boolean[] {false, true}) {
                    ServiceClient a = asPlanner ? h2.asAdmin() : h2;
                    ServiceClient b = asPlanner ? pg.asAdmin() : pg;
                    String path = Tiles.path(collection, tile);
                    ServiceClient.BinaryReply fromH2 = a.getBytes(path);
                    ServiceClient.BinaryReply fromPg = b.getBytes(path);
                    assertThat(fromPg.status()).as(path).isEqualTo(fromH2.status());
                    if (fromH2.status() != 200) {
                        continue;
                    }
                    Map<Long, Map<String, Object>> h2Features = Tiles.decode(fromH2.body(), collection);
                    Map<Long, Map<String, Object>> pgFeatures = Tiles.decode(fromPg.body(), collection);
                    assertThat(pgFeatures.keySet()).as(path + " planner=" + asPlanner).isEqualTo(h2Features.keySet());
                    for (Long id : h2Features.keySet()) {
                        assertSameProperties(path + " " + id, h2Features.get(id), pgFeatures.get(id));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).as("features compared").isGreaterThan(400);
    }

    /** Same keys and values; numbers as numbers (encoders pick different integer encodings), areas to the cent. */
    private static void assertSameProperties(String where, Map<String, Object> h2, Map<String, Object> pg) {
        assertThat(pg.keySet()).as(where).isEqualTo(h2.keySet());
        for (String key : h2.keySet()) {
            Object a = h2.get(key);
            Object b = pg.get(key);
            if (key.equals("allocationId")) {
                assertThat(b).as(where + " " + key).isInstanceOf(String.class);
            } else if (a instanceof Number x && b instanceof Number y) {
                double tolerance = key.equals("areaM2") ? 0.011 : 1e-9;
                assertThat(y.doubleValue()).as(where + " " + key).isCloseTo(x.doubleValue(),
                        org.assertj.core.data.Offset.offset(tolerance));
            } else {
                assertThat(b).as(where + " " + key).isEqualTo(a);
            }
        }
    }
}
