package org.qiluvalley.planner.store.h2gis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A process killed with a spatial-index write open and its undo log on disk: H2 alone cannot open the file again
 * (its bug, shown first, so this test proves it reproduces the case); {@link LeftoverTransactions} rolls the
 * unfinished write back, keeps the committed one, and leaves the spatial index agreeing with the table.
 */
class LeftoverTransactionsTest {

    /** The killed writer: a child JVM, halted as {@code kill -9} would end it (no shutdown hooks, no close). */
    public static final class KilledWriter {

        public static void main(String[] args) throws SQLException {
            String url = H2gisDatabase.jdbcUrl(Path.of(args[0]));
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE sites(id INT PRIMARY KEY, outline GEOMETRY)");
                statement.execute("CREATE SPATIAL INDEX sites_outline ON sites(outline)");
                statement.execute("CREATE TABLE acknowledged(id INT PRIMARY KEY)");
                statement.execute("INSERT INTO sites VALUES (0, 'POLYGON((0 0, 1 0, 1 1, 0 0))')");
            }
            Connection unfinished = DriverManager.getConnection(url, "sa", "");
            unfinished.setAutoCommit(false);
            try (PreparedStatement insert = unfinished.prepareStatement("INSERT INTO sites VALUES (?, ?)")) {
                for (int id = 1; id <= 10; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "POLYGON((" + id + " 0, " + (id + 1) + " 0, " + (id + 1) + " 1, " + id + " 0))");
                    insert.executeUpdate();
                }
            }
            // Another connection's commit writes the store, the unfinished transaction's undo log with it.
            try (Connection other = DriverManager.getConnection(url, "sa", "");
                    Statement statement = other.createStatement()) {
                statement.execute("INSERT INTO acknowledged VALUES (1)");
            }
            Runtime.getRuntime().halt(KILLED);
        }
    }

    static final int KILLED = 137;

    @TempDir
    Path dir;

    @Test
    void h2AloneCannotOpenWhatTheKilledWriterLeft() throws Exception {
        Path dataDir = killedWriterIn(dir.resolve("data"));

        assertThatThrownBy(() -> DriverManager.getConnection(H2gisDatabase.jdbcUrl(dataDir), "sa", "").close())
                .isInstanceOf(SQLException.class)
                .hasStackTraceContaining("cannot be cast to class org.h2.mvstore.rtree.SpatialDataType");
    }

    @Test
    void theUnfinishedWriteIsRolledBackAndTheCommittedOneKept() throws Exception {
        Path dataDir = killedWriterIn(dir.resolve("data"));

        assertThat(LeftoverTransactions.rollBack(H2gisDatabase.databaseFile(dataDir))).isEqualTo(1);

        try (HikariDataSource dataSource = H2gisDatabase.dataSource(dataDir)) {
            assertThat(count(dataSource, "SELECT COUNT(*) FROM acknowledged")).isEqualTo(1);
            assertThat(count(dataSource, "SELECT COUNT(*) FROM sites")).isEqualTo(1);
            // The R-tree answers what the table holds: the rolled-back outlines are gone from it too.
            String inTheIndex = "SELECT COUNT(*) FROM sites WHERE outline && GEOMETRY 'POLYGON((-5 -5, 50 -5, 50 5, -5 -5))'";
            assertThat(plan(dataSource, inTheIndex)).contains("SITES_OUTLINE");
            assertThat(count(dataSource, inTheIndex)).isEqualTo(1);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO sites VALUES (1, 'POLYGON((1 0, 2 0, 2 1, 1 0))')");
            }
            assertThat(count(dataSource, inTheIndex)).isEqualTo(2);
        }
    }

    @Test
    void theServicesOwnPoolRollsBackBeforeOpening() throws Exception {
        Path dataDir = killedWriterIn(dir.resolve("data"));

        try (HikariDataSource dataSource = H2gisDatabase.dataSource(dataDir)) {
            assertThat(count(dataSource, "SELECT COUNT(*) FROM sites")).isEqualTo(1);
        }
    }

    @Test
    void aCleanlyClosedOrOpenDatabaseIsLeftAlone() throws Exception {
        Path dataDir = dir.resolve("data");
        assertThat(LeftoverTransactions.rollBack(H2gisDatabase.databaseFile(dataDir))).isZero();
        try (HikariDataSource dataSource = H2gisDatabase.dataSource(dataDir)) {
            assertThat(count(dataSource, "SELECT 1")).isEqualTo(1);
            // Open in this process: its transactions are live, not leftovers.
            assertThat(LeftoverTransactions.rollBack(H2gisDatabase.databaseFile(dataDir))).isZero();
        }
        assertThat(LeftoverTransactions.rollBack(H2gisDatabase.databaseFile(dataDir))).isZero();
    }

    private static Path killedWriterIn(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KilledWriter.class.getName(), dataDir.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the writer did not halt within 60 s");
        }
        assertThat(child.exitValue()).as("the writer's exit status").isEqualTo(KILLED);
        return dataDir;
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String plan(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
