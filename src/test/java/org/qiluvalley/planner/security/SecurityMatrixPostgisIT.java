package org.qiluvalley.planner.security;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The role matrix on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
class SecurityMatrixPostgisIT extends SecurityMatrixContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(SecurityMatrixPostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(SecurityMatrixPostgisIT.class, registry);
    }
}
