package org.qiluvalley.planner.features;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Split, merge and lineage on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class ParcelReshapePostgisIT extends ParcelReshapeContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(ParcelReshapePostgisIT.class, registry);
    }
}
