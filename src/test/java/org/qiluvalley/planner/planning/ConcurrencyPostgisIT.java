package org.qiluvalley.planner.planning;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The concurrency tests on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class ConcurrencyPostgisIT extends ConcurrencyContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(ConcurrencyPostgisIT.class, registry);
    }
}
