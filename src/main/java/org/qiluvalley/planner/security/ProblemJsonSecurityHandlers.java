package org.qiluvalley.planner.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem details. A browser asking for the planner page is sent to the sign-in page
 * instead. The Basic challenge header is left out for requests from our own pages ({@code X-Requested-With}), so a
 * browser never pops up its password dialog and never caches Basic credentials.
 */
@Component
class ProblemJsonSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Qilu Optics Valley";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (SecurityConfiguration.PLANNER_PAGE.equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE);
            return;
        }
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        write(request, response, 401, "Unauthorized", request.getHeader("Authorization") == null
                ? "Sign in: this resource is for signed-in users (a session, or HTTP Basic for API clients)."
                : "The username or password is wrong.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(request, response, 403, "Forbidden", "The CSRF token is missing or wrong: send the value of the "
                    + "XSRF-TOKEN cookie in the X-XSRF-TOKEN header (or sign in again).");
            return;
        }
        write(request, response, 403, "Forbidden", "Your role may not do this.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        // Exactly the media type the error mapper sends (JSON is UTF-8 by definition: no charset parameter).
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
