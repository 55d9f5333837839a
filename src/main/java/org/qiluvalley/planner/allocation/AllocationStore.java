package org.qiluvalley.planner.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

    /** The columns of the contract, its milestones, the review and the revocation (V15), from column 23 on. */
    private static final String CONTRACT_COLUMNS = "contract_number, signed_on, price_wan_yuan, hand_over_by, "
            + "start_by, complete_by, review_on, contracted_by, contracted_at, handed_over_on, started_on, "
            + "completed_on, reviewed_on, review_investment_wan_yuan, review_tax_wan_yuan_per_year, review_area_mu, "
            + "reviewed_by, reviewed_at, revocation_reason, revoked_by, revoked_at";
    /** The industrial-land indicators as proposed (V16), columns 44 and 45; set once, by the proposal. */
    private static final String INDUSTRIAL_COLUMNS = "admin_share, building_coefficient";
    private static final String COLUMNS = "id, parcel_id, state, allottee_name, allottee_type, intended_use, land_use, "
            + "far, coverage, green_ratio, height_m, investment_wan_yuan_per_mu, tax_wan_yuan_per_mu, term_years, "
            + "proposed_by, proposed_at, decided_by, decided_at, released_by, released_at, version, inquiry_id, "
            + CONTRACT_COLUMNS + ", " + INDUSTRIAL_COLUMNS;
    /** Most parcel ids looked up in one query. */
    private static final int IN_CHUNK = 500;

    private final JdbcTemplate jdbc;

    AllocationStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void insert(Allocation a) {
        List<Object> values = new ArrayList<>(java.util.Arrays.asList(a.id(), a.parcelId(), a.state().wireName(),
                a.allotteeName(), a.allotteeType(), a.intendedUse(), a.landUse(), a.indicators().far(),
                a.indicators().coverage(),
                a.indicators().greenRatio(), a.indicators().heightMetres(), a.pledges().investmentWanYuanPerMu(),
                a.pledges().taxWanYuanPerMu(), a.termYears(), a.proposedBy(), ts(a.proposedAt()), a.decidedBy(),
                ts(a.decidedAt()), a.releasedBy(), ts(a.releasedAt()), a.version(), a.inquiryId()));
        values.addAll(contractValues(a));
        values.add(a.indicators().adminShare());
        values.add(a.indicators().buildingCoefficient());
        jdbc.update("INSERT INTO allocations (" + COLUMNS + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")", values.toArray());
    }

    /** The values of {@link #CONTRACT_COLUMNS}, in order (nulls included). */
    private static List<Object> contractValues(Allocation a) {
        Allocation.Contract c = a.contract();
        Allocation.Milestones m = a.milestones();
        Allocation.Review r = a.review();
        Allocation.Revocation v = a.revocation();
        return java.util.Arrays.asList(c == null ? null : c.number(), c == null ? null : c.signedOn(),
                c == null ? null : c.priceWanYuan(), c == null ? null : c.handOverBy(),
                c == null ? null : c.startBy(), c == null ? null : c.completeBy(), c == null ? null : c.reviewOn(),
                c == null ? null : c.by(), c == null ? null : ts(c.at()), m.handedOverOn(), m.startedOn(),
                m.completedOn(), r == null ? null : r.on(), r == null ? null : r.investmentWanYuan(),
                r == null ? null : r.taxWanYuanPerYear(), r == null ? null : r.areaMu(), r == null ? null : r.by(),
                r == null ? null : ts(r.at()), v == null ? null : v.reason(), v == null ? null : v.by(),
                v == null ? null : ts(v.at()));
    }

    /** Compare-and-set on the version; false when it moved on. */
    boolean update(Allocation a, long expectedVersion) {
        List<Object> values = new ArrayList<>(java.util.Arrays.asList(a.state().wireName(), a.decidedBy(),
                ts(a.decidedAt()), a.releasedBy(), ts(a.releasedAt()), a.version()));
        values.addAll(contractValues(a));
        values.add(a.id());
        values.add(expectedVersion);
        StringBuilder set = new StringBuilder();
        for (String column : CONTRACT_COLUMNS.split(", ")) {
            set.append(", ").append(column).append(" = ?");
        }
        return jdbc.update("UPDATE allocations SET state = ?, decided_by = ?, decided_at = ?, released_by = ?, "
                + "released_at = ?, version = ?" + set + " WHERE id = ? AND version = ?", values.toArray()) == 1;
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

    /** Every allocation under a transfer contract ({@code contracted} or {@code reviewed}), by parcel id. */
    List<Allocation> underContract() {
        return jdbc.query("SELECT " + COLUMNS + " FROM allocations WHERE state IN (?, ?) ORDER BY parcel_id, id",
                AllocationStore::read, AllocationState.CONTRACTED.wireName(), AllocationState.REVIEWED.wireName());
    }

    /** The live (proposed, approved, contracted or reviewed) allocation of each of these parcels that has one. */
    public Map<String, Allocation> liveByParcel(Collection<String> parcelIds) {
        Map<String, Allocation> live = new HashMap<>();
        List<String> ids = List.copyOf(parcelIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> values = new ArrayList<>(chunk);
            List<String> states = AllocationState.liveWireNames();
            values.addAll(states);
            jdbc.query("SELECT " + COLUMNS + " FROM allocations WHERE parcel_id IN (" + marks + ") AND state IN ("
                    + String.join(", ", java.util.Collections.nCopies(states.size(), "?")) + ")",
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
                new Candidate.ProposedIndicators(dbl(rs, 8), dbl(rs, 9), dbl(rs, 10), dbl(rs, 11), dbl(rs, 44),
                        dbl(rs, 45)),
                new Candidate.Pledges(dbl(rs, 12), dbl(rs, 13)), rs.getInt(14), rs.getString(22),
                rs.getString(15), instant(rs, 16),
                rs.getString(17), instant(rs, 18), rs.getString(19), instant(rs, 20), contract(rs),
                new Allocation.Milestones(date(rs, 32), date(rs, 33), date(rs, 34)), review(rs), revocation(rs),
                rs.getLong(21));
    }

    private static Allocation.Contract contract(ResultSet rs) throws SQLException {
        String number = rs.getString(23);
        return number == null ? null : new Allocation.Contract(number, date(rs, 24), rs.getDouble(25), date(rs, 26),
                date(rs, 27), date(rs, 28), date(rs, 29), rs.getString(30), instant(rs, 31));
    }

    private static Allocation.Review review(ResultSet rs) throws SQLException {
        LocalDate on = date(rs, 35);
        return on == null ? null : new Allocation.Review(on, rs.getDouble(36), rs.getDouble(37), rs.getDouble(38),
                rs.getString(39), instant(rs, 40));
    }

    private static Allocation.Revocation revocation(ResultSet rs) throws SQLException {
        String reason = rs.getString(41);
        return reason == null ? null : new Allocation.Revocation(reason, rs.getString(42), instant(rs, 43));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
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
