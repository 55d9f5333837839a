package org.qiluvalley.planner.store.h2gis;

/**
 * Adds the states after the contract ({@code contracted}, {@code reviewed}, {@code revoked}, F10) to the
 * allocations' state check, declared inline in V4 (found by its {@code 'released'}). The PostGIS store does the same
 * in SQL ({@code db/postgis/V14}); the new columns are V15 on both stores.
 */
final class H2gisAllocationStateMigration extends InlineCheckMigration {

    H2gisAllocationStateMigration() {
        super(14, "allocation contract states", "ALLOCATIONS", "'released'", "allocations_state_check",
                "state IN ('proposed', 'approved', 'rejected', 'released', 'contracted', 'reviewed', 'revoked')");
    }
}
