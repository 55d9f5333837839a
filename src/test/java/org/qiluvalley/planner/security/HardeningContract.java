package org.qiluvalley.planner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.RawHttp;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.web.RequestBodyLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a hostile or careless client meets, on the running application (issue F6): failed sign-ins throttled per
 * client and username and counted in the database; CSRF skipped only for requests that authenticated with HTTP Basic
 * themselves; JSON members named twice refused everywhere; every body cut at its endpoint's limit; URLs the firewall
 * refuses answered as problem details; the public OGC API open to other origins and nothing else; cookies and HSTS
 * right behind a TLS proxy; links built from {@code valley.public-url}, never from the {@code Host} header.
 *
 * <p>The service runs as behind a reverse proxy ({@code server.forward-headers-strategy=native}), so each test's
 * clients can come from addresses of their own ({@code X-Forwarded-For}) without meeting each other's limits.
 * Slow uploads and bodies of hundreds of megabytes are sent to the packaged jar by {@code HostileClientsIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=native", "valley.public-url=" + HardeningContract.PUBLIC_URL})
abstract class HardeningContract {

    static final String PUBLIC_URL = "https://planning.example.cn";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final AtomicInteger USERS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    BoundedPasswordEncoder passwords;

    @Autowired
    javax.sql.DataSource dataSource;

    ServiceClient anonymous;
    ServiceClient admin;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient("http://127.0.0.1:" + port).from(newAddress());
        admin = anonymous.asAdmin();
    }

    // ------------------------------------------------------------------------------------------------
    // Sign-in throttle
    // ------------------------------------------------------------------------------------------------

    @Test
    void afterTenFailuresAClientsAttemptsForThatUsernameAre429WithoutAPasswordCheck() throws Exception {
        String planner = newUser("planner");
        ServiceClient guesser = anonymous.from(newAddress());
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.as(planner, "wrong-password-" + i).get("/api/allocations").status()).isEqualTo(401);
        }
        long checkedBefore = passwords.passwordsChecked();
        for (String password : List.of("wrong-password-x", ServiceClient.USER_PASSWORD)) {
            ServiceClient.Reply refused = guesser.as(planner, password).get("/api/allocations");
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        }
        assertThat(passwords.passwordsChecked()).as("no password checked for a throttled attempt")
                .isEqualTo(checkedBefore);
        // The same pair through the sign-in form is refused likewise.
        assertThat(formSignIn(guesser, planner, ServiceClient.USER_PASSWORD, false).statusCode()).isEqualTo(429);
        // The right password from another client signs in as usual.
        assertThat(anonymous.from(newAddress()).as(planner, ServiceClient.USER_PASSWORD).get("/api/allocations")
                .status()).isEqualTo(200);
        // Every failure was counted in the database (where every instance counts it).
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM sign_in_failures WHERE username = ?", Integer.class, planner)).isEqualTo(10);
    }

    @Test
    void failedFormSignInsCountToo() throws Exception {
        String investor = newUser("investor");
        ServiceClient guesser = anonymous.from(newAddress());
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> failed = formSignIn(guesser, investor, "wrong-password-" + i, false);
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location").orElse("")).endsWith("/login.html?error");
        }
        HttpResponse<String> refused = formSignIn(guesser, investor, ServiceClient.USER_PASSWORD, false);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aFixedTypoIsForgiven() {
        String planner = newUser("planner");
        ServiceClient client = anonymous.from(newAddress());
        for (int i = 0; i < 9; i++) {
            assertThat(client.as(planner, "typo-" + i).get("/api/allocations").status()).isEqualTo(401);
        }
        assertThat(client.as(planner, ServiceClient.USER_PASSWORD).get("/api/allocations").status()).isEqualTo(200);
        for (int i = 0; i < 9; i++) {
            assertThat(client.as(planner, "typo-again-" + i).get("/api/allocations").status())
                    .as("failures before the success were cleared").isEqualTo(401);
        }
    }

    @Test
    void oneClientGuessingManyUsernamesIsThrottledAsAWhole() {
        ServiceClient sprayer = anonymous.from(newAddress());
        for (int i = 0; i < 50; i++) {
            assertThat(sprayer.as("nobody-" + i, "guess").get("/api/me").status()).isEqualTo(401);
        }
        assertThat(sprayer.as("nobody-new", "guess").get("/api/me").status()).isEqualTo(429);
    }

    // ------------------------------------------------------------------------------------------------
    // CSRF and Basic
    // ------------------------------------------------------------------------------------------------

    @Test
    void aSessionWithAnAuthorizationHeaderThatIsNotBasicStillNeedsTheCsrfToken() throws Exception {
        String planner = newUser("planner");
        ServiceClient browser = anonymous.from(newAddress());
        String session = sessionCookie(formSignIn(browser, planner, ServiceClient.USER_PASSWORD, false));
        String parcel = new Planning(anonymous).takeAvailableParcel();
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(anonymous.base()
                + "/ogc/collections/parcels/items/" + parcel)).header("Cookie", "SESSION=" + session)
                .header("Authorization", "Bearer anything").header("X-Forwarded-For", newAddress())
                .header("If-Match", "\"v1\"").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(admin.get("/ogc/collections/parcels/items/" + parcel).json().at("/properties/status")
                .stringValue()).as("nothing withdrawn").isEqualTo("available");
    }

    @Test
    void basicCredentialsAreCheckedEvenBesideASessionAndRunAsTheirOwnUser() throws Exception {
        String planner = newUser("planner");
        String investor = newUser("investor");
        ServiceClient browser = anonymous.from(newAddress());
        String session = sessionCookie(formSignIn(browser, planner, ServiceClient.USER_PASSWORD, false));
        HttpResponse<String> wrongPassword = HTTP.send(HttpRequest.newBuilder(URI.create(anonymous.base()
                + "/api/allocations")).header("Cookie", "SESSION=" + session)
                .header("Authorization", basic(planner, "not-the-password")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).as("a wrong Basic password beside the planner's session")
                .isEqualTo(401);
        HttpResponse<String> asInvestor = HTTP.send(HttpRequest.newBuilder(URI.create(anonymous.base()
                + "/api/allocations")).header("Cookie", "SESSION=" + session)
                .header("Authorization", basic(investor, ServiceClient.USER_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asInvestor.statusCode()).as("Basic as an investor beside a planner's session").isEqualTo(403);
    }

    // ------------------------------------------------------------------------------------------------
    // JSON members named twice
    // ------------------------------------------------------------------------------------------------

    @Test
    void aMemberNamedTwiceIsA400EverywhereAndChangesNothing() {
        String name = "dup-" + USERS.incrementAndGet() + "-" + port;
        ServiceClient.Reply user = admin.postJson("/api/users", "{\"username\":\"harmless-" + name + "\",\"username\":\""
                + name + "\",\"password\":\"a-long-password\",\"role\":\"investor\",\"role\":\"admin\"}");
        assertThat(user.status()).as(user.body()).isEqualTo(400);
        assertThat(user.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/users").body()).doesNotContain(name);

        String parcel = new Planning(anonymous).takeAvailableParcel();
        for (String[] call : new String[][] {
                {"/api/allocations/validate", "{\"parcelId\":\"" + parcel + "\",\"parcelId\":\"" + parcel + "\"}"},
                {"/api/allocations", "{\"parcelId\":\"" + parcel + "\",\"parcelId\":\"" + parcel + "\"}"},
                {"/api/parcels/validate", "{\"type\":\"Feature\",\"type\":\"Feature\"}"},
                {"/ogc/collections/parcels/items", "{\"type\":\"Feature\",\"id\":\"A\",\"id\":\"B\"}"},
                {"/api/inquiries", "{\"parcelId\":\"" + parcel + "\",\"company\":\"A\",\"company\":\"B\","
                        + "\"contact\":\"c@example.cn\"}"}}) {
            ServiceClient.Reply reply = admin.postJson(call[0], call[1]);
            assertThat(reply.status()).as(call[0] + " " + reply.body()).isEqualTo(400);
            assertThat(reply.body()).as(call[0]).contains("twice");
        }
        assertThat(admin.get("/ogc/collections/parcels/items/" + parcel).json().at("/properties/status").stringValue())
                .as("no proposal stored").isEqualTo("available");
    }

    // ------------------------------------------------------------------------------------------------
    // Request bodies over their endpoint's limit
    // ------------------------------------------------------------------------------------------------

    static Stream<RequestBodyLimits.Limit> limits() {
        return RequestBodyLimits.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void aBodyOneBytePastItsEndpointsLimitIsA413DeclaredOrChunked(RequestBodyLimits.Limit limit) throws Exception {
        // A collection, then a feature id; an inquiry's id.
        String path = limit.path().replaceFirst("/collections/\\*", "/collections/parcels").replace("/items/*",
                "/items/QOV-LI-001").replace("/inquiries/*", "/inquiries/IQ-0");
        byte[] over = new byte[limit.maxBytes() + 1];
        Arrays.fill(over, (byte) ' ');
        for (boolean chunked : new boolean[] {false, true}) {
            HttpRequest.BodyPublisher body = chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))
                    : HttpRequest.BodyPublishers.ofByteArray(over);
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(anonymous.base() + path))
                    .header("Authorization", basic(ServiceClient.ADMIN, ServiceClient.ADMIN_PASSWORD))
                    .header("X-Forwarded-For", newAddress())
                    .header("Content-Type", path.equals("/login") ? "application/x-www-form-urlencoded"
                            : "application/json").method(limit.method(), body).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(limit + (chunked ? " chunked: " : " declared: ") + reply.body())
                    .isEqualTo(413);
            assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        byte[] atTheLimit = Arrays.copyOf(over, limit.maxBytes());
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(anonymous.base() + path))
                .header("Authorization", basic(ServiceClient.ADMIN, ServiceClient.ADMIN_PASSWORD))
                .header("X-Forwarded-For", newAddress()).header("Content-Type", "application/json")
                .method(limit.method(), HttpRequest.BodyPublishers.ofByteArray(atTheLimit)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(limit + " at the limit: " + reply.body()).isNotEqualTo(413).isLessThan(500);
    }

    // ------------------------------------------------------------------------------------------------
    // URLs refused before any controller
    // ------------------------------------------------------------------------------------------------

    @Test
    void urlsTheFirewallOrTheContainerRefuseAreProblemDetails() {
        for (String[] refused : new String[][] {{"/api/users;x=1", "400"}, {"/web/../pom.xml", "400"},
                {"/%2e%2e/pom.xml", "400"}, {"/WEB-INF/web.xml", "404"}, {"/META-INF/MANIFEST.MF", "404"},
                {"/error", "404"}, {"/no/such/page", "404"}}) {
            RawHttp.Answer answer = RawHttp.get(port, refused[0]);
            assertThat(answer.status()).as(refused[0] + " " + answer.body()).isEqualTo(Integer.parseInt(refused[1]));
            assertThat(answer.header("Content-Type")).as(refused[0]).startsWith("application/problem+json");
            assertThat(answer.body()).as(refused[0]).contains("\"status\":" + refused[1]).doesNotContain("999")
                    .doesNotContain("Exception").doesNotContain("\"timestamp\"");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // CORS
    // ------------------------------------------------------------------------------------------------

    @Test
    void publicOgcReadsAreOpenToScriptsOfOtherOriginsWithoutCredentials() {
        String origin = "Origin: https://gis.example.org";
        for (String path : List.of("/ogc", "/ogc/collections", "/ogc/collections/parcels/items?limit=1",
                "/ogc/collections/zones/items?limit=1", "/ogc/collections/parcels/tiles/WebMercatorQuad/14/6391/13527",
                "/ogc/collections/parcels/items?unknown=1")) {
            RawHttp.Answer answer = RawHttp.get(port, path, origin);
            assertThat(answer.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
            assertThat(answer.header("Access-Control-Allow-Credentials")).as(path).isNull();
            assertThat(answer.header("Access-Control-Expose-Headers")).as(path).contains("ETag");
        }
        RawHttp.Answer preflight = RawHttp.exchange(port, "OPTIONS /ogc/collections/parcels/items HTTP/1.1\r\nHost: x\r\n"
                + origin + "\r\nAccess-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: if-none-match\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("If-None-Match");

        RawHttp.Answer writePreflight = RawHttp.exchange(port, "OPTIONS /ogc/collections/parcels/items HTTP/1.1\r\n"
                + "Host: x\r\n" + origin + "\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
        assertThat(writePreflight.header("Access-Control-Allow-Origin")).as("a write is not opened").isNull();
        for (String path : List.of("/api/parcels/density?bbox=117.2,36.74,117.23,36.76&zoom=14", "/api/me", "/",
                "/api/allocations")) {
            assertThat(RawHttp.get(port, path, origin).header("Access-Control-Allow-Origin")).as(path).isNull();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Behind a TLS proxy; links
    // ------------------------------------------------------------------------------------------------

    @Test
    void behindATlsProxyBothCookiesAreSecureAndHstsIsSent() throws Exception {
        RawHttp.Answer page = RawHttp.get(port, "/login.html", "X-Forwarded-Proto: https",
                "X-Forwarded-For: " + newAddress());
        String csrfCookie = setCookie(page, "XSRF-TOKEN");
        assertThat(csrfCookie).contains("Secure").contains("SameSite=Strict");
        assertThat(page.header("Strict-Transport-Security")).contains("max-age=");

        String planner = newUser("planner");
        HttpResponse<String> signedIn = formSignIn(anonymous.from(newAddress()), planner, ServiceClient.USER_PASSWORD,
                true);
        String sessionCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

        RawHttp.Answer plain = RawHttp.get(port, "/login.html", "X-Forwarded-For: " + newAddress());
        assertThat(setCookie(plain, "XSRF-TOKEN")).doesNotContain("Secure").contains("SameSite=Strict");
        assertThat(plain.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
    }

    @Test
    void linksUseThePublicUrlWhateverHostTheRequestNames() {
        for (String path : List.of("/ogc", "/ogc/collections/parcels/items?limit=1", "/ogc/collections/parcels")) {
            RawHttp.Answer forged = RawHttp.get(port, path, "Host: evil.example",
                    "X-Forwarded-Host: evil.example");
            assertThat(forged.status()).as(path).isEqualTo(200);
            assertThat(forged.body()).as(path).contains(PUBLIC_URL + "/ogc").doesNotContain("evil.example");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Signs in through the form as a page does: the CSRF cookie first, then the form with its header. */
    private HttpResponse<String> formSignIn(ServiceClient from, String username, String password, boolean overTls)
            throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String address = forwardedFor(from);
        HttpRequest.Builder me = HttpRequest.newBuilder(URI.create(anonymous.base() + "/api/me")).header("X-Forwarded-For",
                address);
        browser.send(me.GET().build(), HttpResponse.BodyHandlers.ofString());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpRequest.Builder form = HttpRequest.newBuilder(URI.create(anonymous.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .header("X-Forwarded-For", address);
        if (overTls) {
            form.header("X-Forwarded-Proto", "https");
        }
        return browser.send(form.POST(HttpRequest.BodyPublishers.ofString("username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The address a client was given with {@link ServiceClient#from}, read back from a request it builds. */
    private static String forwardedFor(ServiceClient client) {
        return client.request("/").build().headers().firstValue("X-Forwarded-For").orElseThrow();
    }

    private static String sessionCookie(HttpResponse<String> signIn) {
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        return signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring("SESSION=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String setCookie(RawHttp.Answer answer, String name) {
        return answer.headerLines().stream().filter(line -> line.toLowerCase(java.util.Locale.ROOT)
                .startsWith("set-cookie: " + name.toLowerCase(java.util.Locale.ROOT) + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + answer.headerLines()));
    }

    private static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private String newUser(String role) {
        String name = role + "-hardening-" + USERS.incrementAndGet() + "-" + port;
        admin.ensureUser(role, name);
        return name;
    }

    /** An address of its own for each simulated client: 203.0.113.0/24, then 198.51.100.0/24 (documentation). */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return n < 250 ? "203.0.113." + n : "198.51.100." + (n - 249) % 250;
    }
}
