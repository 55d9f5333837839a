package org.qiluvalley.planner.security;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hardening checks on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class HardeningPostgisIT extends HardeningContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(HardeningPostgisIT.class, registry);
    }
}
