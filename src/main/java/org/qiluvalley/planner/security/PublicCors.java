package org.qiluvalley.planner.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin reads of the public OGC API ({@code GET} and {@code HEAD} under {@code /ogc}, tiles included): web
 * map clients on other sites (OpenLayers, MapLibre, a notebook) read the layers as any browser-based GIS would. They
 * get {@code Access-Control-Allow-Origin: *} and never credentials: a cross-origin read sees exactly what an anonymous
 * visitor sees, so nothing a planner may see can leak through it. A preflight for such a read is answered here (204);
 * anything else under {@code /ogc} (the planners' writes) and everything outside it get no CORS headers, so browsers
 * keep other sites out of them. The headers themselves are in {@link PublicResponseHeaders}, shared with the
 * anonymous fast path.
 */
final class PublicCors extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (PublicResponseHeaders.isPublicReadPreflight(request)) {
            PublicResponseHeaders.writePreflight(response);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        PublicResponseHeaders.writeCors(request, response);
        chain.doFilter(request, response);
    }
}
