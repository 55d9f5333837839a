package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.parcel.ParcelChange;
import org.qiluvalley.planner.register.RegisterListener;
import org.qiluvalley.planner.register.RegisterWatch;
import org.qiluvalley.planner.store.JdbcRegisterChangeLog;
import org.qiluvalley.planner.store.postgis.RegisterNotifications;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.testsupport.ServiceProcess;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The tile cache through every kind of write on PostgreSQL + PostGIS, read through this instance and through a
 * second one: the packaged jar in its own process on the same database, with notifications off
 * ({@code valley.register.notifications=false}), so that it learns of the writes made here only by reading the
 * revision row before each cached answer. Plus what only PostgreSQL has: writes by SQL by hand, a bulk import
 * wider than the change log's per-transaction rows, and NOTIFY reaching a listening instance with no request.
 */
@RequiresPostgis
class TileCachePostgisIT extends TileCacheContract {

    static ServiceProcess other;

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(TileCachePostgisIT.class, registry);
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.close();
            other = null;
        }
    }

    static ValleyProperties.Db database() {
        return PostgisTestDatabase.registered(TileCachePostgisIT.class);
    }

    /** The second instance, started on first use (this class's context has migrated and seeded the database). */
    static synchronized ServiceClient otherInstance() throws Exception {
        if (other == null) {
            ValleyProperties.Db db = database();
            Path workDir = Files.createTempDirectory("valley-tile-cache-other");
            other = ServiceProcess.start(workDir, "other.log", Map.of("VALLEY_DB_URL", db.url(), "VALLEY_DB_USER",
                    db.user(), "VALLEY_DB_PASSWORD", db.password(), "VALLEY_REGISTER_NOTIFICATIONS", "false"))
                    .awaitUp();
        }
        return other.client();
    }

    @Override
    List<ServiceClient> readers() {
        try {
            return List.of(anonymous, otherInstance());
        } catch (Exception e) {
            throw new IllegalStateException("the second instance did not start", e);
        }
    }

    /** More than the 1,000 rows a transaction logs one by one: every reader drops all and starts again. */
    @Override
    int importedParcels() {
        return 1_200;
    }

    /** The premise of the tests above: this instance listens, the other does not (only its revision reads help). */
    @Test
    void onlyThisInstanceListensForNotifications() throws Exception {
        otherInstance();
        ValleyProperties.Db db = database();
        try (Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement listeners = sql.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND application_name = ?")) {
            listeners.setString(1, "valley-register-notifications");
            // A listener another test started and stopped may take a moment to leave pg_stat_activity.
            awaitTrue(() -> {
                try (java.sql.ResultSet count = listeners.executeQuery()) {
                    count.next();
                    return count.getInt(1) == 1;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, "exactly one listening connection on the test database (this instance's)");
        }
    }

    @Test
    void anUpdateBySqlByHandShowsAtOnce() throws Exception {
        String id = planning.takeAvailableParcel();
        int[] tile = tileOf(id);
        cacheEverywhere(tile);
        double farMax = planning.parcel(id).json().at("/properties/farMax").doubleValue() + 0.5; // no rule asked

        ValleyProperties.Db db = database();
        try (Connection sql = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement update = sql.prepareStatement("UPDATE parcels SET far_max = ? WHERE id = ?")) {
            update.setDouble(1, farMax);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        assertCurrentEverywhere(tile, "parcels", has(id, "farMax", farMax));
    }

    /**
     * The density view is kept up to date change by change on each instance: the other instance's register totals
     * count a proposal made here at once, and equal this instance's.
     */
    @Test
    void theDensityViewOfTheOtherInstanceCountsAWriteAtOnce() throws Exception {
        String density = "/api/parcels/density?bbox=116.2,36.2,118.3,37.3&zoom=9";
        ServiceClient onOther = otherInstance();
        JsonNode before = onOther.get(density).json().get("register");
        planning.propose(planning.takeAvailableParcel(), "Density Optics");

        JsonNode after = onOther.get(density).json().get("register");
        assertThat(after.get("available").longValue()).isEqualTo(before.get("available").longValue() - 1);
        assertThat(after.get("unavailable").longValue()).isEqualTo(before.get("unavailable").longValue() + 1);
        assertThat(anonymous.get(density).json().get("register")).isEqualTo(after);
    }

    /**
     * A listening instance hears of a commit without being asked: its watch replays the change from the
     * notification alone (the poll interval is an hour, and nothing here calls it).
     */
    @Test
    void aNotificationBringsTheChangeToAListeningInstanceWithoutARequest() throws Exception {
        ValleyProperties.Db db = database();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        RegisterWatch listening = new RegisterWatch(new JdbcRegisterChangeLog(dataSource), 100_000);
        List<ParcelChange> heard = new CopyOnWriteArrayList<>();
        listening.subscribe(new RegisterListener() {
            @Override
            public void changed(long revision, List<ParcelChange> changes) {
                heard.addAll(changes);
            }

            @Override
            public void reset(long revision) {
            }
        });
        RegisterNotifications notifications = new RegisterNotifications(db, Duration.ofHours(1), listening);
        notifications.start();
        try {
            awaitTrue(() -> listening.applied() >= 0, "the listener's first read");
            String id = planning.takeAvailableParcel();
            Planning.Feature parcel = planning.parcel(id);
            long before = listening.applied();
            ServiceClient.Reply patched = planner.patchJson(ITEMS + id, "{\"properties\":{\"farMax\":"
                    + (parcel.json().at("/properties/farMax").doubleValue() - 0.1) + "}}", parcel.eTag());
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);

            awaitTrue(() -> listening.applied() > before, "the notified revision");
            assertThat(heard).anySatisfy(change -> {
                assertThat(change.before().status()).isEqualTo("available");
                assertThat(change.after().status()).isEqualTo("available");
                assertThat(change.after().crs84().getMinX()).isBetween(116.0, 118.5);
            });
        } finally {
            notifications.stop();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
