package org.qiluvalley.planner.store.h2gis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.MVStoreTool;
import org.h2.mvstore.db.NullValueDataType;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.rtree.MVRTreeMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.tx.VersionedValueType;
import org.h2.mvstore.type.MetaType;
import org.h2.value.Value;
import org.h2.value.VersionedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls back the transactions a killed process left unfinished in the embedded database file, before H2 opens it.
 *
 * <p>Why: H2 2.4.240 cannot do this itself when one of those transactions changed a spatial index. On opening, it
 * reads each unfinished transaction's undo log and opens every map the log names with its generic map builder, which
 * cannot build the R-tree map of a {@code SPATIAL INDEX}: "ValueDataType cannot be cast to SpatialDataType", and
 * the file never opens again. That happens whenever the process dies while a parcel write is open and another
 * commit has just written that write's undo log to disk (with {@code WRITE_DELAY=0}, any concurrent commit does).
 * (H2 2.5.252 opens such a file but leaves the unfinished transaction's rows in place, which is worse: a write that
 * was never acknowledged would appear.) So the R-tree maps are opened here with their own builder first, the way
 * {@code MVSpatialIndex} opens them, and H2's own {@link TransactionStore} then rolls back exactly as H2 does.
 *
 * <p>A cleanly closed file has no undo log with data; then the file is only opened and closed (milliseconds).
 */
final class LeftoverTransactions {

    private static final Logger log = LoggerFactory.getLogger(LeftoverTransactions.class);

    /** H2's prefix of the per-transaction undo log maps ({@code undoLog.N}, {@code undoLog-N}). */
    private static final String UNDO_LOG_PREFIX = "undoLog";

    private LeftoverTransactions() {
    }

    /**
     * Rolls back the unfinished transactions of the H2 file {@code mvFile} ({@code ….mv.db}), if it exists.
     *
     * @return how many transactions were rolled back
     */
    static int rollBack(Path mvFile) {
        // As H2 does before opening: finish or discard what a compaction killed half-way left next to the file.
        MVStoreTool.compactCleanUp(mvFile.toString());
        if (!Files.isRegularFile(mvFile)) {
            return 0;
        }
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(mvFile.toString()).autoCommitDisabled().open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                // Open in this process or another: its transactions are not leftovers, and H2 itself says whether
                // the database can be shared.
                return 0;
            }
            throw e;
        }
        try {
            if (store.getMapNames().stream().noneMatch(name -> name.startsWith(UNDO_LOG_PREFIX)
                    && store.hasData(name))) {
                return 0;
            }
            openSpatialIndexMaps(store);
            // No Database: the same data types H2's own recovery tool reads the file with; the undo records only
            // need their keys and old values read back and written into their maps.
            TransactionStore transactions = new TransactionStore(store, new MetaType<>(null, null),
                    new ValueDataType(), 0);
            transactions.init();
            int unfinished = transactions.getOpenTransactions().size();
            transactions.endLeftoverTransactions();
            store.commit();
            log.warn("The embedded database {} was not closed cleanly: ended {} unfinished transaction(s) before "
                    + "opening it (rolled back, none of them had been acknowledged)", mvFile, unfinished);
            return unfinished;
        } finally {
            store.close();
        }
    }

    private static void openSpatialIndexMaps(MVStore store) {
        Map<String, String> meta = store.getMetaMap();
        for (String name : store.getMapNames()) {
            String id = meta.get(DataUtils.META_NAME + name);
            Map<String, String> config = id == null ? Map.of() : DataUtils.parseMap(meta.get(DataUtils.META_MAP + id));
            if ("rtree".equals(config.get("type"))) {
                store.openMap(name, new MVRTreeMap.Builder<VersionedValue<Value>>()
                        .valueType(new VersionedValueType<Value, Object>(NullValueDataType.INSTANCE)));
            }
        }
    }
}
