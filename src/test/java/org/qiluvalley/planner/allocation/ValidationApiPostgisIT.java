package org.qiluvalley.planner.allocation;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Validation and audit over HTTP on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
class ValidationApiPostgisIT extends ValidationApiContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(ValidationApiPostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(ValidationApiPostgisIT.class, registry);
    }
}
