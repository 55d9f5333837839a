package org.qiluvalley.planner.conditions;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Places and distances on the embedded H2GIS store, in a fresh data directory. */
class PlacesApiH2gisIT extends PlacesApiContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-places-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
