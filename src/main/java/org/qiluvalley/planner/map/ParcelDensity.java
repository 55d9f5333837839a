package org.qiluvalley.planner.map;

import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.ParcelChange;
import org.qiluvalley.planner.parcel.ParcelGridStore;
import org.qiluvalley.planner.parcel.RegisterChangeLog;
import org.qiluvalley.planner.register.RegisterListener;
import org.qiluvalley.planner.register.RegisterWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The density grid of the whole register, kept in memory and up to date change by change. Every request first asks
 * {@link RegisterWatch#current()}, which replays every change committed before the request (on this or any other
 * instance, an import, SQL by hand) into {@link #changed}: each change moves its parcel out of the cells of its old
 * state and into those of its new one (microseconds), so no answer is ever older than the newest committed write
 * and a write does not cost a rebuild. The grid is built in full (one aggregate query over the register, about 3 s
 * at 10^6 parcels) on the first request and after a {@link #reset} (a bulk change, a pruned log).
 *
 * <p>The full build reads the counts and their revision in one snapshot; changes the watch replayed meanwhile, or
 * before the grid existed, are then read from the log, and changes the snapshot already holds are skipped, so
 * none is counted twice or missed.
 */
@Service
public class ParcelDensity implements RegisterListener {

    private static final Logger log = LoggerFactory.getLogger(ParcelDensity.class);

    private final ParcelGridStore store;
    private final RegisterChangeLog changeLog;
    private final RegisterWatch watch;
    /** Guarded by this. Null until built, and after a reset. */
    private DensityGrid grid;
    /** The newest revision the watch has told this listener of; guarded by this. */
    private long told = -1;
    /** Held during a full build, so that one runs at a time; never while waiting for this. */
    private final Object buildLock = new Object();

    public ParcelDensity(ParcelGridStore store, RegisterChangeLog changeLog, RegisterWatch watch) {
        this.store = store;
        this.changeLog = changeLog;
        this.watch = watch;
        watch.subscribe(this);
    }

    /** What one density answer needs, read in one go: the register's totals and envelope, and the cells asked for. */
    record View(DensityGrid.Totals register, Envelope registerEnvelope, List<DensityGrid.Cell> cells) {
    }

    /**
     * The register totals and envelope, and the non-empty cells of size {@code cellSizeMetres} in columns
     * {@code c0..c1} and rows {@code r0..r1} (none when {@code c1 < c0}), as the register is now.
     */
    View view(int cellSizeMetres, long c0, long c1, long r0, long r1) {
        watch.current();
        DensityGrid current = current();
        synchronized (this) {
            return new View(current.register(), current.registerEnvelope(),
                    c1 < c0 ? List.of() : current.cells(cellSizeMetres, c0, c1, r0, r1));
        }
    }

    /** The grid, built first if there is none (one build at a time; others wait for it). */
    private DensityGrid current() {
        synchronized (this) {
            if (grid != null) {
                return grid;
            }
        }
        synchronized (buildLock) {
            while (true) {
                synchronized (this) {
                    if (grid != null) {
                        return grid;
                    }
                }
                // The long query holds no lock the watch needs: changes replayed meanwhile are only recorded
                // (told) and read from the log below.
                long started = System.nanoTime();
                ParcelGridStore.RevisionCounts counts = store.countsAtRevision(DensityLevels.FINEST_METRES);
                DensityGrid built = DensityGrid.of(counts.revision(), counts.cells());
                synchronized (this) {
                    if (told > built.revision()) {
                        RegisterChangeLog.Replay replay = changeLog.changes(built.revision(), told);
                        if (!replay.complete() || replay.changes().stream().anyMatch(ParcelChange::everything)) {
                            continue; // the log moved on meanwhile: count again
                        }
                        grid = built;
                        apply(replay.changes(), told);
                    } else {
                        grid = built;
                    }
                    log.debug("Density grid built at register revision {}: {} parcels, {} ms", grid.revision(),
                            grid.register().available() + grid.register().unavailable(),
                            (System.nanoTime() - started) / 1_000_000);
                    return grid;
                }
            }
        }
    }

    @Override
    public synchronized void changed(long revision, List<ParcelChange> changes) {
        told = Math.max(told, revision);
        if (grid != null) {
            apply(changes, revision);
        }
    }

    @Override
    public synchronized void reset(long revision) {
        told = Math.max(told, revision);
        grid = null;
    }

    private void apply(List<ParcelChange> changes, long upTo) {
        for (ParcelChange change : changes) {
            if (change.revision() > grid.revision()) {
                grid.apply(change);
            }
        }
        grid.advanceTo(upTo);
    }
}
