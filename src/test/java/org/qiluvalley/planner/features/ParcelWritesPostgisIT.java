package org.qiluvalley.planner.features;

import org.junit.jupiter.api.BeforeAll;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Parcel writes on PostgreSQL + PostGIS, in a fresh database seeded on first start. */
class ParcelWritesPostgisIT extends ParcelWritesContract {

    @BeforeAll
    static void postgisServer() {
        PostgisTestDatabase.requireServer(ParcelWritesPostgisIT.class);
    }

    @DynamicPropertySource
    static void postgisStore(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.register(ParcelWritesPostgisIT.class, registry);
    }
}
