package org.qiluvalley.planner.store.postgis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.register.RegisterWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL channel {@code valley_parcel_register}, which the parcels trigger (migration V19) notifies
 * once per committing transaction, and replays the new changes into this instance's register views at once
 * ({@link RegisterWatch#current()}): a write through another instance drops the tiles it touched here within a
 * round trip of its commit, without waiting for the next request. When no notification comes for
 * {@code valley.register.poll-interval} it reads the revision anyway.
 *
 * <p>Correctness never rests on this: every cached read asks the revision row first. A dropped connection is
 * re-opened with a back-off; meanwhile the requests' own revision reads keep every answer current.
 */
public final class RegisterNotifications implements SmartLifecycle {

    static final String CHANNEL = "valley_parcel_register";
    private static final Logger log = LoggerFactory.getLogger(RegisterNotifications.class);

    private final ValleyProperties.Db db;
    private final Duration pollInterval;
    private final RegisterWatch watch;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    public RegisterNotifications(ValleyProperties.Db db, Duration pollInterval, RegisterWatch watch) {
        this.db = db;
        this.pollInterval = pollInterval;
        this.watch = watch;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "register-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close(); // wakes the thread blocked in getNotifications
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoffMillis = 100;
        while (running) {
            try (Connection listening = open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = listening.unwrap(PGConnection.class);
                backoffMillis = 100;
                watch.current(); // whatever committed while not listening
                while (running) {
                    pg.getNotifications((int) Math.min(Integer.MAX_VALUE, pollInterval.toMillis()));
                    if (running) {
                        watch.current();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Listening for parcel register changes failed ({}); again in {} ms", e.toString(),
                        backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, Math.max(100, pollInterval.toMillis()));
            } finally {
                connection = null;
            }
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        if (!db.user().isBlank()) {
            properties.setProperty("user", db.user());
        }
        if (!db.password().isEmpty()) {
            properties.setProperty("password", db.password());
        }
        properties.setProperty("ApplicationName", "valley-register-notifications");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(db.url(), properties);
    }
}
