package org.qiluvalley.planner.inquiry;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Investors' inquiries over HTTP on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
class InquiryApiPostgisIT extends InquiryApiContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(InquiryApiPostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(InquiryApiPostgisIT.class, registry);
    }
}
