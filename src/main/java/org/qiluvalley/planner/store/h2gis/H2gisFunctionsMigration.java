package org.qiluvalley.planner.store.h2gis;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.h2gis.functions.factory.H2GISFunctions;

/**
 * Registers the H2GIS spatial functions ({@code ST_Intersects}, {@code ST_Transform}, ...) in the database, once:
 * they are stored as aliases, so this is a migration rather than a start-up step.
 */
final class H2gisFunctionsMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "H2GIS functions";
    }

    @Override
    public Integer getChecksum() {
        return 2;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        H2GISFunctions.load(context.getConnection());
    }
}
