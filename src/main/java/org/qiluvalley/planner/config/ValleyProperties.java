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
 * @param uploads how request bodies are received: deadlines and how many at once
 * @param signIn the throttle of failed sign-ins and the pool that checks passwords
 * @param allocations rules of the allocation lifecycle (four eyes)
 * @param publicUrl the service's public base URL (scheme, host, optional port and path, no trailing slash), used
 *     for every absolute link it writes; empty means links are built from the request as received
 * @param contact the investment office that the site pages name ({@code /sites/{id}})
 * @param tiles the cache of public parcel tiles
 * @param register how this instance follows the parcel register's changes (its own and other instances')
 */
@ConfigurationProperties("valley")
public record ValleyProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("classpath:gis-data/") String seedLocation,
        @DefaultValue Db db,
        @DefaultValue Items items,
        @DefaultValue Map map,
        @DefaultValue("") String adminPassword,
        @DefaultValue Inquiries inquiries,
        @DefaultValue Uploads uploads,
        @DefaultValue SignIn signIn,
        @DefaultValue Allocations allocations,
        @DefaultValue("") String publicUrl,
        @DefaultValue Contact contact,
        @DefaultValue Tiles tiles,
        @DefaultValue Register register) {

    public ValleyProperties {
        if (seedLocation.isBlank()) {
            throw new IllegalArgumentException("valley.seed-location must not be blank");
        }
        if (!seedLocation.endsWith("/")) {
            seedLocation = seedLocation + "/";
        }
        publicUrl = PublicUrl.normalise(publicUrl);
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
                + inquiries + ", uploads=" + uploads + ", signIn=" + signIn + ", allocations=" + allocations
                + ", publicUrl=" + publicUrl + ", contact=" + contact + ", tiles=" + tiles + ", register=" + register + "]";
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
     * @param exportMaxFeatures the most features one GeoPackage download ({@code f=gpkg}) holds; a collection or
     *     filter that matches more is refused with 400 (narrow it with bbox or filter)
     * @param concurrentExports GeoPackage downloads built at once; one more gets 503 with {@code Retry-After}
     */
    public record Items(@DefaultValue("100") int defaultLimit, @DefaultValue("1000") int maxLimit,
            @DefaultValue("true") boolean anonymousFastPath, @DefaultValue("0") int concurrentReads,
            @DefaultValue("200000") int exportMaxFeatures, @DefaultValue("2") int concurrentExports) {

        /** The number of anonymous reads allowed at once, {@link #concurrentReads} or its default. */
        public int concurrentReadsOrDefault() {
            return concurrentReads > 0 ? concurrentReads : Runtime.getRuntime().availableProcessors() + 1;
        }

        public Items {
            if (exportMaxFeatures < 1 || concurrentExports < 1) {
                throw new IllegalArgumentException("valley.items.export-max-features and valley.items.concurrent-exports "
                        + "must be at least 1");
            }
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

    /**
     * How request bodies are received (see {@code web/RequestBodyGate}): each body is received within a deadline,
     * and only so many at once, so that slow or stalled uploads cannot take the threads that serve the map.
     *
     * @param maxInFlight request bodies received at once in all (each holds a request thread while it arrives; the
     *     connector has 200); one more is refused with 503
     * @param maxInFlightPerClient of those, at most this many from one client (IPv4 address, IPv6 /64)
     * @param bodyTimeout the time a body may take to arrive in full (408 after it)
     * @param drainTimeout how long the unread rest of a refused body is read and thrown away before the connection
     *     is closed, so that a client that sends its whole body before reading still sees the answer
     */
    public record Uploads(@DefaultValue("64") int maxInFlight, @DefaultValue("16") int maxInFlightPerClient,
            @DefaultValue("PT30S") java.time.Duration bodyTimeout, @DefaultValue("PT5S") java.time.Duration drainTimeout) {
        public Uploads {
            if (maxInFlight < 1 || maxInFlight > 1000) {
                throw new IllegalArgumentException("valley.uploads.max-in-flight must be from 1 to 1000, got "
                        + maxInFlight);
            }
            if (maxInFlightPerClient < 1 || maxInFlightPerClient > maxInFlight) {
                throw new IllegalArgumentException("valley.uploads.max-in-flight-per-client must be from 1 to "
                        + "max-in-flight (" + maxInFlight + "), got " + maxInFlightPerClient);
            }
            requireSeconds("valley.uploads.body-timeout", bodyTimeout, 1, 3600);
            requireSeconds("valley.uploads.drain-timeout", drainTimeout, 0, 60);
        }
    }

    /**
     * Sign-in protection (see {@code security/SignInThrottle}).
     *
     * @param maxFailures failed sign-ins of one username from one client within {@code failureWindow} after which
     *     that pair's attempts are refused (429) without a password check until the oldest failure leaves the window
     * @param maxFailuresPerClient failed sign-ins from one client, whatever the usernames, within the window after
     *     which all of its attempts are refused likewise
     * @param failureWindow the sliding window in which failures are counted
     * @param passwordCheckThreads threads that run bcrypt checks; 0 means half the processors (at least 1), so that
     *     sign-in traffic can never take every core from the map
     * @param passwordCheckQueue password checks that may wait for a thread (each holds a request thread while it
     *     waits); one more is refused with 503
     */
    public record SignIn(@DefaultValue("10") int maxFailures, @DefaultValue("50") int maxFailuresPerClient,
            @DefaultValue("PT15M") java.time.Duration failureWindow, @DefaultValue("0") int passwordCheckThreads,
            @DefaultValue("100") int passwordCheckQueue) {
        public SignIn {
            if (maxFailures < 1 || maxFailures > 1000) {
                throw new IllegalArgumentException("valley.sign-in.max-failures must be from 1 to 1000, got "
                        + maxFailures);
            }
            if (maxFailuresPerClient < maxFailures || maxFailuresPerClient > 100_000) {
                throw new IllegalArgumentException("valley.sign-in.max-failures-per-client must be from max-failures ("
                        + maxFailures + ") to 100000, got " + maxFailuresPerClient);
            }
            requireSeconds("valley.sign-in.failure-window", failureWindow, 1, 86_400);
            if (passwordCheckThreads < 0 || passwordCheckThreads > 64) {
                throw new IllegalArgumentException("valley.sign-in.password-check-threads must be from 0 (half the "
                        + "processors) to 64, got " + passwordCheckThreads);
            }
            if (passwordCheckQueue < 0 || passwordCheckQueue > 10_000) {
                throw new IllegalArgumentException("valley.sign-in.password-check-queue must be from 0 to 10000, got "
                        + passwordCheckQueue);
            }
        }

        /** The number of password-checking threads, {@link #passwordCheckThreads} or its default. */
        public int passwordCheckThreadsOrDefault() {
            return passwordCheckThreads > 0 ? passwordCheckThreads
                    : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    /**
     * The allocation lifecycle (see {@code allocation/AllocationLifecycle}).
     *
     * @param fourEyes a planner (admins included) may not approve an allocation they proposed: another planner must
     *     (403 otherwise); rejecting or releasing one's own proposal stays allowed. Off only for a one-person office
     * @param timeZone the park's calendar, in which a contract's dates and "today" are days (a milestone "in the
     *     future", a deadline passed): Jinan's, Asia/Shanghai (UTC+8), so that a date entered on a Jinan morning is
     *     not yet "tomorrow" in UTC's terms
     */
    public record Allocations(@DefaultValue("true") boolean fourEyes,
            @DefaultValue("Asia/Shanghai") java.time.ZoneId timeZone) {
    }

    /**
     * The investment office (招商) a site page names, with what an investor needs to reach it; an empty phone, email
     * or address is left off the page. The defaults name the office only: set the real numbers in configuration.
     *
     * @param nameEn the office's name in English
     * @param nameZh its name in Chinese
     * @param phone a telephone number as dialled, e.g. +86 531 0000 0000
     * @param email an email address
     * @param address a postal address
     */
    public record Contact(@DefaultValue("Qilu Optics Valley investment service office") String nameEn,
            @DefaultValue("齐鲁光谷招商服务办公室") String nameZh, @DefaultValue("") String phone,
            @DefaultValue("") String email, @DefaultValue("") String address) {

        public Contact {
            for (String value : java.util.List.of(nameEn, nameZh, phone, email, address)) {
                if (value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
                    throw new IllegalArgumentException("valley.contact.* values are one line of at most 200 "
                            + "characters");
                }
            }
        }
    }

    private static void requireSeconds(String key, java.time.Duration value, long minSeconds, long maxSeconds) {
        if (value == null || value.compareTo(java.time.Duration.ofSeconds(minSeconds)) < 0
                || value.compareTo(java.time.Duration.ofSeconds(maxSeconds)) > 0) {
            throw new IllegalArgumentException(key + " must be from " + minSeconds + " s to " + maxSeconds + " s, got "
                    + value);
        }
    }

    /**
     * @param cacheMb the most memory, in MiB, that the public tiles of the parcel collections may take in this
     *     instance's heap (tiles/TileCache); 0 turns the cache off (every tile is built by the store)
     */
    public record Tiles(@DefaultValue("64") int cacheMb) {

        public Tiles {
            if (cacheMb < 0 || cacheMb > 65_536) {
                throw new IllegalArgumentException("valley.tiles.cache-mb must be 0 (off) to 65536, got " + cacheMb);
            }
        }
    }

    /**
     * @param keepChanges how many rows of the register's change log are kept for instances that fall behind (older
     *     ones are pruned; an instance further behind rebuilds its caches instead of replaying)
     * @param notifications on PostgreSQL, listen for the NOTIFY each committing write sends, to replay changes as
     *     soon as they commit rather than at the next request; the revision row is read on every cached read
     *     either way, so correctness never depends on a notification arriving
     * @param pollInterval how often the listener reads the revision when no notification came (a missed one, a
     *     write by a server without the trigger's NOTIFY)
     */
    public record Register(@DefaultValue("100000") int keepChanges, @DefaultValue("true") boolean notifications,
            @DefaultValue("PT5S") java.time.Duration pollInterval) {

        public Register {
            if (keepChanges < 1_000) {
                throw new IllegalArgumentException("valley.register.keep-changes must be at least 1000, got "
                        + keepChanges);
            }
            if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.toHours() > 1) {
                throw new IllegalArgumentException("valley.register.poll-interval must be above 0 and at most PT1H, got "
                        + pollInterval);
            }
        }
    }
}
