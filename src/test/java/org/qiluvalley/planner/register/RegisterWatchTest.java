package org.qiluvalley.planner.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.ParcelChange;
import org.qiluvalley.planner.parcel.RegisterChangeLog;

/** Replaying the change log, and sharing revision reads without ever answering with one older than the call. */
class RegisterWatchTest {

    /** A change log in memory: a revision counter and the changes logged so far. */
    static class Log implements RegisterChangeLog {
        final AtomicLong revision = new AtomicLong(1);
        final List<ParcelChange> changes = new ArrayList<>();
        final AtomicInteger revisionReads = new AtomicInteger();
        volatile long loggedFrom = 1;
        volatile CountDownLatch readStarted;
        volatile CountDownLatch releaseRead;

        synchronized void write(ParcelChange... logged) {
            long next = revision.get() + 1;
            for (ParcelChange change : logged) {
                changes.add(new ParcelChange(next, change.everything(), change.before(), change.after()));
            }
            revision.set(next);
        }

        @Override
        public long revision() {
            revisionReads.incrementAndGet();
            long seen = revision.get(); // what a query that starts now sees
            CountDownLatch started = readStarted;
            if (started != null) {
                readStarted = null;
                started.countDown();
                try {
                    releaseRead.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return seen;
        }

        @Override
        public synchronized Replay changes(long after, long upTo) {
            if (loggedFrom > after + 1) {
                return Replay.incomplete();
            }
            return new Replay(true, changes.stream().filter(c -> c.revision() > after && c.revision() <= upTo)
                    .toList());
        }

        @Override
        public void prune(int keepRows) {
        }
    }

    /** Records what it is told. */
    static class Recorder implements RegisterListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized void changed(long revision, List<ParcelChange> changes) {
            calls.add("changed " + revision + " " + changes.size());
        }

        @Override
        public synchronized void reset(long revision) {
            calls.add("reset " + revision);
        }
    }

    static ParcelChange change() {
        ParcelChange.Side side = new ParcelChange.Side("available", 100, new Envelope(0, 1, 0, 1),
                new Envelope(117, 117.001, 36, 36.001));
        return new ParcelChange(0, false, side, side);
    }

    @Test
    void theFirstReadResetsThenChangesAreReplayedInOrderAndWideOnesReset() {
        Log log = new Log();
        RegisterWatch watch = new RegisterWatch(log, 1000);
        Recorder recorder = new Recorder();
        watch.subscribe(recorder);

        assertThat(watch.current()).isEqualTo(1);
        log.write(change(), change());
        log.write(change());
        assertThat(watch.current()).isEqualTo(3);
        assertThat(watch.current()).as("nothing new").isEqualTo(3);
        log.write(ParcelChange.everything(0));
        assertThat(watch.current()).isEqualTo(4);
        log.write(change());
        log.loggedFrom = 6; // revision 5's rows pruned
        assertThat(watch.current()).isEqualTo(5);

        assertThat(recorder.calls).containsExactly("reset 1", "changed 3 3", "reset 4", "reset 5");
        Recorder late = new Recorder();
        watch.subscribe(late);
        assertThat(late.calls).as("a listener added later starts from the revision held").containsExactly("reset 5");
    }

    /**
     * A call that arrives while another call's revision read is under way must not take that read's answer: the
     * read may have started before a write the caller has seen committed. It waits for the next read.
     */
    @Test
    void aCallNeverAnswersWithARevisionReadThatStartedBeforeIt() throws Exception {
        Log log = new Log();
        RegisterWatch watch = new RegisterWatch(log, 1000);
        watch.current();
        log.readStarted = new CountDownLatch(1);
        log.releaseRead = new CountDownLatch(1);
        CountDownLatch started = log.readStarted;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Long> early = CompletableFuture.supplyAsync(watch::current, threads);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            log.write(change()); // committed after the early read started, before the late call
            CompletableFuture<Long> late = CompletableFuture.supplyAsync(watch::current, threads);
            Thread.sleep(100);
            log.releaseRead.countDown();

            assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(late.get(10, TimeUnit.SECONDS)).as("sees the write committed before it was called")
                    .isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Many concurrent callers share reads: far fewer queries than calls, every answer current. */
    @Test
    void concurrentCallsShareRevisionReads() throws Exception {
        Log log = new Log();
        RegisterWatch watch = new RegisterWatch(log, 1000);
        log.write(change());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Long>> calls = new ArrayList<>();
            log.readStarted = new CountDownLatch(1);
            log.releaseRead = new CountDownLatch(1);
            CountDownLatch started = log.readStarted;
            calls.add(CompletableFuture.supplyAsync(watch::current, threads));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                calls.add(CompletableFuture.supplyAsync(watch::current, threads));
            }
            Thread.sleep(100);
            log.releaseRead.countDown();
            for (CompletableFuture<Long> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            }
            assertThat(log.revisionReads.get()).as("reads for 8 calls: the first, then one shared by 7")
                    .isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }
}
