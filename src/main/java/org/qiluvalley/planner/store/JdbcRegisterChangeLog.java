package org.qiluvalley.planner.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.ParcelChange;
import org.qiluvalley.planner.parcel.RegisterChangeLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RegisterChangeLog} over JDBC, one SQL text for H2GIS and PostGIS. The log's rows and its lower bound are
 * read in one repeatable-read snapshot, so a prune that runs meanwhile cannot make rows vanish unnoticed.
 */
public class JdbcRegisterChangeLog implements RegisterChangeLog {

    static final String REVISION_SQL = "SELECT revision FROM parcel_register_revision WHERE id = 1";
    private static final String SIDE = "status, %1$s_area_m2, %1$s_x_min, %1$s_y_min, %1$s_x_max, %1$s_y_max, "
            + "%1$s_lon_min, %1$s_lat_min, %1$s_lon_max, %1$s_lat_max";
    private static final String CHANGES_SQL = "SELECT revision, everything, old_" + SIDE.formatted("old") + ", new_"
            + SIDE.formatted("new") + " FROM parcel_register_changes WHERE revision > ? AND revision <= ? "
            + "ORDER BY revision";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    /** Read committed (the default): a repeatable-read UPDATE of the revision row would fail against writers. */
    private final TransactionTemplate writes;

    public JdbcRegisterChangeLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.writes = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public long revision() {
        Long revision = jdbc.queryForObject(REVISION_SQL, Long.class);
        if (revision == null) {
            throw new IllegalStateException("parcel_register_revision has no row: migration V9 missing?");
        }
        return revision;
    }

    @Override
    public Replay changes(long after, long upTo) {
        return snapshot.execute(status -> {
            Long loggedFrom = jdbc.queryForObject("SELECT logged_from FROM parcel_register_revision WHERE id = 1",
                    Long.class);
            if (loggedFrom == null || loggedFrom > after + 1) {
                return Replay.incomplete();
            }
            List<ParcelChange> changes = jdbc.query(CHANGES_SQL, (rs, n) -> rs.getBoolean(2)
                    ? ParcelChange.everything(rs.getLong(1))
                    : new ParcelChange(rs.getLong(1), false, side(rs, 3), side(rs, 13)), after, upTo);
            return new Replay(true, changes);
        });
    }

    @Override
    public void prune(int keepRows) {
        if (keepRows < 0) {
            throw new IllegalArgumentException("keepRows must not be negative: " + keepRows);
        }
        List<Long> cut = jdbc.queryForList("SELECT revision FROM parcel_register_changes ORDER BY revision DESC "
                + "OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY", Long.class, keepRows);
        if (cut.isEmpty()) {
            return;
        }
        // Whole revisions only: everything at or below the cut goes, and the bound says so before the rows go
        // (both in one transaction; the bound's row lock orders this with the writers' bumps).
        long below = cut.get(0);
        writes.executeWithoutResult(status -> {
            jdbc.update("UPDATE parcel_register_revision SET logged_from = ? WHERE id = 1 AND logged_from <= ?",
                    below + 1, below);
            jdbc.update("DELETE FROM parcel_register_changes WHERE revision <= ?", below);
        });
    }

    private static ParcelChange.Side side(ResultSet rs, int first) throws SQLException {
        String status = rs.getString(first);
        if (status == null) {
            return null;
        }
        return new ParcelChange.Side(status, rs.getDouble(first + 1),
                new Envelope(rs.getDouble(first + 2), rs.getDouble(first + 4), rs.getDouble(first + 3),
                        rs.getDouble(first + 5)),
                new Envelope(rs.getDouble(first + 6), rs.getDouble(first + 8), rs.getDouble(first + 7),
                        rs.getDouble(first + 9)));
    }
}
