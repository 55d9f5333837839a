package org.qiluvalley.planner.features;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The vector tile tests on PostgreSQL + PostGIS, in a fresh database seeded on first start. The database outlives the
 * test (the application context is cached until the JVM ends); the next run's first test database drops it.
 */
class TilesApiPostgisIT extends TilesApiContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(TilesApiPostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(TilesApiPostgisIT.class, registry);
    }
}
