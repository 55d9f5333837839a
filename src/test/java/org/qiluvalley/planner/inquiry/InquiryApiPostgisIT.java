package org.qiluvalley.planner.inquiry;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Investors' inquiries over HTTP on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class InquiryApiPostgisIT extends InquiryApiContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(InquiryApiPostgisIT.class, registry);
    }
}
