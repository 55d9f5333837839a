package org.qiluvalley.planner.allocation;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Validation and audit over HTTP on PostgreSQL + PostGIS. */
class ValidationApiPostgisIT extends ValidationApiContract {

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
