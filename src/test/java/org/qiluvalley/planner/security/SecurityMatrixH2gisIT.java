package org.qiluvalley.planner.security;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The role matrix on the embedded H2GIS store, in a fresh data directory. */
class SecurityMatrixH2gisIT extends SecurityMatrixContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-security-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
