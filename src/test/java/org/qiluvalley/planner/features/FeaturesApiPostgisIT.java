package org.qiluvalley.planner.features;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OGC API tests on PostgreSQL + PostGIS, in a fresh database seeded on first start. The database outlives the
 * test (the application context is cached until the JVM ends); the next run's first test database drops it.
 */
class FeaturesApiPostgisIT extends FeaturesApiContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(FeaturesApiPostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(FeaturesApiPostgisIT.class, registry);
    }
}
