package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Out of memory ends the process with status 3, as {@code -XX:+ExitOnOutOfMemoryError} would, also when the JVM was
 * started without that flag (a plain {@code java -jar}). Each case runs in a JVM of its own with a small heap.
 */
class OutOfMemoryIsFatalTest {

    /** The child JVM: installs the guard, then runs out of memory the way the argument says. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            OutOfMemoryIsFatal.install();
            if (args[0].equals("thread")) {
                // A real OutOfMemoryError in a worker thread that nothing catches (as Tomcat rethrows them).
                Thread worker = new Thread(() -> {
                    List<long[]> hog = new ArrayList<>();
                    while (true) {
                        hog.add(new long[1 << 20]);
                    }
                }, "worker");
                worker.start();
            } else {
                // An OutOfMemoryError caught and wrapped, as Spring MVC hands it to the error mapper.
                try {
                    List<long[]> hog = new ArrayList<>();
                    while (true) {
                        hog.add(new long[1 << 20]);
                    }
                } catch (OutOfMemoryError e) {
                    OutOfMemoryIsFatal.haltIfOutOfMemory(new IllegalStateException("Handler dispatch failed",
                            new RuntimeException(e)));
                }
            }
            Thread.sleep(30_000);
            System.exit(0);
        }
    }

    @Test
    void anOutOfMemoryErrorThatEndsAThreadEndsTheProcess() throws Exception {
        assertThat(runChild("thread")).isEqualTo(OutOfMemoryIsFatal.EXIT_STATUS);
    }

    @Test
    void anOutOfMemoryErrorSeenAsTheCauseOfAFailureEndsTheProcess() throws Exception {
        assertThat(runChild("wrapped")).isEqualTo(OutOfMemoryIsFatal.EXIT_STATUS);
    }

    private static int runChild(String how) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), how).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!child.waitFor(25, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the process did not end within 25 s of running out of memory");
        }
        return child.exitValue();
    }
}
