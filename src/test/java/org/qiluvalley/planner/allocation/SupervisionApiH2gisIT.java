package org.qiluvalley.planner.allocation;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Supervision after the contract on the embedded H2GIS store, in a fresh data directory. */
class SupervisionApiH2gisIT extends SupervisionApiContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-supervision-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
