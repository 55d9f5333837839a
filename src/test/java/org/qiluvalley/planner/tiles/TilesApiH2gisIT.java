package org.qiluvalley.planner.tiles;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The vector tile tests on the embedded H2GIS store, in a fresh data directory. */
class TilesApiH2gisIT extends TilesApiContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-tiles-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
