package org.qiluvalley.planner.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command-line tools the tests use as independent judges (GDAL's ogrinfo and ogr2ogr...), in the C locale
 * (decimal points, not commas) and with PROJ's network off (no grid downloads: offline and reproducible).
 */
public final class Commands {

    private static final long TIMEOUT_SECONDS = 120;

    private Commands() {
    }

    /** Runs {@code command}; returns its standard output, fails with its standard error on a non-zero exit. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("command", ".out");
        Path stderr = Files.createTempFile("command", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().put("LC_ALL", "C");
            builder.environment().put("PROJ_NETWORK", "OFF");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
