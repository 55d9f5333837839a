package org.qiluvalley.planner.allocation;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Validation and audit over HTTP on the embedded H2GIS store. */
class ValidationApiH2gisIT extends ValidationApiContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-validation-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
