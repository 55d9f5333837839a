package org.qiluvalley.planner.planning;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The concurrency tests on the embedded H2GIS store, in a fresh data directory seeded on first start. */
class ConcurrencyH2gisIT extends ConcurrencyContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-concurrency-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
