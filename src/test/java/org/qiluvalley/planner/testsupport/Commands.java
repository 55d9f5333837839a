package org.qiluvalley.planner.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command-line tools the tests use as independent judges (GDAL's ogrinfo and ogr2ogr...), in the C locale
 * (decimal points, not commas), with PROJ's network off (no grid downloads: offline and reproducible) and without
 * proxy variables (the tools only read local files and the service on localhost).
 */
public final class Commands {

    private static final long TIMEOUT_SECONDS = 120;

    /** What a command ended with: its exit status, standard output and standard error. */
    public record Result(int exit, String out, String err) {
    }

    private Commands() {
    }

    /** Runs {@code command}; returns its standard output, fails with its output and error on a non-zero exit. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Result result = execute(command);
        if (result.exit() != 0) {
            fail(String.join(" ", command) + " exited with " + result.exit() + ":\n" + result.out() + "\n"
                    + result.err());
        }
        return result.out();
    }

    /** Runs {@code command} to its end, whatever its exit status; fails only when it takes over 120 s. */
    public static Result execute(List<String> command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("command", ".out");
        Path stderr = Files.createTempFile("command", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().put("LC_ALL", "C");
            builder.environment().put("PROJ_NETWORK", "OFF");
            builder.environment().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
