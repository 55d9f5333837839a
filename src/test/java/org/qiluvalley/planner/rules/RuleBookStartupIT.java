package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.seed.ParkSeedReader;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A malformed rule book stops the service at start-up, with a message naming the file and the line. */
class RuleBookStartupIT {

    @TempDir
    Path seed;

    @TempDir
    Path data;

    @Test
    void theServiceRefusesToStartWithAMalformedRuleBook() throws Exception {
        for (String file : ParkSeedReader.FILES) {
            Files.copy(Path.of("gis-data", file), seed.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        String rules = Files.readString(Path.of("gis-data/zoning-rules.yaml"));
        String broken = rules.replaceFirst("far:            \\{ min: 1.0, max: 2.5,", "far:            { min: 3.0, max: 2.5,");
        assertThat(broken).isNotEqualTo(rules);
        Files.writeString(seed.resolve("zoning-rules.yaml"), broken);
        int line = (int) broken.lines().takeWhile(l -> !l.contains("min: 3.0, max: 2.5")).count() + 1;

        assertThatThrownBy(() -> new SpringApplicationBuilder(PlannerApplication.class).run("--server.port=0",
                "--valley.seed-location=file:" + seed + "/", "--valley.data-dir=" + data).close())
                .rootCause().isInstanceOf(RuleBookException.class)
                .hasMessage("zoning-rules.yaml line " + line + ": far: min 3.0 is above max 2.5");
    }
}
