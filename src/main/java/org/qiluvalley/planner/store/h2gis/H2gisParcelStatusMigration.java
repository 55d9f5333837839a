package org.qiluvalley.planner.store.h2gis;

/**
 * Adds status {@code retired} (a parcel superseded by a split or a merge, F9) to the parcels' status check, declared
 * inline in V1. The PostGIS store does the same in SQL ({@code db/postgis/V11}).
 */
final class H2gisParcelStatusMigration extends InlineCheckMigration {

    H2gisParcelStatusMigration() {
        super(11, "parcel status retired", "PARCELS", "'withdrawn'", "parcels_status_check",
                "status IN ('available', 'reserved', 'allocated', 'withdrawn', 'retired')");
    }
}
