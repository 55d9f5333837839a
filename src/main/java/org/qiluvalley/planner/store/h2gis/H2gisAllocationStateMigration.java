package org.qiluvalley.planner.store.h2gis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Adds the states after the contract ({@code contracted}, {@code reviewed}, {@code revoked}, F10) to the
 * allocations' state check. V4 declared that check inline, so H2 gave it a generated name that differs between
 * databases: it is looked up in {@code INFORMATION_SCHEMA} (the check on the allocations that names
 * {@code 'released'}) and replaced by a named one, as {@link H2gisParcelStatusMigration} does for the parcels. The
 * PostGIS store does the same in SQL ({@code db/postgis/V14}); the new columns are V15 on both stores.
 */
final class H2gisAllocationStateMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "allocation contract states";
    }

    @Override
    public Integer getChecksum() {
        return 14;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        List<String> statusChecks = new ArrayList<>();
        try (PreparedStatement find = context.getConnection().prepareStatement("SELECT c.CONSTRAINT_NAME FROM "
                + "INFORMATION_SCHEMA.TABLE_CONSTRAINTS t JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c "
                + "ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME "
                + "WHERE t.TABLE_NAME = 'ALLOCATIONS' AND t.CONSTRAINT_TYPE = 'CHECK' AND c.CHECK_CLAUSE LIKE ?")) {
            find.setString(1, "%'released'%");
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    statusChecks.add(rs.getString(1));
                }
            }
        }
        try (Statement alter = context.getConnection().createStatement()) {
            for (String name : statusChecks) {
                // The name comes from the database's own catalogue, never from a client; quoted as an identifier.
                alter.execute("ALTER TABLE allocations DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
            alter.execute("ALTER TABLE allocations ADD CONSTRAINT allocations_state_check CHECK (state IN ("
                    + "'proposed', 'approved', 'rejected', 'released', 'contracted', 'reviewed', 'revoked'))");
        }
    }
}
