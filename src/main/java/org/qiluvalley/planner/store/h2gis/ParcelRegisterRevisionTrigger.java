package org.qiluvalley.planner.store.h2gis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's statement trigger on {@code parcels} of migration {@code db/h2gis/V9}: bumps the register revision in the
 * writer's own transaction. Migration V19 drops it for {@link ParcelRegisterChangeTrigger}, which also logs the
 * changed rows; it stays because V9 names it, and a new database runs V9 before V19.
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
