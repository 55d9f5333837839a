package org.qiluvalley.planner.allocation;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The allocation lifecycle on the embedded H2GIS store, in a fresh data directory. */
class AllocationLifecycleH2gisIT extends AllocationLifecycleContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-lifecycle-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
