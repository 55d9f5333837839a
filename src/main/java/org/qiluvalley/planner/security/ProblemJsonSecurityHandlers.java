package org.qiluvalley.planner.security;

import java.io.IOException;

import org.qiluvalley.planner.web.ProblemJson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 as RFC 9457 problem details, and the answer to a failed form sign-in. A browser asking for the planner
 * page is sent to the sign-in page instead. The Basic challenge header is left out for requests from our own pages
 * ({@code X-Requested-With}), so a browser never pops up its password dialog and never caches Basic credentials.
 * A sign-in that could not be checked because every password-checking thread was busy is a 503, not a 401: the
 * password was never looked at.
 */
@Component
class ProblemJsonSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
        AuthenticationFailureHandler {

    static final String REALM = "Qilu Optics Valley";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (checksWereBusy(e)) {
            SignInThrottle.passwordChecksBusy(request, response);
            return;
        }
        if (SecurityConfiguration.PLANNER_PAGE.equals(request.getServletPath())
                || SecurityConfiguration.ADMIN_PAGE.equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE);
            return;
        }
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        String detail;
        if (BasicIgnoresSession.hasBasicCredentials(request)) {
            detail = "The username or password is wrong.";
        } else if (request.getHeader("Authorization") != null) {
            detail = "Sign in with HTTP Basic or a browser session; this service accepts no other Authorization scheme.";
        } else {
            detail = "Sign in: this resource is for signed-in users (a session, or HTTP Basic for API clients).";
        }
        ProblemJson.write(response, 401, "Unauthorized", detail, request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            ProblemJson.write(response, 403, "Forbidden", "The CSRF token is missing or wrong: send the value of the "
                    + "XSRF-TOKEN cookie in the X-XSRF-TOKEN header (or sign in again).", request.getRequestURI());
            return;
        }
        ProblemJson.write(response, 403, "Forbidden", "Your role may not do this.", request.getRequestURI());
    }

    /** A failed form sign-in: back to the sign-in page, which says the credentials were wrong. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        if (checksWereBusy(e)) {
            SignInThrottle.passwordChecksBusy(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?error");
    }

    private static boolean checksWereBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BoundedPasswordEncoder.ChecksBusyException) {
                return true;
            }
        }
        return false;
    }
}
