package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two stores answer identically: the service started on a fresh PostGIS database serves the same bytes as the
 * service on the embedded default, apart from {@code timeStamp} and the host in links.
 */
class StoreParityIT {

    private static ConfigurableApplicationContext embedded;
    private static ConfigurableApplicationContext postgis;
    private static ValleyProperties.Db db;

    @BeforeAll
    static void startBoth() throws Exception {
        db = PostgisTestDatabase.create();
        embedded = new SpringApplicationBuilder(PlannerApplication.class).run("--server.port=0",
                "--valley.data-dir=" + Files.createTempDirectory("valley-parity"));
        postgis = new SpringApplicationBuilder(PlannerApplication.class).run("--server.port=0",
                "--valley.db.url=" + db.url(), "--valley.db.user=" + db.user(), "--valley.db.password=" + db.password());
    }

    @AfterAll
    static void stopBoth() {
        if (embedded != null) {
            embedded.close();
        }
        if (postgis != null) {
            postgis.close();
        }
        if (db != null) {
            PostgisTestDatabase.drop(db);
        }
    }

    @Test
    void everyReadResourceIsByteForByteTheSameOnBothStores() {
        ServiceClient h2 = client(embedded);
        ServiceClient pg = client(postgis);
        List<String> paths = List.of("/ogc", "/ogc/conformance", "/ogc/api", "/ogc/collections",
                "/ogc/collections/parcels", "/ogc/collections/parcels/items?limit=1000",
                "/ogc/collections/parcels/items?limit=7&offset=30",
                "/ogc/collections/parcels/items?bbox=117.205,36.742,117.215,36.750",
                "/ogc/collections/parcels/items?status=reserved", "/ogc/collections/available-sites/items?limit=1000",
                "/ogc/collections/zones/items", "/ogc/collections/constraints/items", "/ogc/collections/roads/items",
                "/ogc/collections/valley/items", "/ogc/collections/parcels/items/QOV-LI-014",
                "/ogc/collections/parcels/items?bbox=a,b,c,d", "/ogc/collections/nope");
        for (String path : paths) {
            ServiceClient.Reply a = h2.get(path);
            ServiceClient.Reply b = pg.get(path);
            assertThat(b.status()).as(path).isEqualTo(a.status());
            assertThat(b.contentType()).as(path).isEqualTo(a.contentType());
            assertThat(normalise(b.body(), pg)).as(path).isEqualTo(normalise(a.body(), h2));
        }
    }

    private static String normalise(String body, ServiceClient client) {
        return body.replace(client.base(), "BASE").replaceAll("\"timeStamp\":\"[^\"]*\"", "\"timeStamp\":\"T\"");
    }

    private static ServiceClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new ServiceClient("http://localhost:" + port);
    }
}
