package org.qiluvalley.planner.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.testsupport.PlanarGeoJson;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.Race;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.testsupport.ServiceClient.Reply;
import org.qiluvalley.planner.testsupport.ServiceProcess;

import tools.jackson.databind.JsonNode;

/**
 * The service is stateless where it matters: two instances of the packaged jar on one PostgreSQL + PostGIS
 * database behave as one service. They start together on an empty database (both race to migrate, seed and create
 * the admin: it happens once), racing proposals sent to both reserve a parcel once, a parcel edited through one is
 * served, validated and locked by the other at once (no in-memory copy of the plan), and a browser session signed
 * in through one is signed in on the other (sessions live in the database).
 */
@RequiresPostgis
class TwoInstancesIT {

    static final String ADMIN_PASSWORD = "two-instances-admin-password";
    /** Available enterprise parcels of gis-data, one per test. */
    static final String RACED_PARCEL = "QOV-LI-082";
    static final String EDITED_PARCEL = "QOV-LI-134";

    @TempDir
    static Path workDir;

    static ValleyProperties.Db database;
    static ServiceProcess instanceA;
    static ServiceProcess instanceB;

    @BeforeAll
    static void twoInstancesOnOneEmptyDatabase() {
        database = PostgisTestDatabase.create();
        Map<String, String> environment = Map.of("VALLEY_DB_URL", database.url(), "VALLEY_DB_USER", database.user(),
                "VALLEY_DB_PASSWORD", database.password(), "VALLEY_ADMIN_PASSWORD", ADMIN_PASSWORD,
                // Cheap password hashing: the tests send HTTP Basic on every request (the code path is the same).
                "VALLEY_BCRYPT_STRENGTH", "4");
        // Both started before either is up: they migrate, seed and create the admin at the same time.
        instanceA = ServiceProcess.start(workDir, "a.log", environment);
        instanceB = ServiceProcess.start(workDir, "b.log", environment);
        instanceA.awaitUp();
        instanceB.awaitUp();
    }

    @AfterAll
    static void stopAndDrop() {
        for (ServiceProcess instance : new ServiceProcess[] {instanceA, instanceB}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (database != null) {
            PostgisTestDatabase.drop(database);
        }
    }

    static ServiceClient plannerOn(ServiceProcess instance) {
        return instance.client().as("admin", ADMIN_PASSWORD);
    }

    @Test
    void startingTogetherOnAnEmptyDatabaseMigratesSeedsAndCreatesTheAdminOnce() {
        String logs = instanceA.log() + instanceB.log();
        logs.lines().filter(line -> line.contains("SeedLoader") || line.contains("AdminBootstrap")
                || line.contains("Flyway") || line.contains("DbMigrate")).forEach(System.out::println);
        assertThat(count(logs, "Loaded park data from")).as("seeded by exactly one instance").isEqualTo(1);
        assertThat(count(logs, "Created user 'admin'")).as("admin created by exactly one instance").isEqualTo(1);
        for (ServiceProcess instance : List.of(instanceA, instanceB)) {
            JsonNode parcels = instance.client().get("/ogc/collections/parcels/items?limit=1").json();
            assertThat(parcels.get("numberMatched").intValue()).as("parcels, loaded once").isEqualTo(190);
            assertThat(plannerOn(instance).get("/api/me").json().get("username").stringValue()).isEqualTo("admin");
        }
    }

    @Test
    void racingProposalsSentToBothInstancesReserveTheParcelOnce() {
        List<ServiceClient> planners = List.of(plannerOn(instanceA), plannerOn(instanceB));
        List<Reply> replies = Race.run(40, 40, i -> planners.get(i % 2).postJson("/api/allocations",
                "{\"parcelId\":\"" + RACED_PARCEL + "\",\"allottee\":{\"name\":\"Twin Lasers " + i
                        + "\",\"type\":\"enterprise\"},\"intendedUse\":\"laser cutting heads\",\"pledges\":{"
                        + "\"investmentWanYuanPerMu\":330,\"taxWanYuanPerMu\":28},\"termYears\":25}"));

        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        replies.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
        assertThat(statuses).as("answers by status across both instances")
                .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 39L));
        String allocationId = replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().get("id")
                .stringValue();
        for (ServiceClient planner : planners) {
            JsonNode parcel = planner.get("/ogc/collections/parcels/items/" + RACED_PARCEL).json();
            assertThat(parcel.at("/properties/status").stringValue()).isEqualTo("reserved");
            assertThat(parcel.at("/properties/allocationId").stringValue()).isEqualTo(allocationId);
        }
    }

    @Test
    void aParcelEditedThroughOneInstanceIsServedValidatedAndLockedByTheOtherAtOnce() {
        ServiceClient onA = plannerOn(instanceA);
        ServiceClient onB = plannerOn(instanceB);
        String path = "/ogc/collections/parcels/items/" + EDITED_PARCEL;
        Reply original = onB.get(path);
        long version = original.json().at("/properties/version").longValue();
        Polygon outline = (Polygon) PlanarGeoJson.readPlanar(original.json().get("geometry"));
        // The parcel without its east 30 m: a strip along the road that the edit frees.
        Envelope box = outline.getEnvelopeInternal();
        Polygon strip = PlanarGeoJson.rectangle(box.getMaxX() - 30, box.getMinY() - 1, 31, box.getHeight() + 2);
        Polygon shrunk = (Polygon) outline.difference(strip);
        Polygon freed = (Polygon) outline.intersection(strip);

        Reply shrinking = onA.patchJson(path, "{\"geometry\":" + PlanarGeoJson.polygonCrs84(shrunk) + "}",
                original.header("ETag"));
        assertThat(shrinking.status()).as(shrinking.body()).isEqualTo(200);

        Reply servedByB = onB.get(path);
        assertThat(servedByB.header("ETag")).isEqualTo("\"v" + (version + 1) + "\"");
        assertThat(servedByB.json().at("/properties/version").longValue()).isEqualTo(version + 1);
        Geometry served = PlanarGeoJson.readPlanar(servedByB.json().get("geometry"));
        assertThat(served.symDifference(shrunk).getArea()).as("m² between the outline B serves and the edit")
                .isLessThan(0.5);
        assertThat(overlapsFoundBy(onB, freed)).as("B validates the freed strip against the new outline").isEmpty();

        // Growing back: the strip is the new part of the outline, and B must see it taken.
        Reply growing = onA.patchJson(path, "{\"geometry\":" + PlanarGeoJson.polygonCrs84(outline) + "}",
                shrinking.header("ETag"));
        assertThat(growing.status()).as(growing.body()).isEqualTo(200);
        assertThat(overlapsFoundBy(onB, freed)).as("parcels B finds overlapping the strip").containsExactly(EDITED_PARCEL);

        Reply stale = onB.putJson(path, servedByB.body(), servedByB.header("ETag"));
        assertThat(stale.status()).as("a PUT on B with the ETag A's edit made stale").isEqualTo(412);
        assertThat(onA.get(path).json().at("/properties/version").longValue()).as("nothing changed")
                .isEqualTo(version + 2);
    }

    @Test
    void aSessionSignedInThroughOneInstanceIsSignedInOnTheOther() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String a = instanceA.client().base();
        String b = instanceB.client().base();

        // Any page gives the CSRF cookie; the sign-in form is posted with it, as the single-page client sends it.
        send(browser, HttpRequest.newBuilder(URI.create(a + "/api/me")).GET());
        String csrf = cookie(cookies, "XSRF-TOKEN");
        HttpResponse<String> signIn = send(browser, HttpRequest.newBuilder(URI.create(a + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8))));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).endsWith("/planner.html");
        String session = cookie(cookies, "SESSION");

        // Instance B has never seen this browser: only the session cookie, sent by hand.
        HttpClient other = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> me = send(other, HttpRequest.newBuilder(URI.create(b + "/api/me"))
                .header("Cookie", "SESSION=" + session).GET());
        JsonNode who = new ServiceClient.Reply(me.statusCode(), "", me.body(), me.headers().map()).json();
        assertThat(who.get("signedIn").booleanValue()).as(me.body()).isTrue();
        assertThat(who.get("username").stringValue()).isEqualTo("admin");
        assertThat(send(other, HttpRequest.newBuilder(URI.create(b + "/api/allocations")).header("Cookie",
                "SESSION=" + session).GET()).statusCode()).as("a planner-only endpoint on B").isEqualTo(200);

        // Signing out through B ends the session on A too. Sign-in rotates the CSRF token: the next page (here
        // /api/me, as the workspace's first call) carries the new one.
        send(browser, HttpRequest.newBuilder(URI.create(a + "/api/me")).GET());
        String csrfAfterSignIn = cookie(cookies, "XSRF-TOKEN");
        HttpResponse<String> signOut = send(other, HttpRequest.newBuilder(URI.create(b + "/logout"))
                .header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + csrfAfterSignIn)
                .header("X-XSRF-TOKEN", csrfAfterSignIn).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(signOut.statusCode()).as(signOut.body()).isIn(204, 302);
        HttpResponse<String> meOnA = send(browser, HttpRequest.newBuilder(URI.create(a + "/api/me")).GET());
        assertThat(meOnA.body()).contains("\"signedIn\":false");
    }

    @Test
    void disablingAUserThroughOneInstanceEndsItsSessionOnTheOtherAtOnce() throws Exception {
        String user = "two-instance-disabled";
        assertThat(plannerOn(instanceA).postJson("/api/users", "{\"username\":\"" + user + "\",\"password\":\""
                + ServiceClient.USER_PASSWORD + "\",\"role\":\"planner\"}").status()).isEqualTo(201);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String a = instanceA.client().base();
        send(browser, HttpRequest.newBuilder(URI.create(a + "/api/me")).GET());
        HttpResponse<String> signIn = send(browser, HttpRequest.newBuilder(URI.create(a + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(ServiceClient.USER_PASSWORD, StandardCharsets.UTF_8))));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(send(browser, HttpRequest.newBuilder(URI.create(a + "/api/allocations")).GET()).statusCode())
                .isEqualTo(200);

        ServiceClient adminOnB = plannerOn(instanceB);
        ServiceClient.Reply disabled = adminOnB.send(adminOnB.request("/api/users/" + user)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"disabled\": true}")));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

        // The next request through A, with the same session cookie, is anonymous: A kept no copy of the session.
        assertThat(send(browser, HttpRequest.newBuilder(URI.create(a + "/api/allocations")).GET()).statusCode())
                .isEqualTo(401);
        assertThat(send(browser, HttpRequest.newBuilder(URI.create(a + "/api/me")).GET()).body())
                .contains("\"signedIn\":false");
    }

    @Test
    void failedSignInsThroughOneInstanceCountOnTheOther() {
        String user = "two-instance-guessed";
        assertThat(plannerOn(instanceA).postJson("/api/users", "{\"username\":\"" + user + "\",\"password\":\""
                + ServiceClient.USER_PASSWORD + "\",\"role\":\"planner\"}").status()).isEqualTo(201);
        for (int i = 0; i < 10; i++) {
            ServiceProcess instance = i % 2 == 0 ? instanceA : instanceB;
            assertThat(instance.client().as(user, "wrong-" + i).get("/api/allocations").status()).isEqualTo(401);
        }
        for (ServiceProcess instance : List.of(instanceA, instanceB)) {
            Reply refused = instance.client().as(user, ServiceClient.USER_PASSWORD).get("/api/allocations");
            assertThat(refused.status()).as("ten failures across both instances: " + refused.body()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotNull();
        }
    }

    /** The ids of the parcels instance {@code planner} finds overlapping {@code site} in a dry run. */
    private static List<String> overlapsFoundBy(ServiceClient planner, Polygon site) {
        Reply reply = planner.postJson("/api/parcels/validate", "{\"type\":\"Feature\",\"geometry\":"
                + PlanarGeoJson.polygonCrs84(site) + ",\"properties\":{\"zone\":\"laser-industry\",\"landUse\":\"100101\"}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> parcels = new ArrayList<>();
        reply.json().at("/findings/features").forEach(finding -> {
            if (finding.at("/properties/rule").stringValue().equals("parcel.overlap")) {
                finding.at("/properties/related").forEach(id -> parcels.add(id.stringValue()));
            }
        });
        return parcels;
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies.getCookieStore().getCookies()));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String phrase) {
        Matcher matcher = Pattern.compile(Pattern.quote(phrase)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
