package org.qiluvalley.planner.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.ParcelStoreContract;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;

import com.zaxxer.hikari.HikariDataSource;

/** The store contract on a real PostgreSQL + PostGIS server, plus what is particular to it. */
@RequiresPostgis
class PostgisParcelStoreTest extends ParcelStoreContract {

    private ValleyProperties.Db db;
    private HikariDataSource dataSource;

    @Override
    protected ParcelStore freshStore() {
        db = PostgisTestDatabase.create();
        dataSource = PostgisDatabase.dataSource(db);
        PostgisDatabase.migrate(dataSource);
        return PostgisDatabase.store(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (db != null) {
            PostgisTestDatabase.drop(db);
        }
    }

    @Test
    void bboxFilterCanUseTheGistIndex() throws Exception {
        PostgisDialect dialect = new PostgisDialect();
        Geometry box = CrsTransform.CRS84.toGeometry(new Envelope(117.20, 117.21, 36.74, 36.75));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                // 190 rows fit in one page, so the planner would rightly scan; forbid that to see the index is usable.
                st.execute("SET LOCAL enable_seqscan = off");
            }
            try (PreparedStatement st = connection.prepareStatement("EXPLAIN SELECT id FROM parcels WHERE "
                    + dialect.intersects("geom_crs84", 4326))) {
                dialect.bindIntersects(st, 1, box, 4326);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).contains("parcels_geom_crs84_idx");
            }
            connection.rollback();
        }
    }

    @Test
    void theDatabaseRefusesInvalidGeometry() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute(
                    "UPDATE parcels SET geom = ST_GeomFromText('POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))', 4548) "
                            + "WHERE id = 'QOV-LI-001'"))
                    .hasMessageContaining("parcels_geom_valid");
        }
    }
}
