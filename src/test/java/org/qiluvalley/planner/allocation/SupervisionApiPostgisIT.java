package org.qiluvalley.planner.allocation;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Supervision after the contract on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class SupervisionApiPostgisIT extends SupervisionApiContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(SupervisionApiPostgisIT.class, registry);
    }
}
