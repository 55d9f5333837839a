package org.qiluvalley.planner.parcel;

import java.util.List;

/**
 * The parcel register's revision and its log of changes (migrations V9 and V19), kept by a database trigger on
 * {@code parcels} in the writer's transaction, whoever wrote (the API, an import, SQL by hand). Readers that derive
 * something from the whole register (the tile cache, the density grid) hold a revision and replay the changes after
 * it instead of rebuilding. Both stores implement it with the same SQL ({@code store/JdbcRegisterChangeLog}).
 */
public interface RegisterChangeLog {

    /**
     * The newest committed revision: one primary-key look-up. Every change numbered at or below it is committed and
     * visible to a statement that starts after this one returned.
     */
    long revision();

    /**
     * The changes numbered {@code after + 1} to {@code upTo}, oldest first; or {@link Replay#incomplete()} when the
     * log no longer holds all of them (pruned). Read in one snapshot together with the log's lower bound.
     */
    Replay changes(long after, long upTo);

    /**
     * Drops logged changes but the newest {@code keepRows} rows (whole revisions), raising the log's lower bound;
     * readers that held an older revision than the new bound then rebuild.
     */
    void prune(int keepRows);

    /** Changes to replay, or {@code complete == false} when some were pruned and the reader must rebuild. */
    record Replay(boolean complete, List<ParcelChange> changes) {

        public static Replay incomplete() {
            return new Replay(false, List.of());
        }
    }
}
