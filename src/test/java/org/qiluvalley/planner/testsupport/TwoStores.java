package org.qiluvalley.planner.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.config.ValleyProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started twice in one test, once on a fresh embedded store and once on a fresh PostGIS database, for
 * tests that compare the two stores' answers. {@link #close} stops both and drops the database.
 */
public final class TwoStores implements AutoCloseable {

    private ConfigurableApplicationContext embedded;
    private ConfigurableApplicationContext postgis;
    private ValleyProperties.Db db;

    /** Starts both (skips, or fails when PostGIS is required, when no PostGIS server answers). */
    public static TwoStores start(String tempPrefix) {
        TwoStores stores = new TwoStores();
        try {
            stores.db = PostgisTestDatabase.create();
            stores.embedded = new SpringApplicationBuilder(PlannerApplication.class).run("--server.port=0",
                    "--valley.data-dir=" + Files.createTempDirectory(tempPrefix));
            stores.postgis = new SpringApplicationBuilder(PlannerApplication.class).run("--server.port=0",
                    "--valley.db.url=" + stores.db.url(), "--valley.db.user=" + stores.db.user(),
                    "--valley.db.password=" + stores.db.password());
            return stores;
        } catch (IOException e) {
            stores.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
    }

    public ServiceClient embedded() {
        return client(embedded);
    }

    public ServiceClient postgis() {
        return client(postgis);
    }

    @Override
    public void close() {
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

    private static ServiceClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new ServiceClient("http://localhost:" + port);
    }
}
