package org.qiluvalley.planner.map;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The density endpoint's tests on the embedded H2GIS store, in a fresh data directory. */
class DensityApiH2gisIT extends DensityApiContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-density-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
