package org.qiluvalley.planner.security;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The role matrix on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class SecurityMatrixPostgisIT extends SecurityMatrixContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(SecurityMatrixPostgisIT.class, registry);
    }
}
