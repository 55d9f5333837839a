package org.qiluvalley.planner.anonymousreads;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.qiluvalley.planner.features.FeaturesController;
import org.qiluvalley.planner.features.OgcApi;
import org.qiluvalley.planner.security.PublicResponseHeaders;
import org.qiluvalley.planner.tiles.TilesController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The map's hot path: anonymous {@code GET}s of items, one item and vector tiles (with or without the {@code .mvt}
 * extension), answered by the same controller code without the servlet filters, the security filter chain and Spring
 * MVC's dispatch around it.
 *
 * <p>Why: a public map request does little work of its own (one indexed query, a few kB out), and the profile of the
 * side-by-side benchmark (docs/benchmarks.md) showed the layers around it, not the query, taking most of the
 * service's CPU: Spring MVC's dispatch about 30%, the security filter chain about 13%, the observation and other
 * filters about 8%. On two cores that CPU is taken from PostgreSQL.
 *
 * <p>Only requests that the security chain would treat as anonymous take this path: no {@code Authorization} header
 * and no session cookie; and of items and item, only those that want GeoJSON (not a browser's page, not a
 * download). Anything signed in, anything with credentials (even invalid ones), every other method and
 * path, and every request the controller refuses (a 400 or 404, or a failure of any kind) goes through the normal
 * chain untouched, which then gives the usual answer, problem details included. An answer from here is
 * byte-for-byte the normal chain's for the same request, headers included (the security headers are written by
 * {@link PublicResponseHeaders}, shared with the security configuration); {@code AnonymousMapReadsTest} and the API
 * contract tests check both paths.
 */
final class AnonymousMapReads extends HttpFilter {

    /** Spring Session's cookie name unless {@code server.servlet.session.cookie.name} says otherwise. */
    static final String SESSION_COOKIE = "SESSION";
    private static final String COLLECTIONS = OgcApi.ROOT + "/collections/";
    /** The values of {@code f} that ask the items and item resources for GeoJSON. */
    private static final Set<String> JSON_FORMATS = Set.of("json", "geojson");

    private final String sessionCookie;
    private final FeaturesController features;
    private final TilesController tiles;
    private final Timer itemsTimer;
    private final Timer tilesTimer;
    /**
     * How many of these reads run at once; the others wait their turn in arrival order. A map read is CPU work in
     * the database and here; more of them at once than there are cores only time-slices them. Measured on 2 cores
     * with PostgreSQL on the same machine (docs/benchmarks.md): 3 at once gave the throughput of 10 with a p99 of
     * 13 ms instead of 30 to 100 ms.
     */
    private final Semaphore running;

    AnonymousMapReads(FeaturesController features, TilesController tiles, MeterRegistry meters, String sessionCookie,
            int concurrentReads) {
        this.sessionCookie = sessionCookie;
        this.running = new Semaphore(concurrentReads, true);
        this.features = features;
        this.tiles = tiles;
        // The observation filter is skipped too; these keep the request rate and latency of the path visible.
        this.itemsTimer = Timer.builder("valley.map.reads").tag("kind", "items").register(meters);
        this.tilesTimer = Timer.builder("valley.map.reads").tag("kind", "tiles").register(meters);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Route route = anonymous(request, sessionCookie) ? route(request) : null;
        if (route == null || !route.tile() && !asksForJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        ResponseEntity<byte[]> answer = route.tile() ? cachedTile(route, request) : null;
        if (answer != null) {
            tilesTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            write(answer, request, response);
            return;
        }
        running.acquireUninterruptibly();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        try {
            answer = route.answer(this, request, query(request));
        } catch (RuntimeException refusedOrFailed) {
            // The normal chain gives the answer: a problem document, or the usual handling of a failure.
            answer = null;
        } finally {
            RequestContextHolder.resetRequestAttributes();
            running.release();
        }
        if (answer == null) {
            chain.doFilter(request, response);
            return;
        }
        // Recorded before the bytes go out, so a client that has its answer also finds it counted.
        (route.tile() ? tilesTimer : itemsTimer).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        write(answer, request, response);
    }

    /**
     * A tile the cache holds, answered without waiting for a turn among the reads that query the store (a hit is a
     * memory look-up); null for a miss, and for anything the controller refuses (answered below as before).
     */
    private ResponseEntity<byte[]> cachedTile(Route route, HttpServletRequest request) {
        Map<String, String> path = route.path();
        try {
            return tiles.cachedTile(path.get("collectionId"), path.get("matrixSet"), path.get("z"), path.get("y"),
                    path.get("x"), query(request), request.getHeader(HttpHeaders.IF_NONE_MATCH));
        } catch (RuntimeException refusedOrFailed) {
            return null;
        }
    }

    /** Anonymous to the security chain: no credentials of any kind (an invalid one must get its 401 there). */
    static boolean anonymous(HttpServletRequest request, String sessionCookie) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (sessionCookie.equals(cookie.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether an items or item request wants the GeoJSON this path writes. A browser (its {@code Accept} names
     * {@code text/html}) or an explicit {@code f} other than GeoJSON ({@code f=html}, the {@code f=gpkg} download)
     * is answered by other mappings of the same path, which the full chain chooses between.
     */
    static boolean asksForJson(HttpServletRequest request) {
        String[] formats = request.getParameterValues(OgcApi.PARAM_FORMAT);
        if (formats != null) {
            for (String format : formats) {
                if (!JSON_FORMATS.contains(format)) {
                    return false;
                }
            }
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /**
     * The resources this path answers, each with the controller mapping (the same pattern string as its
     * {@code @GetMapping}) and the controller call it makes. {@code AnonymousMapReadsTest} checks this list against
     * the controllers' mappings: every pattern here must be a public GET mapping of the controller it calls, and
     * every public GET mapping under {@code /ogc/collections/} must be either here or on the test's list of
     * resources left to the full chain, so a new mapping cannot be forgotten.
     */
    enum Resource {
        ITEMS(OgcApi.ROOT + "/collections/{collectionId}/items", false) {
            @Override
            ResponseEntity<byte[]> answer(AnonymousMapReads reads, Map<String, String> path,
                    MultiValueMap<String, String> query, HttpServletRequest request) {
                return reads.features.items(path.get("collectionId"), query, null);
            }
        },
        ITEM(OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}", false) {
            @Override
            ResponseEntity<byte[]> answer(AnonymousMapReads reads, Map<String, String> path,
                    MultiValueMap<String, String> query, HttpServletRequest request) {
                return reads.features.item(path.get("collectionId"), path.get("featureId"), query, null);
            }
        },
        /**
         * A tile with the {@code .mvt} extension. Before {@link #TILE}, whose {@code {x}} also matches
         * {@code 2.mvt}: Spring MVC prefers this longer pattern for such a path, and so must the fast path.
         */
        TILE_MVT(TilesController.TILE_PATH_MVT, true) {
            @Override
            ResponseEntity<byte[]> answer(AnonymousMapReads reads, Map<String, String> path,
                    MultiValueMap<String, String> query, HttpServletRequest request) {
                return TILE.answer(reads, path, query, request);
            }
        },
        TILE(TilesController.TILE_PATH, true) {
            @Override
            ResponseEntity<byte[]> answer(AnonymousMapReads reads, Map<String, String> path,
                    MultiValueMap<String, String> query, HttpServletRequest request) {
                return reads.tiles.tile(path.get("collectionId"), path.get("matrixSet"), path.get("z"), path.get("y"),
                        path.get("x"), query, request.getHeader(HttpHeaders.IF_NONE_MATCH), null);
            }
        };

        /** The mapping's pattern, as the controller declares it. */
        final String pattern;
        final boolean tile;
        private final PathPattern parsed;

        Resource(String pattern, boolean tile) {
            this.pattern = pattern;
            this.tile = tile;
            this.parsed = PathPatternParser.defaultInstance.parse(pattern);
        }

        abstract ResponseEntity<byte[]> answer(AnonymousMapReads reads, Map<String, String> path,
                MultiValueMap<String, String> query, HttpServletRequest request);
    }

    /** A request matched to a resource, with its path variables. */
    record Route(Resource resource, Map<String, String> path) {

        boolean tile() {
            return resource.tile;
        }

        ResponseEntity<byte[]> answer(AnonymousMapReads reads, HttpServletRequest request,
                MultiValueMap<String, String> query) {
            return resource.answer(reads, path, query, request);
        }
    }

    /**
     * What the request asks for, matched as Spring MVC matches the same patterns, or null for anything else and for
     * any unusual spelling (an escape, a path parameter, an empty or dot segment), which the full chain's firewall
     * judges.
     */
    static Route route(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(COLLECTIONS) || path.indexOf('%') >= 0 || path.indexOf(';') >= 0
                || path.contains("//") || path.contains("/.") || path.endsWith("/")) {
            return null;
        }
        PathContainer container = PathContainer.parsePath(path);
        for (Resource resource : Resource.values()) {
            PathPattern.PathMatchInfo match = resource.parsed.matchAndExtract(container);
            if (match != null) {
                return new Route(resource, match.getUriVariables());
            }
        }
        return null;
    }

    private static MultiValueMap<String, String> query(HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>(parameters.size());
        parameters.forEach((name, values) -> query.put(name, List.of(values)));
        return query;
    }

    private static void write(ResponseEntity<byte[]> answer, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        PublicResponseHeaders.write(request, response);
        byte[] body = answer.getBody();
        if (body != null) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
