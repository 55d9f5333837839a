package org.qiluvalley.planner.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every answer carries: Spring Security's defaults (as its header writers write them) and this
 * service's content security policy. The security configuration installs the policy; paths that answer without the
 * security filter chain (the anonymous map reads) write the same set here, and a test compares the two.
 */
public final class PublicResponseHeaders {

    /** The pages load scripts, styles and tiles from this service only; images may come from a basemap. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob: https: http:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    private PublicResponseHeaders() {
    }

    /** Writes the headers as Spring Security's default writers would on this response, before it is committed. */
    public static void write(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        // Like CacheControlHeadersWriter: only when the answer chose no caching of its own, and never on a 304.
        if (response.getStatus() != HttpServletResponse.SC_NOT_MODIFIED && response.getHeader("Cache-Control") == null
                && response.getHeader("Expires") == null && response.getHeader("Pragma") == null) {
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("Pragma", "no-cache");
            response.setHeader("Expires", "0");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
