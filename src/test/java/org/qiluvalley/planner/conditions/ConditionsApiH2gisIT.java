package org.qiluvalley.planner.conditions;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The planning-conditions letter on the embedded H2GIS store, in a fresh data directory. */
class ConditionsApiH2gisIT extends ConditionsApiContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-conditions-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
