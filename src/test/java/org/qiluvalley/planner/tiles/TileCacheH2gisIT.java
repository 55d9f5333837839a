package org.qiluvalley.planner.tiles;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The tile cache through every kind of write on the embedded H2GIS store, in a fresh data directory. */
class TileCacheH2gisIT extends TileCacheContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-tile-cache-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
