package org.qiluvalley.planner.security;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The public leak crawl on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
class PublicLeakPostgisIT extends PublicLeakContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(PublicLeakPostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(PublicLeakPostgisIT.class, registry);
    }
}
