package org.qiluvalley.planner.register;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.qiluvalley.planner.parcel.ParcelChange;
import org.qiluvalley.planner.parcel.RegisterChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's view of the parcel register's revision, and the one place that replays the change log to the
 * {@link RegisterListener}s.
 *
 * <p>{@link #current()} answers with a revision read by a query that <em>started after the call</em>, with every
 * change up to it already applied to the listeners. So a reader that calls it before using a cache sees every write
 * committed before the call, on any instance: a write acknowledged by one instance is never served stale by
 * another. Concurrent calls share queries: while one revision read is in flight, callers that arrived after it
 * started wait for the next one, which serves all of them (one primary-key look-up for a burst of map reads, not one
 * each).
 *
 * <p>Changes are replayed one batch at a time, oldest first. A batch the log cannot replay (pruned, a bulk change
 * logged as "everything", or more than {@link #MAX_REPLAY} rows) resets the listeners instead.
 */
public class RegisterWatch {

    /** More changes than this at once are cheaper to rebuild from than to replay one by one. */
    static final int MAX_REPLAY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(RegisterWatch.class);

    private final RegisterChangeLog changeLog;
    private final int keepChanges;
    private final List<RegisterListener> listeners = new CopyOnWriteArrayList<>();
    private final Object replayLock = new Object();
    /** The revision whose changes every listener has; -1 before the first read. Written under replayLock. */
    private volatile long applied = -1;
    private long replayedSincePrune;

    private final ReentrantLock probeLock = new ReentrantLock();
    private final Condition probeDone = probeLock.newCondition();
    private long probesStarted;
    private long probesFinished;
    private boolean probing;
    private long lastProbed;

    /**
     * @param keepChanges how many logged changes to keep for instances that fall behind; older ones are pruned
     *     (every {@code keepChanges / 10} changes replayed here)
     */
    public RegisterWatch(RegisterChangeLog changeLog, int keepChanges) {
        if (keepChanges < 1) {
            throw new IllegalArgumentException("keepChanges must be at least 1: " + keepChanges);
        }
        this.changeLog = changeLog;
        this.keepChanges = keepChanges;
    }

    /** Adds a listener; it is first {@link RegisterListener#reset reset} to the revision applied so far, if any. */
    public void subscribe(RegisterListener listener) {
        synchronized (replayLock) {
            listeners.add(listener);
            if (applied >= 0) {
                listener.reset(applied);
            }
        }
    }

    /**
     * The register's revision as of a read that started after this call, with every change up to it applied to
     * the listeners before this returns.
     */
    public long current() {
        long revision = probe();
        if (revision > applied) {
            catchUp(revision);
        }
        return Math.max(revision, applied);
    }

    /** The revision the listeners hold (-1 before the first {@link #current()}); no query. */
    public long applied() {
        return applied;
    }

    private void catchUp(long revision) {
        synchronized (replayLock) {
            long from = applied;
            if (revision <= from) {
                return;
            }
            if (from < 0) {
                reset(revision, "first read");
                prune();
                return;
            }
            RegisterChangeLog.Replay replay = changeLog.changes(from, revision);
            if (!replay.complete()) {
                reset(revision, "changes after " + from + " pruned from the log");
                return;
            }
            List<ParcelChange> changes = replay.changes();
            if (changes.size() > MAX_REPLAY || changes.stream().anyMatch(ParcelChange::everything)) {
                reset(revision, changes.size() + " changes, or a bulk change, after " + from);
                return;
            }
            for (RegisterListener listener : listeners) {
                listener.changed(revision, changes);
            }
            applied = revision;
            replayedSincePrune += changes.size();
            if (replayedSincePrune >= Math.max(1, keepChanges / 10)) {
                prune();
            }
        }
    }

    private void reset(long revision, String why) {
        log.debug("Register views reset at revision {}: {}", revision, why);
        for (RegisterListener listener : listeners) {
            listener.reset(revision);
        }
        applied = revision;
    }

    private void prune() {
        replayedSincePrune = 0;
        try {
            changeLog.prune(keepChanges);
        } catch (RuntimeException e) {
            // Pruning is housekeeping; the next one tries again.
            log.warn("Could not prune the parcel register's change log: {}", e.toString());
        }
    }

    /** A revision read that started after this call began; concurrent callers share reads (see the class). */
    private long probe() {
        probeLock.lock();
        try {
            long needed = probesStarted + 1;
            while (probesFinished < needed) {
                if (probing) {
                    probeDone.awaitUninterruptibly();
                    continue;
                }
                probing = true;
                long mine = ++probesStarted;
                long value = 0;
                RuntimeException failure = null;
                probeLock.unlock();
                try {
                    value = changeLog.revision();
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    probeLock.lock();
                    probing = false;
                    probeDone.signalAll();
                }
                if (failure != null) {
                    throw failure;
                }
                probesFinished = mine;
                lastProbed = value;
            }
            return lastProbed;
        } finally {
            probeLock.unlock();
        }
    }
}
