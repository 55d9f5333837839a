package org.qiluvalley.planner.web;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Out of memory ends the process. A JVM that has thrown {@link OutOfMemoryError} in some thread may keep its port
 * open and answer nothing (a request thread died holding a lock, Tomcat's poller died, a pool lost its threads); a
 * supervisor cannot tell that from busy. Ended, it is restarted by the supervisor in seconds (see the README's
 * deployment notes).
 *
 * <p>The JVM does this itself with {@code -XX:+ExitOnOutOfMemoryError}, which {@code mvn spring-boot:run} passes
 * and the deployment notes ask for. A plain {@code java -jar} cannot set that flag from inside the jar, so the
 * application does the equivalent: any {@code OutOfMemoryError} that ends a thread (Tomcat rethrows such errors out
 * of its threads) or reaches the error mapper or Tomcat's error page halts the process with status 3, the status the
 * flag uses. Halts, not exits: shutdown hooks would need memory and might hang.
 */
public final class OutOfMemoryIsFatal {

    /** The exit status of a process ended for running out of memory (that of {@code -XX:+ExitOnOutOfMemoryError}). */
    public static final int EXIT_STATUS = 3;

    private static final Logger log = LoggerFactory.getLogger(OutOfMemoryIsFatal.class);

    private OutOfMemoryIsFatal() {
    }

    /** Makes an {@code OutOfMemoryError} that ends any thread end the process. Call once, first thing in main. */
    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            haltIfOutOfMemory(failure);
            if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                thread.getThreadGroup().uncaughtException(thread, failure);
            }
        });
        if (!jvmFlag("ExitOnOutOfMemoryError") && !jvmFlag("CrashOnOutOfMemoryError")) {
            log.info("Started without -XX:+ExitOnOutOfMemoryError: the service ends itself (status {}) on an "
                    + "OutOfMemoryError it sees; the flag also covers those it does not", EXIT_STATUS);
        }
    }

    /** Halts the process when {@code failure} or one of its causes is an {@code OutOfMemoryError}. */
    public static void haltIfOutOfMemory(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError) {
                halt(t);
            }
        }
    }

    private static void halt(Throwable error) {
        try {
            // Plain stderr: a logger might need the memory there is none of.
            System.err.println("Terminating: java.lang.OutOfMemoryError: " + error.getMessage());
            System.err.flush();
        } finally {
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }

    private static boolean jvmFlag(String name) {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue());
        } catch (RuntimeException notHotSpot) {
            return false;
        }
    }
}
