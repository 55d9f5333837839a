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

    /** The response headers a cross-origin script may read besides the CORS-safelisted ones. */
    static final String EXPOSED_HEADERS = "ETag, Link, Content-Crs, Location";
    /** The request headers a cross-origin read may send besides the CORS-safelisted ones (conditional GETs). */
    static final String ALLOWED_HEADERS = "If-None-Match, If-Modified-Since";

    /**
     * A public read of the OGC API ({@code GET} or {@code HEAD} under {@code /ogc}): such answers are open to scripts
     * of any origin, without credentials ({@link PublicCors}).
     */
    public static boolean isPublicRead(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && underOgc(request);
    }

    /** A CORS preflight asking to {@code GET} or {@code HEAD} something under {@code /ogc}. */
    static boolean isPublicReadPreflight(HttpServletRequest request) {
        String asked = request.getHeader("Access-Control-Request-Method");
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null && underOgc(request)
                && ("GET".equals(asked) || "HEAD".equals(asked));
    }

    private static boolean underOgc(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/ogc") || path.startsWith("/ogc/");
    }

    /**
     * The CORS headers of a public read ({@link #isPublicRead}), and its {@code Vary: Accept}: the OGC API answers
     * JSON or HTML by the {@code Accept} header, so a cache must key on it. Nothing for any other request.
     */
    public static void writeCors(HttpServletRequest request, HttpServletResponse response) {
        if (isPublicRead(request)) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            // First, as Spring MVC merges it with what an answer varies on (a tile: Authorization, Cookie).
            java.util.List<String> varies = response.getHeaders("Vary").stream()
                    .flatMap(value -> java.util.Arrays.stream(value.split(","))).map(String::strip).toList();
            if (!varies.contains("Accept")) {
                response.setHeader("Vary", "Accept");
                varies.forEach(other -> response.addHeader("Vary", other));
            }
        }
    }

    static void writePreflight(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Allow-Methods", "GET, HEAD");
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", "86400");
    }

    /**
     * Writes the headers as Spring Security's default writers (and {@link PublicCors}) would on this response,
     * before it is committed.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response) {
        writeCors(request, response);
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
