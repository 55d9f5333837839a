package org.qiluvalley.planner.store.h2gis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's statement trigger on {@code parcels} (migration {@code db/h2gis/V9}): bumps the register revision in the
 * writer's own transaction, so it commits or rolls back with the change. Named by class in the migration: do not
 * move or rename it without a migration that re-creates the trigger.
 */
public final class ParcelRegisterRevisionTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement(
                "UPDATE parcel_register_revision SET revision = revision + 1 WHERE id = 1")) {
            bump.executeUpdate();
        }
    }
}
