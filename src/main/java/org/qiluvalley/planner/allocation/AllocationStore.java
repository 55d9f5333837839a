package org.qiluvalley.planner.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.qiluvalley.planner.rules.Candidate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code allocations} table. Joins the caller's transaction (same data source as the parcel store), so a
 * transition, its parcel status change and its audit event commit together.
 */
@Component
public class AllocationStore {

    private static final String COLUMNS = "id, parcel_id, state, allottee_name, allottee_type, intended_use, land_use, "
            + "far, coverage, green_ratio, height_m, investment_wan_yuan_per_mu, tax_wan_yuan_per_mu, term_years, "
            + "proposed_by, proposed_at, decided_by, decided_at, released_by, released_at, version, inquiry_id";
    /** Most parcel ids looked up in one query. */
    private static final int IN_CHUNK = 500;

    private final JdbcTemplate jdbc;

    AllocationStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void insert(Allocation a) {
        jdbc.update("INSERT INTO allocations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?)", a.id(), a.parcelId(), a.state().wireName(), a.allotteeName(), a.allotteeType(),
                a.intendedUse(), a.landUse(), a.indicators().far(), a.indicators().coverage(),
                a.indicators().greenRatio(), a.indicators().heightMetres(), a.pledges().investmentWanYuanPerMu(),
                a.pledges().taxWanYuanPerMu(), a.termYears(), a.proposedBy(), ts(a.proposedAt()), a.decidedBy(),
                ts(a.decidedAt()), a.releasedBy(), ts(a.releasedAt()), a.version(), a.inquiryId());
    }

    /** Compare-and-set on the version; false when it moved on. */
    boolean update(Allocation a, long expectedVersion) {
        return jdbc.update("UPDATE allocations SET state = ?, decided_by = ?, decided_at = ?, released_by = ?, "
                + "released_at = ?, version = ? WHERE id = ? AND version = ?", a.state().wireName(), a.decidedBy(),
                ts(a.decidedAt()), a.releasedBy(), ts(a.releasedAt()), a.version(), a.id(), expectedVersion) == 1;
    }

    public Optional<Allocation> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM allocations WHERE id = ?", AllocationStore::read, id).stream()
                .findFirst();
    }

    /** A page of allocations, newest proposal first; {@code state} and {@code parcelId} filter when not null. */
    List<Allocation> list(AllocationState state, String parcelId, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM allocations WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            values.add(state.wireName());
        }
        if (parcelId != null) {
            sql.append(" AND parcel_id = ?");
            values.add(parcelId);
        }
        sql.append(" ORDER BY proposed_at DESC, id LIMIT ? OFFSET ?");
        values.add(limit);
        values.add(offset);
        return jdbc.query(sql.toString(), AllocationStore::read, values.toArray());
    }

    /** The live (proposed or approved) allocation of each of these parcels that has one. */
    public Map<String, Allocation> liveByParcel(Collection<String> parcelIds) {
        Map<String, Allocation> live = new HashMap<>();
        List<String> ids = List.copyOf(parcelIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> values = new ArrayList<>(chunk);
            values.add(AllocationState.PROPOSED.wireName());
            values.add(AllocationState.APPROVED.wireName());
            jdbc.query("SELECT " + COLUMNS + " FROM allocations WHERE parcel_id IN (" + marks + ") AND state IN (?, ?)",
                    (ResultSet rs) -> {
                        Allocation a = read(rs, 0);
                        live.put(a.parcelId(), a);
                    }, values.toArray());
        }
        return live;
    }

    private static Allocation read(ResultSet rs, int row) throws SQLException {
        return new Allocation(rs.getString(1), rs.getString(2),
                AllocationState.fromWireName(rs.getString(3)).orElseThrow(), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7),
                new Candidate.ProposedIndicators(dbl(rs, 8), dbl(rs, 9), dbl(rs, 10), dbl(rs, 11)),
                new Candidate.Pledges(dbl(rs, 12), dbl(rs, 13)), rs.getInt(14), rs.getString(22),
                rs.getString(15), instant(rs, 16),
                rs.getString(17), instant(rs, 18), rs.getString(19), instant(rs, 20), rs.getLong(21));
    }

    private static Double dbl(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
