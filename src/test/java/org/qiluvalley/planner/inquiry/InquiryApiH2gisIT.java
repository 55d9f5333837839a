package org.qiluvalley.planner.inquiry;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Investors' inquiries over HTTP on the embedded H2GIS store. */
class InquiryApiH2gisIT extends InquiryApiContract {

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-inquiry-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }
}
