package org.qiluvalley.planner.register;

import java.util.List;

import org.qiluvalley.planner.parcel.ParcelChange;

/**
 * Something derived from the whole parcel register and kept in memory (the tile cache, the density grid), told by
 * {@link RegisterWatch} of every committed change in revision order, one call at a time.
 */
public interface RegisterListener {

    /**
     * The register is now at {@code revision}; {@code changes} are every change after the previous call's revision up
     * to it, oldest first, none of them {@link ParcelChange#everything()}.
     */
    void changed(long revision, List<ParcelChange> changes);

    /**
     * The register is now at {@code revision}, and what changed before it is not known one by one (first contact,
     * a pruned log, a bulk change): drop or rebuild everything derived.
     */
    void reset(long revision);
}
