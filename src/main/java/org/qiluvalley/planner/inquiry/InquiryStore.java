package org.qiluvalley.planner.inquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code inquiries} table (V4, with the rate limit's keys from V10) and its rate-limit lock slots
 * ({@code inquiry_client_locks}, V6). Joins the caller's
 * transaction (the parcel store's {@code inTransaction}, same data source), so an inquiry and its audit event
 * commit together, and a slot lock is held until that transaction ends.
 */
@Component
class InquiryStore {

    /** Rows of {@code inquiry_client_locks}, slots 0 to 255 (db/h2gis/V6, db/postgis/V6). */
    static final int LOCK_SLOTS = 256;

    private static final String COLUMNS = "id, parcel_id, company, contact, message, submitted_by, client_key, state, "
            + "created_at, closed_by, closed_at, closing_note";

    private final JdbcTemplate jdbc;

    InquiryStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** What an inquiry is counted by: its client's address, its account (when signed in) and its contact. */
    enum CountedBy {
        ADDRESS("address_key"), ACCOUNT("submitted_by"), CONTACT("contact_key");

        /** The column, a constant of ours: never a client string. */
        private final String column;

        CountedBy(String column) {
            this.column = column;
        }
    }

    /**
     * Locks the slots of these keys until the surrounding transaction ends, in ascending slot order (so two
     * transactions locking overlapping sets cannot deadlock); another transaction locking any of the same slots (a
     * submission sharing a key, or the rare one whose key hashes alike) waits. {@link String#hashCode} is specified
     * by the language, so every instance of the service picks the same slot for a key.
     */
    void lockKeys(java.util.Collection<String> keys) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("lockKeys needs a transaction: call it inside inTransaction");
        }
        java.util.SortedSet<Integer> slots = new java.util.TreeSet<>();
        for (String key : keys) {
            slots.add(Math.floorMod(key.hashCode(), LOCK_SLOTS));
        }
        for (int slot : slots) {
            List<Integer> locked = jdbc.query("SELECT slot FROM inquiry_client_locks WHERE slot = ? FOR UPDATE",
                    (rs, n) -> rs.getInt(1), slot);
            if (locked.size() != 1) {
                // Without the row nothing would be locked and the limit could be overrun: refuse rather than pretend.
                throw new IllegalStateException("inquiry_client_locks has no slot " + slot + "; is migration V6 applied?");
            }
        }
    }

    /**
     * When the inquiries with this address, account or contact made after {@code since} were created, newest
     * first, at most {@code limit}.
     */
    List<Instant> createdSince(CountedBy by, String key, Instant since, int limit) {
        return jdbc.query("SELECT created_at FROM inquiries WHERE " + by.column + " = ? AND created_at > ? "
                + "ORDER BY created_at DESC LIMIT ?", (rs, n) -> rs.getTimestamp(1).toInstant(), key,
                Timestamp.from(since), limit);
    }

    /** Stores an inquiry with the keys it is counted by ({@link CountedBy}). */
    void insert(Inquiry q, String addressKey, String contactKey) {
        jdbc.update("INSERT INTO inquiries (" + COLUMNS + ", address_key, contact_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", q.id(), q.parcelId(), q.company(), q.contact(),
                q.message(), q.submittedBy(), q.clientKey(), q.state().wireName(), ts(q.createdAt()), q.closedBy(),
                ts(q.closedAt()), q.closingNote(), addressKey, contactKey);
    }

    /** Closes an open inquiry; false when it is not open (closed already, or absent): nothing changed. */
    boolean close(Inquiry closed) {
        return jdbc.update("UPDATE inquiries SET state = ?, closed_by = ?, closed_at = ?, closing_note = ? "
                + "WHERE id = ? AND state = ?", closed.state().wireName(), closed.closedBy(), ts(closed.closedAt()),
                closed.closingNote(), closed.id(), InquiryState.OPEN.wireName()) == 1;
    }

    Optional<Inquiry> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inquiries WHERE id = ?", InquiryStore::read, id).stream()
                .findFirst();
    }

    /**
     * A page of inquiries, newest first; {@code state}, {@code parcelId} and {@code submittedBy} filter when not
     * null.
     */
    List<Inquiry> list(InquiryState state, String parcelId, String submittedBy, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM inquiries WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            values.add(state.wireName());
        }
        if (parcelId != null) {
            sql.append(" AND parcel_id = ?");
            values.add(parcelId);
        }
        if (submittedBy != null) {
            sql.append(" AND submitted_by = ?");
            values.add(submittedBy);
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
        values.add(limit);
        values.add(offset);
        return jdbc.query(sql.toString(), InquiryStore::read, values.toArray());
    }

    private static Inquiry read(ResultSet rs, int row) throws SQLException {
        return new Inquiry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), InquiryState.fromWireName(rs.getString(8)).orElseThrow(),
                rs.getTimestamp(9).toInstant(), rs.getString(10), instant(rs, 11), rs.getString(12));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
