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
 * Adds status {@code retired} (a parcel superseded by a split or a merge) to the parcels' status check. V1 declared
 * that check inline, so H2 gave it a generated name ({@code CONSTRAINT_8F}-like) that differs between databases: it
 * is looked up in {@code INFORMATION_SCHEMA} and replaced by a named one. The PostGIS store does the same in SQL
 * ({@code db/postgis/V11}), where the name is PostgreSQL's default {@code parcels_status_check}.
 */
final class H2gisParcelStatusMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "parcel status retired";
    }

    @Override
    public Integer getChecksum() {
        return 11;
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
                + "WHERE t.TABLE_NAME = 'PARCELS' AND t.CONSTRAINT_TYPE = 'CHECK' AND c.CHECK_CLAUSE LIKE ?")) {
            find.setString(1, "%'withdrawn'%");
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    statusChecks.add(rs.getString(1));
                }
            }
        }
        try (Statement alter = context.getConnection().createStatement()) {
            for (String name : statusChecks) {
                // The name comes from the database's own catalogue, never from a client; quoted as an identifier.
                alter.execute("ALTER TABLE parcels DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
            alter.execute("ALTER TABLE parcels ADD CONSTRAINT parcels_status_check CHECK (status IN ('available', "
                    + "'reserved', 'allocated', 'withdrawn', 'retired'))");
        }
    }
}
