package org.qiluvalley.planner.security;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The public leak crawl on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class PublicLeakPostgisIT extends PublicLeakContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(PublicLeakPostgisIT.class, registry);
    }
}
