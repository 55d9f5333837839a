package org.qiluvalley.planner.planning;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The concurrency tests on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
class ConcurrencyPostgisIT extends ConcurrencyContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(ConcurrencyPostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(ConcurrencyPostgisIT.class, registry);
    }
}
