package org.qiluvalley.planner.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.Race;
import org.qiluvalley.planner.testsupport.RequiresPostgis;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Several service instances may start at the same moment on one empty database (a rolling deployment, or a
 * scaled-out service's first start). What each does at start-up, done by two at once, happens once and fails
 * neither: the Flyway migration (Flyway holds a PostgreSQL advisory lock while it migrates) and the seed load (the
 * dataset's marker row is inserted first; the loser meets its primary key). Each instance has its own connection
 * pool, as two processes would.
 */
@RequiresPostgis
class ConcurrentStartPostgisTest {

    private ValleyProperties.Db db;
    private final List<HikariDataSource> pools = new java.util.ArrayList<>();

    @AfterEach
    void dropDatabase() {
        pools.forEach(HikariDataSource::close);
        if (db != null) {
            PostgisTestDatabase.drop(db);
        }
    }

    @Test
    void twoInstancesMigratingAndSeedingOneEmptyDatabaseAtOnceDoEachOnce() {
        db = PostgisTestDatabase.create();
        pools.add(PostgisDatabase.dataSource(db));
        pools.add(PostgisDatabase.dataSource(db));

        Race.run(2, 2, i -> {
            PostgisDatabase.migrate(pools.get(i));
            return null;
        });
        ParkDataset park = ParkData.dataset();
        List<Boolean> loaded = Race.run(2, 2, i -> PostgisDatabase.store(pools.get(i)).loadDataset(park));

        assertThat(loaded).as("which instance loaded the park").containsExactlyInAnyOrder(true, false);
        assertThat(PostgisDatabase.store(pools.get(0)).find(Layer.PARCELS, FeatureQuery.all()).numberMatched())
                .isEqualTo(park.parcels().size());
    }
}
