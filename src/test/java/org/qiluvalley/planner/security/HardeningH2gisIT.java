package org.qiluvalley.planner.security;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hardening checks on the embedded H2GIS store, in a fresh data directory. */
class HardeningH2gisIT extends HardeningContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-hardening-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
