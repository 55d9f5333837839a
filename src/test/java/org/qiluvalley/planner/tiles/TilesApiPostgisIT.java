package org.qiluvalley.planner.tiles;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The vector tile tests on PostgreSQL + PostGIS, in a fresh database seeded on first start. The database outlives the
 * test (the application context is cached until the JVM ends); the next run's first test database drops it.
 */
@RequiresPostgis
class TilesApiPostgisIT extends TilesApiContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(TilesApiPostgisIT.class, registry);
    }
}
