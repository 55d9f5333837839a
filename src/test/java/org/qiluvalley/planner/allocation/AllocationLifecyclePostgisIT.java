package org.qiluvalley.planner.allocation;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The allocation lifecycle on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class AllocationLifecyclePostgisIT extends AllocationLifecycleContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(AllocationLifecyclePostgisIT.class, registry);
    }
}
