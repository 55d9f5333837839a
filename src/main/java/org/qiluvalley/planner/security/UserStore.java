package org.qiluvalley.planner.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code users} (V4): a username, a bcrypt hash (never the password), one role, whether the account may
 * sign in, when it was made. Joins the caller's transaction.
 */
@Component
class UserStore {

    /** An account with its hash, as sign-in needs it. */
    record Credentials(String username, String passwordHash, Role role, boolean enabled) {
    }

    private final JdbcTemplate jdbc;

    UserStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.query("SELECT username, password_hash, role, enabled FROM users WHERE username = ?",
                (rs, n) -> new Credentials(rs.getString(1), rs.getString(2),
                        Role.fromWireName(rs.getString(3)).orElseThrow(), rs.getBoolean(4)), username)
                .stream().findFirst();
    }

    boolean isEmpty() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class);
        return count == null || count == 0;
    }

    Optional<UserAccounts.Account> find(String username) {
        return jdbc.query("SELECT username, role, enabled, created_at FROM users WHERE username = ?",
                (rs, n) -> new UserAccounts.Account(rs.getString(1), Role.fromWireName(rs.getString(2)).orElseThrow(),
                        rs.getBoolean(3), rs.getTimestamp(4).toInstant()), username).stream().findFirst();
    }

    List<UserAccounts.Account> all() {
        return jdbc.query("SELECT username, role, enabled, created_at FROM users ORDER BY username",
                (rs, n) -> new UserAccounts.Account(rs.getString(1), Role.fromWireName(rs.getString(2)).orElseThrow(),
                        rs.getBoolean(3), rs.getTimestamp(4).toInstant()));
    }

    /**
     * Replaces the role, the enabled flag and the hash of an account (the caller passes the current values for
     * what does not change).
     */
    void update(String username, Role role, boolean enabled, String passwordHash) {
        jdbc.update("UPDATE users SET role = ?, enabled = ?, password_hash = ? WHERE username = ?", role.wireName(),
                enabled, passwordHash, username);
    }

    /** Enabled admins other than {@code username}: an account change may never leave the service without one. */
    int otherEnabledAdmins(String username) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE role = ? AND enabled = ? "
                + "AND username <> ?", Integer.class, Role.ADMIN.wireName(), true, username);
        return count == null ? 0 : count;
    }

    /**
     * Ends every browser session of {@code username}: the sessions live in the database (Spring Session JDBC's
     * {@code SPRING_SESSION}, whose attributes go with it by {@code ON DELETE CASCADE}), and every instance reads a
     * session from there on each request, so the next request on any instance finds none.
     *
     * @return how many sessions were ended
     */
    int endSessions(String username) {
        return jdbc.update("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", username);
    }

    /** Inserts an account; a taken username fails with Spring's {@code DuplicateKeyException}. */
    void insert(String username, String passwordHash, Role role, Instant createdAt) {
        jdbc.update("INSERT INTO users (username, password_hash, role, enabled, created_at) VALUES (?, ?, ?, ?, ?)",
                username, passwordHash, role.wireName(), true, Timestamp.from(createdAt));
    }
}
