package org.qiluvalley.planner.security;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The public leak crawl on the embedded H2GIS store, in a fresh data directory. */
class PublicLeakH2gisIT extends PublicLeakContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-leak-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
