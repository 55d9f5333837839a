package org.qiluvalley.planner.features;

import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Parcel writes on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
@RequiresPostgis
class ParcelWritesPostgisIT extends ParcelWritesContract {

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(ParcelWritesPostgisIT.class, registry);
    }
}
