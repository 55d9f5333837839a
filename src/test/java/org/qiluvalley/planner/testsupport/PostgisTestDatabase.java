package org.qiluvalley.planner.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;
import org.qiluvalley.planner.config.ValleyProperties;

/**
 * Fresh PostgreSQL + PostGIS databases for tests, on the server named by {@code VALLEY_TEST_PG_URL} (a maintenance
 * database URL, default {@code jdbc:postgresql://127.0.0.1:5432/postgres}) as {@code VALLEY_TEST_PG_USER}
 * (default {@code postgres}). {@code scripts/pg-test-cluster.sh start} starts a throwaway server and prints them.
 *
 * <p>Test classes using it are annotated {@link RequiresPostgis}: when no server answers they are reported as skipped
 * before anything here runs; with {@code VALLEY_PG_REQUIRED=true} (CI) they fail instead. {@link #create} still
 * aborts (or fails) by itself if the server goes away after that check.
 */
public final class PostgisTestDatabase {

    public static final String ADMIN_URL = env("VALLEY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = env("VALLEY_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("VALLEY_TEST_PG_PASSWORD", "");
    public static final boolean REQUIRED = "true".equals(System.getenv("VALLEY_PG_REQUIRED"));

    private static final String TEMPLATE = "valley_it_template";
    private static boolean templateReady;

    private PostgisTestDatabase() {
    }

    /** Creates an empty database with PostGIS; skips (or fails, when required) when no server answers. */
    public static synchronized ValleyProperties.Db create() {
        try (Connection admin = connect(ADMIN_URL)) {
            try (Statement st = admin.createStatement()) {
                if (!templateReady) {
                    dropLeftovers(admin);
                    st.execute("DROP DATABASE IF EXISTS " + TEMPLATE);
                    st.execute("CREATE DATABASE " + TEMPLATE);
                    try (Connection template = connect(urlOf(TEMPLATE)); Statement t = template.createStatement()) {
                        t.execute("CREATE EXTENSION IF NOT EXISTS postgis");
                    }
                    templateReady = true;
                }
                // A name we make ourselves: lower-case hex, safe as an identifier.
                String name = "valley_it_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
                st.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
                return new ValleyProperties.Db(urlOf(name), USER, PASSWORD, 10);
            }
        } catch (SQLException e) {
            String message = "no PostgreSQL + PostGIS at " + ADMIN_URL + " as " + USER + " (" + e.getMessage()
                    + "); start one with scripts/pg-test-cluster.sh and set VALLEY_TEST_PG_URL";
            if (REQUIRED) {
                throw new IllegalStateException("VALLEY_PG_REQUIRED=true but " + message, e);
            }
            Assumptions.abort("Skipping PostGIS tests: " + message);
            throw new IllegalStateException("unreachable");
        }
    }

    /**
     * For a Spring Boot test class: points the application at a fresh PostGIS database (created on first use and
     * shared by the class's tests). Call from a {@code @DynamicPropertySource} method of a class annotated
     * {@link RequiresPostgis}, so that a missing server skips the class before its context is started.
     */
    public static synchronized void register(Class<?> testClass, org.springframework.test.context.DynamicPropertyRegistry registry) {
        ValleyProperties.Db db = BY_TEST_CLASS.computeIfAbsent(testClass, c -> create());
        registry.add("valley.db.url", db::url);
        registry.add("valley.db.user", db::user);
        registry.add("valley.db.password", db::password);
    }


    private static final java.util.Map<Class<?>, ValleyProperties.Db> BY_TEST_CLASS = new java.util.HashMap<>();

    /** The database {@link #register} gave the test class (for a second instance or plain JDBC on it). */
    public static synchronized ValleyProperties.Db registered(Class<?> testClass) {
        ValleyProperties.Db db = BY_TEST_CLASS.get(testClass);
        if (db == null) {
            throw new IllegalStateException("no database registered for " + testClass.getName());
        }
        return db;
    }

    /** Drops a database made by {@link #create}, closing its sessions. */
    public static synchronized void drop(ValleyProperties.Db db) {
        String name = db.url().substring(db.url().lastIndexOf('/') + 1);
        if (!name.matches("valley_it_[0-9a-f]+")) {
            throw new IllegalArgumentException("not a test database: " + name);
        }
        try (Connection admin = connect(ADMIN_URL); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + name, e);
        }
    }

    /** Drops the test databases earlier runs left behind (names are ours: valley_it_ and hex). */
    private static void dropLeftovers(Connection admin) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Statement st = admin.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname ~ '^valley_it_[0-9a-f]+$'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement st = admin.createStatement()) {
            for (String name : names) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static String urlOf(String database) {
        int slash = ADMIN_URL.lastIndexOf('/');
        int query = ADMIN_URL.indexOf('?', slash);
        return ADMIN_URL.substring(0, slash + 1) + database + (query < 0 ? "" : ADMIN_URL.substring(query));
    }

    static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        if (!PASSWORD.isEmpty()) {
            properties.setProperty("password", PASSWORD);
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
