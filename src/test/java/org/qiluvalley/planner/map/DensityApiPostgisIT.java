package org.qiluvalley.planner.map;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The density endpoint's tests on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class DensityApiPostgisIT extends DensityApiContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(DensityApiPostgisIT.class, registry);
    }
}
