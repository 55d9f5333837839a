package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.testsupport.TwoStores;

/**
 * The two stores answer identically: the service started on a fresh PostGIS database serves the same bytes as the
 * service on the embedded default, to the public and to a planner, apart from the times of the run and the host in
 * links.
 */
@RequiresPostgis
class StoreParityIT {

    /** A parcel the seed data reserves: the public sees it redacted. */
    private static final String RESERVED_SEED_PARCEL = org.qiluvalley.planner.testsupport.ParkData.dataset().parcels()
            .stream().filter(p -> p.status() == org.qiluvalley.planner.parcel.ParcelStatus.RESERVED).findFirst()
            .orElseThrow().id();

    private static TwoStores stores;

    @BeforeAll
    static void startBoth() {
        stores = TwoStores.start("valley-parity");
    }

    @AfterAll
    static void stopBoth() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void everyReadResourceIsByteForByteTheSameOnBothStores() {
        ServiceClient h2 = stores.embedded();
        ServiceClient pg = stores.postgis();
        List<String> paths = List.of("/ogc", "/ogc/conformance", "/ogc/api", "/ogc/collections",
                "/ogc/collections/parcels", "/ogc/collections/parcels/items?limit=1000",
                "/ogc/collections/parcels/items?limit=7&offset=30",
                "/ogc/collections/parcels/items?bbox=117.205,36.742,117.215,36.750",
                "/ogc/collections/parcels/items?status=unavailable&limit=1000",
                "/ogc/collections/parcels/items?status=reserved", "/ogc/collections/parcels/items?landUse=0802",
                "/ogc/collections/available-sites/items?limit=1000",
                "/ogc/collections/zones/items", "/ogc/collections/constraints/items", "/ogc/collections/roads/items",
                "/ogc/collections/road-reserves/items", "/ogc/collections/valley/items",
                "/ogc/collections/places/items", "/ogc/collections/places/items/jinan-east-station",
                "/ogc/collections/places/items?crs=http://www.opengis.net/def/crs/EPSG/0/4548",
                "/ogc/collections/parcels/items/QOV-LI-014",
                "/ogc/collections/parcels/items?crs=http://www.opengis.net/def/crs/EPSG/0/4548&limit=50",
                "/ogc/collections/parcels/items?bbox=4067899,518309,4068788,519200"
                        + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4548",
                "/ogc/collections/parcels/items?bbox=177,36,-177,37",
                "/ogc/collections/parcels/items/" + RESERVED_SEED_PARCEL,
                "/ogc/collections/parcels/items?bbox=a,b,c,d", "/ogc/collections/nope", "/api/me", "/api/audit");
        assertSameOnBoth(h2, pg, paths);
    }

    @Test
    void aPlannersReadsAreTheSameOnBothStoresToo() {
        ServiceClient h2 = stores.embedded().asAdmin();
        ServiceClient pg = stores.postgis().asAdmin();
        List<String> paths = List.of("/ogc/collections/parcels/items?limit=1000",
                "/ogc/collections/parcels/items?status=reserved&limit=1000",
                "/ogc/collections/parcels/items?status=withdrawn", "/ogc/collections/parcels/items?landUse=0802",
                "/ogc/collections/available-sites/items?limit=1000", "/ogc/collections/parcels/items/QOV-LI-014",
                "/ogc/collections/parcels/items/" + RESERVED_SEED_PARCEL, "/api/me", "/api/audit", "/api/audit.csv",
                "/api/allocations", "/api/allocations?state=proposed", "/api/allocations/AL-none",
                "/api/history?feature=QOV-LI-014", "/api/history", "/ogc/collections/parcels/items?status=nonsense");
        assertSameOnBoth(h2, pg, paths);
    }

    private static void assertSameOnBoth(ServiceClient h2, ServiceClient pg, List<String> paths) {
        for (String path : paths) {
            ServiceClient.Reply a = h2.get(path);
            ServiceClient.Reply b = pg.get(path);
            assertThat(b.status()).as(path).isEqualTo(a.status());
            assertThat(b.contentType()).as(path).isEqualTo(a.contentType());
            assertThat(normalise(b.body(), pg)).as(path).isEqualTo(normalise(a.body(), h2));
        }
    }

    /** Without the host in links and the times of this run (the seed's load time, the audit's). */
    private static String normalise(String body, ServiceClient client) {
        return body.replace(client.base(), "BASE")
                .replaceAll("\"(timeStamp|updatedAt|generatedAt)\":\"[^\"]*\"", "\"$1\":\"T\"");
    }
}
