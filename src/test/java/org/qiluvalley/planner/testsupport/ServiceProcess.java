package org.qiluvalley.planner.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar ({@code target/valley-planner-*.jar}) running as a separate process, as it runs in production:
 * for tests that kill it, restart it, or run two of it side by side. Output goes to a log file in the working
 * directory.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Exit status of a process ended by SIGKILL: 128 + 9. */
    public static final int KILLED_BY_SIGKILL = 137;

    private final Process process;
    private final Path log;
    private final ServiceClient client;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.client = new ServiceClient("http://127.0.0.1:" + port);
    }

    /**
     * Starts the jar in {@code workDir} on a free loopback port with extra environment variables (the service's
     * own configuration, {@code VALLEY_*}) and arguments; returns once it answers, or fails if it exits first or
     * does not answer within two minutes.
     */
    public static ServiceProcess start(Path workDir, String logName, Map<String, String> environment,
            String... arguments) {
        // A small heap and C1 only: several of these run beside the build on two cores; they start faster.
        return start(workDir, logName, environment, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), arguments);
    }

    /** As {@link #start(Path, String, Map, String...)}, with these JVM options instead of the small defaults. */
    public static ServiceProcess start(Path workDir, String logName, Map<String, String> environment,
            List<String> jvmOptions, String... arguments) {
        int port = freePort();
        Path log = workDir.resolve(logName);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", builtJar().toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The service's configuration is what the test gives it, never a VALLEY_* variable of the shell running the
        // build (a developer's VALLEY_DB_URL would point an embedded-store test at their database).
        builder.environment().keySet().removeIf(name -> name.startsWith("VALLEY_"));
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the packaged jar", e);
        }
    }

    /** An anonymous client of this process. */
    public ServiceClient client() {
        return client;
    }

    public long pid() {
        return process.pid();
    }

    /** True while the process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The port it listens on (loopback). */
    public int port() {
        return Integer.parseInt(client.base().substring(client.base().lastIndexOf(':') + 1));
    }

    /** Its resident memory now, from /proc (kB), or -1 where /proc is not there. */
    public long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Waits until the service answers {@code GET /ogc}. */
    public ServiceProcess awaitUp() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service process exited early (status " + process.exitValue() + "); log:\n"
                        + logTail());
            }
            try {
                if (client.get("/ogc").status() == 200) {
                    return this;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        throw new AssertionError("the service did not answer within 120 s; log:\n" + logTail());
    }

    /**
     * {@code kill -9}: the process gets no chance to flush, close or shut down. Sent with the kill command (not
     * {@link Process#destroyForcibly()}, whose signal is platform-specific), and checked by the exit status.
     *
     * @return the exit status (137 when SIGKILL ended it)
     */
    public int killNine() {
        try {
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -9 " + process.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes()));
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the service survived kill -9 for 30 s");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A normal stop (SIGTERM, Spring's graceful shutdown), forced after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The process's output so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        String all = log();
        return all.length() <= 6000 ? all : all.substring(all.length() - 6000);
    }

    /** target/valley-planner-*.jar, built by {@code mvn package} (Failsafe runs after it in {@code mvn verify}). */
    public static Path builtJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("valley-planner-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("target/valley-planner-*.jar not built: run mvn verify"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
