package org.qiluvalley.planner.store.h2gis;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.h2.api.Trigger;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * H2's row trigger on {@code parcels} (migration {@code db/h2gis/V19}): bumps the register revision and logs the
 * changed row's status, area and bounding boxes (EPSG:4548 metres and CRS84 degrees) before and after, in the
 * writer's own transaction, so both commit or roll back with the change. The bump comes first: its row lock orders
 * concurrent writers, so a reader that sees revision n finds every logged change numbered n or lower committed.
 * Named by class in the migration: do not move or rename it without a migration that re-creates the trigger.
 */
public final class ParcelRegisterChangeTrigger implements Trigger {

    private static final String BUMP = "SELECT revision FROM FINAL TABLE "
            + "(UPDATE parcel_register_revision SET revision = revision + 1 WHERE id = 1)";
    private static final String LOG = "INSERT INTO parcel_register_changes (revision, everything, "
            + "old_status, old_area_m2, old_x_min, old_y_min, old_x_max, old_y_max, "
            + "old_lon_min, old_lat_min, old_lon_max, old_lat_max, "
            + "new_status, new_area_m2, new_x_min, new_y_min, new_x_max, new_y_max, "
            + "new_lon_min, new_lat_min, new_lon_max, new_lat_max) "
            + "VALUES (?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private int status = -1;
    private int area = -1;
    private int geom = -1;
    private int geomCrs84 = -1;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                int position = rs.getInt("ORDINAL_POSITION");
                while (columns.size() < position) {
                    columns.add(null);
                }
                columns.set(position - 1, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        status = columns.indexOf("status");
        area = columns.indexOf("area_m2");
        geom = columns.indexOf("geom");
        geomCrs84 = columns.indexOf("geom_crs84");
        if (status < 0 || area < 0 || geom < 0 || geomCrs84 < 0) {
            throw new SQLException("parcels lacks status, area_m2, geom or geom_crs84: " + columns);
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        long revision;
        try (PreparedStatement bump = connection.prepareStatement(BUMP); ResultSet rs = bump.executeQuery()) {
            rs.next();
            revision = rs.getLong(1);
        }
        try (PreparedStatement log = connection.prepareStatement(LOG)) {
            log.setLong(1, revision);
            bind(log, 2, oldRow);
            bind(log, 12, newRow);
            log.executeUpdate();
        }
    }

    /** Status, area, planar box and CRS84 box of one side of the change (all NULL for the side that is absent). */
    private void bind(PreparedStatement log, int first, Object[] row) throws SQLException {
        if (row == null) {
            for (int i = 0; i < 10; i++) {
                log.setObject(first + i, null);
            }
            return;
        }
        log.setObject(first, row[status]);
        log.setObject(first + 1, row[area]);
        Envelope planar = envelope(row[geom]);
        Envelope crs84 = envelope(row[geomCrs84]);
        log.setDouble(first + 2, planar.getMinX());
        log.setDouble(first + 3, planar.getMinY());
        log.setDouble(first + 4, planar.getMaxX());
        log.setDouble(first + 5, planar.getMaxY());
        log.setDouble(first + 6, crs84.getMinX());
        log.setDouble(first + 7, crs84.getMinY());
        log.setDouble(first + 8, crs84.getMaxX());
        log.setDouble(first + 9, crs84.getMaxY());
    }

    private static Envelope envelope(Object value) throws SQLException {
        if (value instanceof Geometry geometry) {
            return geometry.getEnvelopeInternal();
        }
        if (value instanceof byte[] wkb) {
            try {
                return new WKBReader().read(wkb).getEnvelopeInternal();
            } catch (ParseException e) {
                throw new SQLException("unreadable parcel geometry", e);
            }
        }
        throw new SQLException("unexpected parcel geometry value: " + (value == null ? null : value.getClass()));
    }
}
