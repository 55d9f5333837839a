package org.qiluvalley.planner.map;

import org.qiluvalley.planner.parcel.ParcelGridStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The density grid of the whole register, kept in memory per register revision. Every request reads the revision
 * (one primary-key look-up, {@link ParcelGridStore#registerRevision}); while it is unchanged the grid in memory
 * answers, and when it has moved (a write on this or any other instance, an import, SQL by hand) the grid is rebuilt
 * with one aggregate query over the register before the request is answered. So no answer is ever older than the
 * newest committed write, and a register that is not being written costs no scan at all.
 *
 * <p>The revision is read before the counts: the counts are then at least as new as the revision they are kept
 * under, so a write that commits during a rebuild is either in the grid or makes the next request rebuild again.
 * Rebuilds are one at a time; requests arriving meanwhile wait for that rebuild rather than starting their own.
 */
@Service
public class ParcelDensity {

    private static final Logger log = LoggerFactory.getLogger(ParcelDensity.class);

    private final ParcelGridStore store;
    private volatile DensityGrid grid;
    private final Object rebuildLock = new Object();

    public ParcelDensity(ParcelGridStore store) {
        this.store = store;
    }

    /** The grid of the register as it is now. */
    DensityGrid current() {
        long revision = store.registerRevision();
        DensityGrid cached = grid;
        if (cached != null && cached.revision() == revision) {
            return cached;
        }
        synchronized (rebuildLock) {
            // Someone may have rebuilt while this request waited; read the revision again and use theirs if current.
            long now = store.registerRevision();
            cached = grid;
            if (cached != null && cached.revision() == now) {
                return cached;
            }
            long started = System.nanoTime();
            DensityGrid rebuilt = DensityGrid.of(now, store.countsByCell(DensityLevels.FINEST_METRES));
            grid = rebuilt;
            log.debug("Density grid rebuilt for register revision {}: {} parcels, {} ms", now,
                    rebuilt.register().available() + rebuilt.register().unavailable(),
                    (System.nanoTime() - started) / 1_000_000);
            return rebuilt;
        }
    }
}
