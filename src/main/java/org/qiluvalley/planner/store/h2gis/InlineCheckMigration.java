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
 * Replaces a CHECK constraint that an early migration declared inline, so that H2 gave it a generated name
 * ({@code CONSTRAINT_8F}-like) that differs between databases: the check is found in {@code INFORMATION_SCHEMA} by
 * its table and a literal only it contains, dropped, and added again under a fixed name with the new condition. The
 * PostGIS store does the same in plain SQL, where the inline check has PostgreSQL's default name.
 */
abstract class InlineCheckMigration implements JavaMigration {

    private final int version;
    private final String description;
    private final String table;
    private final String clue;
    private final String constraint;
    private final String condition;

    /**
     * @param table the table, as H2's catalogue spells it (upper case)
     * @param clue a literal of the old check's clause that no other check of the table has, e.g. {@code 'released'}
     * @param constraint the name of the new constraint
     * @param condition the new check's condition, SQL
     */
    InlineCheckMigration(int version, String description, String table, String clue, String constraint,
            String condition) {
        this.version = version;
        this.description = description;
        this.table = table;
        this.clue = clue;
        this.constraint = constraint;
        this.condition = condition;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return version;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        List<String> found = new ArrayList<>();
        try (PreparedStatement find = context.getConnection().prepareStatement("SELECT c.CONSTRAINT_NAME FROM "
                + "INFORMATION_SCHEMA.TABLE_CONSTRAINTS t JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c "
                + "ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME "
                + "WHERE t.TABLE_NAME = ? AND t.CONSTRAINT_TYPE = 'CHECK' AND c.CHECK_CLAUSE LIKE ?")) {
            find.setString(1, table);
            find.setString(2, "%" + clue + "%");
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        try (Statement alter = context.getConnection().createStatement()) {
            for (String name : found) {
                // The names come from the database's own catalogue and this class's callers, never from a client.
                alter.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
            alter.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " CHECK (" + condition + ")");
        }
    }
}
