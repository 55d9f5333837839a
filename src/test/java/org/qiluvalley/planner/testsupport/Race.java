package org.qiluvalley.planner.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs many calls at once for concurrency tests: every worker waits on one start gate, so the first wave really
 * races instead of trickling in as threads start. Every wait is bounded: a service that deadlocks fails the test
 * with a message instead of hanging the build.
 */
public final class Race {

    /** How long the whole race may take before it counts as a hang (a deadlock, or a request never answered). */
    public static final Duration LIMIT = Duration.ofSeconds(120);

    private Race() {
    }

    /**
     * Runs {@code call(0)} .. {@code call(count - 1)} on {@code threads} threads, all released together.
     *
     * @return the results in call order
     * @throws AssertionError when a call throws, or when the calls do not all finish within {@link #LIMIT}
     */
    public static <T> List<T> run(int count, int threads, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(Math.min(count, threads));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    if (start.getCount() > 0) {
                        ready.countDown();
                        if (!start.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the race never started");
                        }
                    }
                    return call.apply(index);
                }));
            }
            // Let every thread of the first wave reach the gate, then open it for all at once.
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the racing threads did not all start within 30 s");
            }
            start.countDown();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            List<T> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long left = Math.max(0, deadline - System.nanoTime());
                try {
                    results.add(futures.get(i).get(left, TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    throw new AssertionError("call " + i + " of " + count + " did not finish within " + LIMIT.toSeconds()
                            + " s: a deadlock or a request the service never answered");
                } catch (ExecutionException e) {
                    throw new AssertionError("call " + i + " of " + count + " failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
