package org.qiluvalley.planner.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.qiluvalley.planner.web.ClientAddress;
import org.qiluvalley.planner.web.ProblemJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Password guessing is throttled. Every sign-in attempt, HTTP Basic ({@code Authorization: Basic ...}) or the form
 * ({@code POST /login}), passes here before its password is checked: a client that has failed
 * {@code valley.sign-in.max-failures} times for that username within {@code failure-window} (or
 * {@code max-failures-per-client} times for any usernames) is answered 429 with {@code Retry-After}, and no
 * password is checked, so that a guesser neither learns anything nor costs a bcrypt check (about 60 to 90 ms of a
 * core). Only that client is held back: the right password from another client signs in as usual.
 *
 * <p>Failures are recorded by {@link SignInFailures} from Spring Security's bad-credentials events. This filter is
 * installed in the security filter chain before the authentication filters (not as a servlet filter of its own:
 * it must see the chain's authentication when the chain returns, to forgive a fixed typo).
 *
 * <p>A password check refused because every checking thread is busy ({@link BoundedPasswordEncoder}) is a 503 with
 * {@code Retry-After}, whichever filter was checking.
 */
final class SignInThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInFailures failures;

    SignInThrottle(SignInFailures failures) {
        this.failures = failures;
    }

    /** The username a request tries to sign in as, or empty when it is not a sign-in attempt. */
    static Optional<String> attemptedUsername(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty(); // Basic authentication answers that one with 401
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String username = request.getParameter("username");
            return Optional.of(username == null ? "" : username.trim());
        }
        return Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = attemptedUsername(request);
        if (username.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String client = ClientAddress.key(request.getRemoteAddr());
        Optional<Duration> wait = failures.retryAfter(client, username.get());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            log.info("Sign-in refused, too many failures: client {} username {}", client,
                    SignInFailures.clip(username.get()));
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemJson.write(response, 429, "Too many failed sign-ins", "Too many failed sign-ins from this client "
                    + "for this username; try again in " + minutes(seconds) + ". Nothing was checked.",
                    request.getRequestURI());
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (BoundedPasswordEncoder.ChecksBusyException busy) {
            if (!response.isCommitted()) {
                response.reset();
                passwordChecksBusy(request, response);
            }
            return;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && username.get().equals(signedIn.getName())) {
            failures.clear(client, username.get());
        }
    }

    /** 503: every password-checking thread is busy and the queue is full. */
    static void passwordChecksBusy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "2");
        ProblemJson.write(response, 503, "Busy", "Too many sign-ins are being checked at once; try again in a few "
                + "seconds.", request.getRequestURI());
    }

    private static String minutes(long seconds) {
        return seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " minutes";
    }
}
