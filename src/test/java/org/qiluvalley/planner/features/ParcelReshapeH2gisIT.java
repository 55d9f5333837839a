package org.qiluvalley.planner.features;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Split, merge and lineage on the embedded H2GIS store, in a fresh data directory. */
class ParcelReshapeH2gisIT extends ParcelReshapeContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-reshape-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
