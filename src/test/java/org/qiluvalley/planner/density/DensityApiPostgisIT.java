package org.qiluvalley.planner.density;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The density endpoint's tests on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
class DensityApiPostgisIT extends DensityApiContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(DensityApiPostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(DensityApiPostgisIT.class, registry);
    }
}
