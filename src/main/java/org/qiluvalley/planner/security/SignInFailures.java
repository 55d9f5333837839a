package org.qiluvalley.planner.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.web.ClientAddress;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins ({@link SignInFailureStore}), counted per client and username and per client alone
 * within a sliding window. In the database, so that every service instance sees every failure: a guesser spreading
 * attempts over instances meets the same limit. Counts are not taken under a lock: attempts already in their
 * password check when the limit is reached can each add one more failure (at most as many as there are password
 * checking threads), which does not help a guesser.
 */
@Component
class SignInFailures {

    /** Usernames are at most 64 characters (the users table); anything longer is counted under its first 64. */
    static final int MAX_USERNAME = 64;
    /** Old rows are deleted on every this many recorded failures. */
    private static final int PURGE_EVERY = 100;

    private final SignInFailureStore store;
    private final int maxFailures;
    private final int maxFailuresPerClient;
    private final Duration window;
    private final Clock clock;
    private final AtomicInteger recorded = new AtomicInteger();

    SignInFailures(SignInFailureStore store, ValleyProperties properties, Clock clock) {
        this.store = store;
        this.maxFailures = properties.signIn().maxFailures();
        this.maxFailuresPerClient = properties.signIn().maxFailuresPerClient();
        this.window = properties.signIn().failureWindow();
        this.clock = clock;
    }

    /**
     * How long this client must wait before trying this username again, or empty when it may try now: when the pair
     * has {@code max-failures} failures within the window, or the client {@code max-failures-per-client}, until the
     * oldest of those leaves the window.
     */
    Optional<Duration> retryAfter(String clientKey, String username) {
        Instant now = now();
        Instant since = now.minus(window);
        List<Instant> pair = store.failedSince(clientKey, clip(username), since, maxFailures);
        Optional<Duration> wait = waitFor(pair, maxFailures, now);
        if (wait.isPresent()) {
            return wait;
        }
        List<Instant> client = store.failedSince(clientKey, since, maxFailuresPerClient);
        return waitFor(client, maxFailuresPerClient, now);
    }

    private Optional<Duration> waitFor(List<Instant> newestFirst, int limit, Instant now) {
        if (newestFirst.size() < limit) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, newestFirst.get(limit - 1).plus(window));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    /** Records one failed sign-in; now and then deletes the rows that have left the window. */
    void recordFailure(String clientKey, String username) {
        Instant now = now();
        store.insert(clientKey, clip(username), now);
        if (recorded.incrementAndGet() % PURGE_EVERY == 0) {
            store.deleteUntil(now.minus(window));
        }
    }

    /** Records each bad-credentials failure (a wrong password, or an unknown user) of a web sign-in. */
    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        if (attempt.getDetails() instanceof WebAuthenticationDetails details) {
            recordFailure(ClientAddress.key(details.getRemoteAddress()), String.valueOf(attempt.getName()));
        }
    }

    /** A successful sign-in clears that client's failures for that username (a typo is forgiven once it is fixed). */
    void clear(String clientKey, String username) {
        store.delete(clientKey, clip(username));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String clip(String username) {
        return username.length() <= MAX_USERNAME ? username : username.substring(0, MAX_USERNAME);
    }
}
