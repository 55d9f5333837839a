package org.qiluvalley.planner.allocation;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Validation and audit over HTTP on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class ValidationApiPostgisIT extends ValidationApiContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(ValidationApiPostgisIT.class, registry);
    }
}
