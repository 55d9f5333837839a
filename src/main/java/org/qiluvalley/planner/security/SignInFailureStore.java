package org.qiluvalley.planner.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table {@code sign_in_failures} (V10): one row per failed sign-in, by client key and username. */
@Component
class SignInFailureStore {

    private final JdbcTemplate jdbc;

    SignInFailureStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** When this client's failures for this username after {@code since} happened, newest first, at most {@code limit}. */
    List<Instant> failedSince(String clientKey, String username, Instant since, int limit) {
        return jdbc.query("SELECT failed_at FROM sign_in_failures WHERE client_key = ? AND username = ? "
                + "AND failed_at > ? ORDER BY failed_at DESC LIMIT ?", (rs, n) -> rs.getTimestamp(1).toInstant(),
                clientKey, username, Timestamp.from(since), limit);
    }

    /** When this client's failures for any username after {@code since} happened, newest first, at most {@code limit}. */
    List<Instant> failedSince(String clientKey, Instant since, int limit) {
        return jdbc.query("SELECT failed_at FROM sign_in_failures WHERE client_key = ? AND failed_at > ? "
                + "ORDER BY failed_at DESC LIMIT ?", (rs, n) -> rs.getTimestamp(1).toInstant(), clientKey,
                Timestamp.from(since), limit);
    }

    void insert(String clientKey, String username, Instant at) {
        jdbc.update("INSERT INTO sign_in_failures (client_key, username, failed_at) VALUES (?, ?, ?)", clientKey,
                username, Timestamp.from(at));
    }

    /** Deletes the failures at or before {@code until}. */
    void deleteUntil(Instant until) {
        jdbc.update("DELETE FROM sign_in_failures WHERE failed_at <= ?", Timestamp.from(until));
    }

    void delete(String clientKey, String username) {
        jdbc.update("DELETE FROM sign_in_failures WHERE client_key = ? AND username = ?", clientKey, username);
    }
}
