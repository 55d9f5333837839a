package org.qiluvalley.planner.conditions;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Places and distances on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class PlacesApiPostgisIT extends PlacesApiContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(PlacesApiPostgisIT.class, registry);
    }
}
