package org.qiluvalley.planner.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The accounts, in table {@code users}: a username, a bcrypt hash (never the password), one role. Read on every
 * sign-in, so a user created through one service instance can sign in at any other.
 */
@Component
public class UserAccounts implements UserDetailsService {

    /** Usernames: 3 to 64 letters, digits, dot, dash, underscore, at sign. */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    /** The shortest password accepted, characters. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** An account as shown to an admin: no hash. */
    public record Account(String username, Role role, boolean enabled, Instant createdAt) {
    }

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final org.qiluvalley.planner.history.HistoryStore history;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    UserAccounts(UserStore users, PasswordEncoder passwords, org.qiluvalley.planner.history.HistoryStore history,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.users = users;
        this.passwords = passwords;
        this.history = history;
        this.transactions = transactions;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserStore.Credentials found = users.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(found.username()).password(found.passwordHash()).authorities(found.role().authority())
                .disabled(!found.enabled()).build();
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    public Optional<Account> find(String username) {
        return users.find(username);
    }

    public List<Account> all() {
        return users.all();
    }

    /**
     * Creates an account, with its audit event (the account's name and role; never the password or its hash).
     *
     * @param actor who creates it ({@code system} for the first-start admin)
     * @return false when the username is taken (nothing changed)
     * @throws IllegalArgumentException when the username or password breaks the rules above
     */
    public boolean create(String username, String rawPassword, Role role, String actor) {
        checkUsername(username);
        checkPassword(rawPassword);
        String hash = passwords.encode(rawPassword);
        try {
            transactions.executeWithoutResult(status -> {
                users.insert(username, hash, role, Instant.now());
                history.record(actor, "create", "user", username, null,
                        "{\"username\":\"" + username + "\",\"role\":\"" + role.wireName() + "\"}");
            });
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** What a change did: the account after it, and how many sessions it ended. */
    public record Changed(Account account, int sessionsEnded) {
    }

    /**
     * Changes an account's role, enabled flag or password, with its audit event (role and enabled before and after;
     * never the password or its hash), in one transaction. A change of any of them ends every session of the
     * account, on every instance: a disabled user is out at once, a new role or password takes effect at the next
     * sign-in rather than riding on a session made with the old one.
     *
     * @return the account after the change, empty when there is no such account (nothing changed)
     * @throws IllegalArgumentException when the password breaks the rules
     * @throws IllegalStateException when the change would leave no enabled admin
     */
    public Optional<Changed> change(String username, Role role, Boolean disabled, String rawPassword, String actor) {
        if (rawPassword != null) {
            checkPassword(rawPassword);
        }
        String newHash = rawPassword == null ? null : passwords.encode(rawPassword);
        return transactions.execute(status -> {
            Optional<UserStore.Credentials> found = users.credentials(username);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            UserStore.Credentials before = found.get();
            Role newRole = role != null ? role : before.role();
            boolean enabled = disabled != null ? !disabled : before.enabled();
            boolean stillAdmin = newRole == Role.ADMIN && enabled;
            if (before.role() == Role.ADMIN && before.enabled() && !stillAdmin
                    && users.otherEnabledAdmins(username) == 0) {
                throw new IllegalStateException("user \"" + username + "\" is the only enabled admin: make another "
                        + "admin first");
            }
            users.update(username, newRole, enabled, newHash != null ? newHash : before.passwordHash());
            int ended = users.endSessions(username);
            history.record(actor, "update", "user", username, accountJson(before.role(), before.enabled(), false),
                    accountJson(newRole, enabled, newHash != null));
            return Optional.of(new Changed(users.find(username).orElseThrow(), ended));
        });
    }

    private static String accountJson(Role role, boolean enabled, boolean passwordChanged) {
        return "{\"role\":\"" + role.wireName() + "\",\"enabled\":" + enabled
                + (passwordChanged ? ",\"passwordChanged\":true" : "") + "}";
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 3 to 64 letters, digits or . _ @ -");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password must be at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt)");
        }
    }
}
