package org.qiluvalley.planner.features;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OGC API tests on PostgreSQL + PostGIS, in a fresh database seeded on first start. The database outlives the
 * test (the application context is cached until the JVM ends); the next run's first test database drops it.
 */
class FeaturesApiPostgisIT extends FeaturesApiContract {

    private static ValleyProperties.Db db;

    @BeforeAll
    static void postgisDatabase() {
        if (db == null) {
            db = PostgisTestDatabase.create();
        }
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        postgisDatabase();
        registry.add("valley.db.url", () -> db.url());
        registry.add("valley.db.user", () -> db.user());
        registry.add("valley.db.password", () -> db.password());
    }
}
