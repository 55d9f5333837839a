package org.qiluvalley.planner.allocation;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The allocation lifecycle on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
class AllocationLifecyclePostgisIT extends AllocationLifecycleContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(AllocationLifecyclePostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(AllocationLifecyclePostgisIT.class, registry);
    }
}
