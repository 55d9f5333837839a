package org.qiluvalley.planner.store.h2gis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.geo.CrsTransform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.ParcelStoreContract;

import com.zaxxer.hikari.HikariDataSource;

/** The store contract on the embedded H2GIS database, plus what is particular to it. */
class H2gisParcelStoreTest extends ParcelStoreContract {

    @TempDir
    Path dataDir;

    private HikariDataSource dataSource;

    @Override
    protected ParcelStore freshStore() {
        dataSource = H2gisDatabase.dataSource(dataDir);
        H2gisDatabase.migrate(dataSource);
        return H2gisDatabase.store(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void bboxFilterIsAnsweredByTheSpatialIndex() throws Exception {
        H2gisDialect dialect = new H2gisDialect();
        Geometry box = CrsTransform.CRS84.toGeometry(new Envelope(117.20, 117.21, 36.74, 36.75));
        box.setSRID(4326);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("EXPLAIN SELECT id FROM parcels WHERE "
                        + dialect.intersects("geom_crs84", 4326))) {
            int next = dialect.bindGeometry(st, 1, box);
            dialect.bindGeometry(st, next, box);
            try (ResultSet plan = st.executeQuery()) {
                plan.next();
                assertThat(plan.getString(1)).containsIgnoringCase("PARCELS_GEOM_CRS84_IDX");
            }
        }
    }

    @Test
    void committedTotalsAreAnsweredByTheZoneStatusIndex() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("EXPLAIN "
                        + org.qiluvalley.planner.store.JdbcParcelStore.COMMITTED_TOTALS_SQL)) {
            st.setString(1, "laser-industry");
            st.setString(2, "laser-industry");
            try (ResultSet plan = st.executeQuery()) {
                plan.next();
                // Both look-ups (allocated, reserved) of the one statement.
                assertThat(plan.getString(1).toUpperCase().split("PARCELS_ZONE_STATUS_IDX", -1)).hasSize(3);
            }
        }
    }

    @Test
    void theDatabaseFileLivesInTheDataDirectoryAndSurvivesAReopen() {
        assertThat(dataDir.resolve("valley.mv.db")).exists();
        dataSource.close();
        dataSource = H2gisDatabase.dataSource(dataDir);
        H2gisDatabase.migrate(dataSource);
        ParcelStore reopened = H2gisDatabase.store(dataSource);
        assertThat(reopened.hasDataset(PARK.name())).isTrue();
        assertThat(reopened.loadDataset(PARK)).isFalse();
    }

    @Test
    void connectionsDoNotDelayWrites() {
        assertThat(H2gisDatabase.jdbcUrl(dataDir)).contains(";WRITE_DELAY=0");
    }
}
