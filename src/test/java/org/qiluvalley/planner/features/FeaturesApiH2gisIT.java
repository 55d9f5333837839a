package org.qiluvalley.planner.features;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OGC API tests on the embedded H2GIS store, in a fresh data directory. */
class FeaturesApiH2gisIT extends FeaturesApiContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-api-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
