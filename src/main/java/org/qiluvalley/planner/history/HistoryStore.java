package org.qiluvalley.planner.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code audit_events} table. {@link #record} joins the caller's transaction (the store's
 * {@code inTransaction}, same data source), so a change and its event commit or roll back together.
 */
@Component
public class HistoryStore {

    /** The most events one feature's history returns at once, newest last. */
    public static final int MAX_EVENTS = 1000;

    private final JdbcTemplate jdbc;

    public HistoryStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Appends an event; {@code beforeJson} or {@code afterJson} may be null. */
    public void record(String actor, String action, String featureType, String featureId, String beforeJson,
            String afterJson) {
        jdbc.update("INSERT INTO audit_events (occurred_at, actor, action, feature_type, feature_id, before_json, "
                + "after_json) VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)),
                actor, action, featureType, featureId, beforeJson, afterJson);
    }

    /** The events of one feature, oldest first (at most {@link #MAX_EVENTS}, the newest ones). */
    public List<AuditEvent> forFeature(String featureId) {
        List<AuditEvent> newestFirst = jdbc.query("SELECT id, occurred_at, actor, action, feature_type, feature_id, "
                + "before_json, after_json FROM audit_events WHERE feature_id = ? ORDER BY id DESC LIMIT ?",
                (rs, n) -> new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                featureId, MAX_EVENTS);
        List<AuditEvent> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
