package org.qiluvalley.planner.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own configuration, prefix {@code valley}. Every key, its default and its meaning are listed in
 * {@code application.yml}; bad values stop the service at start-up with a message naming the key.
 *
 * @param dataDir directory of the embedded database (created when missing)
 * @param seedLocation where the park's seed data ({@code *.geojson}, {@code zoning-rules.yaml}) is read from:
 *     a Spring resource location such as {@code classpath:gis-data/} or {@code file:/srv/valley/gis-data/}
 * @param db the production database; with no URL the embedded H2GIS store in {@code data-dir} is used
 * @param items paging limits of the OGC API items endpoints
 * @param map options of the web map
 * @param adminPassword password of the {@code admin} user created on first start when there are no users
 *     ({@code VALLEY_ADMIN_PASSWORD}); empty means a random one is generated and printed once to the log
 * @param inquiries the rate limit of investors' inquiries
 */
@ConfigurationProperties("valley")
public record ValleyProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("classpath:gis-data/") String seedLocation,
        @DefaultValue Db db,
        @DefaultValue Items items,
        @DefaultValue Map map,
        @DefaultValue("") String adminPassword,
        @DefaultValue Inquiries inquiries) {

    public ValleyProperties {
        if (seedLocation.isBlank()) {
            throw new IllegalArgumentException("valley.seed-location must not be blank");
        }
        if (!seedLocation.endsWith("/")) {
            seedLocation = seedLocation + "/";
        }
        if (!adminPassword.isEmpty() && (adminPassword.length() < 10 || adminPassword.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length > 72)) {
            throw new IllegalArgumentException("valley.admin-password (VALLEY_ADMIN_PASSWORD) must have 10 to 72 "
                    + "characters");
        }
    }

    @Override
    public String toString() {
        return "ValleyProperties[dataDir=" + dataDir + ", seedLocation=" + seedLocation + ", db=" + db + ", items="
                + items + ", map=" + map + ", adminPassword=" + (adminPassword.isEmpty() ? "" : "***") + ", inquiries="
                + inquiries + "]";
    }

    /**
     * The PostgreSQL + PostGIS database ({@code VALLEY_DB_URL}, {@code VALLEY_DB_USER}, {@code VALLEY_DB_PASSWORD}).
     *
     * @param url a {@code jdbc:postgresql://} URL, or empty for the embedded store
     * @param poolSize the most connections this instance holds open to PostgreSQL (HikariCP's maximum pool size)
     */
    public record Db(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password,
            @DefaultValue("10") int poolSize) {

        public Db {
            if (poolSize < 2 || poolSize > 200) {
                throw new IllegalArgumentException("valley.db.pool-size must be 2 to 200, got " + poolSize);
            }
            if (!url.isBlank() && !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("valley.db.url (VALLEY_DB_URL) must be a jdbc:postgresql:// URL or "
                        + "empty for the embedded store; got a URL starting " + url.substring(0, Math.min(16, url.length())));
            }
        }

        public boolean postgis() {
            return !url.isBlank();
        }

        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + ", poolSize="
                    + poolSize + "]";
        }
    }

    /**
     * @param defaultLimit features per page when the client sends no {@code limit}
     * @param maxLimit the largest page; a larger {@code limit} is reduced to it
     * @param anonymousFastPath answer anonymous items, item and tile reads without the security filter chain and
     *     Spring MVC around the same controller code (same bytes, a fraction of the CPU); off only to compare
     * @param concurrentReads how many of those anonymous reads run at once (the others wait in arrival order);
     *     0, the default, means one more than the processors this JVM may use
     */
    public record Items(@DefaultValue("100") int defaultLimit, @DefaultValue("1000") int maxLimit,
            @DefaultValue("true") boolean anonymousFastPath, @DefaultValue("0") int concurrentReads) {

        /** The number of anonymous reads allowed at once, {@link #concurrentReads} or its default. */
        public int concurrentReadsOrDefault() {
            return concurrentReads > 0 ? concurrentReads : Runtime.getRuntime().availableProcessors() + 1;
        }

        public Items {
            if (concurrentReads < 0 || concurrentReads > 10_000) {
                throw new IllegalArgumentException("valley.items.concurrent-reads must be 0 (the default) to 10000, got "
                        + concurrentReads);
            }
            if (maxLimit < 1 || defaultLimit < 1 || defaultLimit > maxLimit) {
                throw new IllegalArgumentException("valley.items: need 1 <= default-limit <= max-limit, got "
                        + defaultLimit + " and " + maxLimit);
            }
        }
    }

    /**
     * @param basemapUrl optional XYZ tile URL template for a background map ({z}/{x}/{y}); empty means none, so
     *     the map works with no internet
     * @param basemapAttribution attribution shown with the basemap
     * @param parcelMinZoom the investor map's zoom threshold (Web Mercator level, 1 to 22): from this zoom up it
     *     loads and draws single parcels for the visible bbox; below it, the zones and the density grid
     *     ({@code GET /api/parcels/density})
     */
    public record Map(@DefaultValue("") String basemapUrl, @DefaultValue("") String basemapAttribution,
            @DefaultValue("14") int parcelMinZoom) {
        public Map {
            if (parcelMinZoom < 1 || parcelMinZoom > 22) {
                throw new IllegalArgumentException("valley.map.parcel-min-zoom must be from 1 to 22, not "
                        + parcelMinZoom);
            }
        }
    }

    /**
     * The rate limit of investors' inquiries ({@code POST /api/inquiries}): at most {@code maxPerClient} accepted
     * inquiries per client (the signed-in username, else the client's IP address) in any {@code window}, counted
     * in the database so that it holds across service instances.
     *
     * @param maxPerClient inquiries a client may send within one window, 1 to 1000
     * @param window the length of the sliding window, from 1 second to 30 days (e.g. {@code PT1H}, {@code 1h})
     */
    public record Inquiries(@DefaultValue("5") int maxPerClient, @DefaultValue("PT1H") java.time.Duration window) {
        public Inquiries {
            if (maxPerClient < 1 || maxPerClient > 1000) {
                throw new IllegalArgumentException("valley.inquiries.max-per-client must be from 1 to 1000, got "
                        + maxPerClient);
            }
            if (window == null || window.compareTo(java.time.Duration.ofSeconds(1)) < 0
                    || window.compareTo(java.time.Duration.ofDays(30)) > 0) {
                throw new IllegalArgumentException("valley.inquiries.window must be from 1 second (PT1S) to 30 days "
                        + "(P30D), got " + window);
            }
        }
    }
}
