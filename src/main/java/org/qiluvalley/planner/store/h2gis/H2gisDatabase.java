package org.qiluvalley.planner.store.h2gis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.JdbcParcelStore;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded database: an H2 file ({@code valley.mv.db}) in a data directory, with H2GIS, migrated by Flyway
 * from {@code db/h2gis}. Used by the Spring configuration and by tools and tests that need the store without it.
 */
public final class H2gisDatabase {

    static final String MIGRATIONS = "classpath:db/h2gis";

    private H2gisDatabase() {
    }

    /**
     * {@code WRITE_DELAY=0}: H2 otherwise writes commits to disk in the background every 500 ms and loses
     * acknowledged commits when the process is killed (measured; see the README). {@code LOCK_TIMEOUT=20000}: a
     * writer waits up to 20 s for a zone lock (H2's default is 1 s, too short when dozens of planners' writes queue
     * on one zone; PostgreSQL waits without limit). {@code DB_CLOSE_ON_EXIT=FALSE}: the pool, not H2's own shutdown
     * hook, closes the database, after the service has stopped using it, and compacts it as it does.
     */
    public static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("valley")
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=20000;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * A connection pool on the database in {@code dataDir}, created when missing. Transactions a killed process left
     * unfinished are rolled back first ({@link LeftoverTransactions}: H2 cannot when they touched a spatial index).
     * Closing the pool closes the database with {@code SHUTDOWN COMPACT}: the file is rewritten without the space old
     * versions took.
     */
    public static HikariDataSource dataSource(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        LeftoverTransactions.rollBack(databaseFile(dataDir));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(dataDir));
        config.setUsername("sa");
        config.setPassword("");
        config.setPoolName("valley-h2gis");
        config.setMaximumPoolSize(8);
        return new CompactingDataSource(config);
    }

    /** H2's file of the database in {@code dataDir}. */
    static Path databaseFile(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("valley.mv.db");
    }

    /** The pool, which compacts the database file as it closes. */
    static final class CompactingDataSource extends HikariDataSource {

        CompactingDataSource(HikariConfig config) {
            super(config);
        }

        @Override
        public void close() {
            if (!isClosed()) {
                boolean compacted = false;
                // A connection of its own, not the pool's: the pool would reset it after the shutdown and H2 would
                // write that failure to its trace file.
                try (java.sql.Connection connection = java.sql.DriverManager.getConnection(getJdbcUrl(), getUsername(),
                        getPassword()); java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN COMPACT");
                    compacted = true;
                } catch (java.sql.SQLException | RuntimeException e) {
                    // Closing the statement of a database just shut down fails too; only a failed compaction counts.
                    if (!compacted) {
                        org.slf4j.LoggerFactory.getLogger(H2gisDatabase.class).warn("Could not compact the embedded "
                                + "database on close (the file stays as it is, still valid): {}", e.getMessage());
                    }
                }
            }
            super.close();
        }
    }

    /** Applies the same migrations Spring Boot's Flyway applies at start-up. */
    static FluentConfiguration migrations(FluentConfiguration flyway) {
        return flyway.locations(MIGRATIONS).javaMigrations(new H2gisFunctionsMigration(),
                new H2gisParcelStatusMigration(), new H2gisAllocationStateMigration());
    }

    /** Migrates the schema of {@code dataSource} to the latest version (outside Spring). */
    public static void migrate(DataSource dataSource) {
        migrations(Flyway.configure().dataSource(dataSource)).load().migrate();
    }

    /** The store contract on this database. */
    public static ParcelStore store(DataSource dataSource) {
        return new JdbcParcelStore(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new H2gisDialect());
    }
}
