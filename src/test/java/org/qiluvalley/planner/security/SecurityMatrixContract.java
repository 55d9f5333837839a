package org.qiluvalley.planner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may call what: every endpoint of the service, for each of anonymous, investor, planner and admin, with the
 * class of answer each gets (the table in {@link #table()}). A test checks that the table names every endpoint the
 * controllers declare, so a new endpoint without a row fails. Beside the table: the 401 and 403 bodies, the Basic
 * challenge, browser sign-in with a session and its CSRF token, and user management. (The admin bootstrap, a
 * generated password printed once, is tested on the packaged jar: {@code PackagedJarIT}.)
 *
 * <p>Each store runs the same tests: {@link SecurityMatrixH2gisIT}, {@link SecurityMatrixPostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SecurityMatrixContract {

    enum Caller {
        ANONYMOUS, INVESTOR, PLANNER, ADMIN
    }

    /** The class of answer a caller gets. */
    enum Expect {
        /** 2xx. */
        OK,
        /** 401: sign in first. */
        UNAUTHENTICATED,
        /** 403: signed in, but the role may not. */
        FORBIDDEN,
        /** A 4xx that is not about who calls (400, 404, 405, 409, ...). */
        CLIENT_ERROR,
        /** 302 to the sign-in page (a browser asking for the planner workspace). */
        SIGN_IN_PAGE,
        /** 2xx, or 429 (rate-limited per client: the role was let through); never 401 or 403. */
        OK_OR_RATE_LIMITED,
        /** 302 to somewhere other than the sign-in page (an address that leads to its page). */
        REDIRECT;

        boolean accepts(ServiceClient.Reply reply) {
            int status = reply.status();
            return switch (this) {
                case OK -> status >= 200 && status < 300;
                case UNAUTHENTICATED -> status == 401;
                case FORBIDDEN -> status == 403;
                case CLIENT_ERROR -> status >= 400 && status < 500 && status != 401 && status != 403;
                case SIGN_IN_PAGE -> status == 302 && reply.header("Location") != null
                        && reply.header("Location").endsWith("/login.html");
                case OK_OR_RATE_LIMITED -> status >= 200 && status < 300 || status == 429;
                case REDIRECT -> status == 302 && reply.header("Location") != null
                        && !reply.header("Location").endsWith("/login.html");
            };
        }
    }

    /** One request: method, path, a body or none, an If-Match or none. */
    record Call(String method, String path, String contentType, String body, String ifMatch) {
        static Call get(String path) {
            return new Call("GET", path, null, null, null);
        }

        static Call post(String path) {
            return new Call("POST", path, null, null, null);
        }

        static Call json(String method, String path, JsonNode body) {
            return new Call(method, path, "application/json", body.toString(), null);
        }

        Call ifMatch(String eTag) {
            return new Call(method, path, contentType, body, eTag);
        }
    }

    /**
     * One row of the table: the endpoint (the controller mapping it exercises, or a description for filters and
     * static pages), the request (built afresh for every caller: a write needs its own parcel and ETag), and what
     * each caller gets.
     */
    record Row(String endpoint, Function<Fixtures, Call> call, Expect anonymous, Expect investor, Expect planner,
            Expect admin) {

        Expect expected(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case INVESTOR -> investor;
                case PLANNER -> planner;
                case ADMIN -> admin;
            };
        }

        @Override
        public String toString() {
            return endpoint;
        }
    }

    private static final Expect OK = Expect.OK;
    private static final Expect E401 = Expect.UNAUTHENTICATED;
    private static final Expect E403 = Expect.FORBIDDEN;
    private static final Expect E4XX = Expect.CLIENT_ERROR;

    private static Row everybody(String endpoint, Function<Fixtures, Call> call) {
        return new Row(endpoint, call, OK, OK, OK, OK);
    }

    /** A split's dry run along the meridian through the middle of the parcel's extent (CRS84), which cuts it. */
    private static Call splitDryRun(Fixtures f, String id) {
        org.locationtech.jts.geom.Envelope e = org.qiluvalley.planner.geo.GeoJson.readGeometry(
                f.planning.parcel(id).json().get("geometry"), org.qiluvalley.planner.geo.CrsTransform.CRS84)
                .getEnvelopeInternal();
        double lon = (e.getMinX() + e.getMaxX()) / 2;
        return Call.json("POST", "/api/parcels/" + id + "/split?dryRun=true", Planning.parse("{\"line\": {\"type\": "
                + "\"LineString\", \"coordinates\": [[" + lon + ", " + (e.getMaxY() + 0.0003) + "], [" + lon + ", "
                + (e.getMinY() - 0.0003) + "]]}}"));
    }

    /** Planners and admins: anonymous is asked to sign in, an investor is refused. */
    private static Row planners(String endpoint, Function<Fixtures, Call> call) {
        return new Row(endpoint, call, E401, E403, OK, OK);
    }

    /** A static page of web/: served when it is there (the planner workspace pages come with the ui branch). */
    private static Expect page(String name) {
        return new ClassPathResource("static/" + name).exists() ? OK : E4XX;
    }

    static Stream<Row> table() {
        String items = "/ogc/collections/parcels/items";
        List<Row> rows = new ArrayList<>(List.of(
                // ---- The OGC API, read side: public (controllers show the public fields to the public).
                everybody("GET /ogc", f -> Call.get("/ogc")),
                everybody("GET /ogc/", f -> Call.get("/ogc/")),
                everybody("GET /ogc/conformance", f -> Call.get("/ogc/conformance")),
                everybody("GET /ogc/api", f -> Call.get("/ogc/api")),
                everybody("GET /ogc/collections", f -> Call.get("/ogc/collections")),
                everybody("GET /ogc/collections/{collectionId}", f -> Call.get("/ogc/collections/parcels")),
                everybody("GET /ogc/collections/{collectionId}/queryables",
                        f -> Call.get("/ogc/collections/parcels/queryables")),
                everybody("GET /ogc/collections/{collectionId}/items", f -> Call.get(items + "?limit=5")),
                everybody("GET /ogc/collections/{collectionId}/items (available-sites)",
                        f -> Call.get("/ogc/collections/available-sites/items?limit=5")),
                everybody("GET /ogc/collections/{collectionId}/items/{featureId}",
                        f -> Call.get(items + "/" + f.anAvailableParcel())),
                new Row("GET /ogc/collections/{collectionId}/items/{featureId} (withdrawn: planners only)",
                        f -> Call.get(items + "/" + f.aWithdrawnParcel()), E4XX, E4XX, OK, OK),
                // ---- The map's small JSON endpoints, and who is signed in.
                everybody("GET /api/map-config", f -> Call.get("/api/map-config")),
                everybody("GET /api/land-use-codes", f -> Call.get("/api/land-use-codes")),
                everybody("GET /api/parcels/density",
                        f -> Call.get("/api/parcels/density?bbox=117.15,36.70,117.30,36.80&zoom=12")),
                everybody("GET /api/me", f -> Call.get("/api/me")),
                // ---- The public site check (the investor map's "check a site").
                everybody("POST /api/allocations/validate", f -> Call.json("POST", "/api/allocations/validate",
                        Planning.object().put("parcelId", f.anAvailableParcel()))),
                // ---- The OpenAPI document of /api and its Swagger UI (springdoc): public, they describe and hold no
                // data. The UI's files (/api/docs/swagger-ui/**) are static resources, public like the map's.
                everybody("GET /api/openapi", f -> Call.get("/api/openapi")),
                everybody("GET /api/openapi.yaml", f -> Call.get("/api/openapi.yaml")),
                everybody("GET /api/openapi/swagger-config", f -> Call.get("/api/openapi/swagger-config")),
                new Row("GET /api/docs/ (to the Swagger UI page)", f -> Call.get("/api/docs/"), Expect.REDIRECT,
                        Expect.REDIRECT, Expect.REDIRECT, Expect.REDIRECT),
                // ---- Pages, sign-in and health.
                everybody("GET / (investor map)", f -> Call.get("/")),
                everybody("GET /actuator/health", f -> Call.get("/actuator/health")),
                new Row("GET /login.html", f -> Call.get("/login.html"), page("login.html"), page("login.html"),
                        page("login.html"), page("login.html")),
                new Row("GET /planner.html", f -> Call.get("/planner.html"), Expect.SIGN_IN_PAGE, E403,
                        page("planner.html"), page("planner.html")),
                new Row("GET /admin.html", f -> Call.get("/admin.html"), Expect.SIGN_IN_PAGE, E403, E403,
                        page("admin.html")),
                // Sign-in and sign-out are forms of the browser session: without the CSRF token they are refused
                // whoever calls (the flow with the token: browserSignInKeepsASessionAndNeedsTheCsrfToken).
                new Row("POST /login without the CSRF token", f -> new Call("POST", "/login",
                        "application/x-www-form-urlencoded", "username=admin&password=x", null), E403, E403, E403,
                        E403),
                new Row("POST /logout without the CSRF token", f -> Call.post("/logout"), E403, E403, E403, E403),
                // ---- Parcel writes, OGC API Features Part 4: planners.
                planners("POST /ogc/collections/{collectionId}/items",
                        f -> Call.json("POST", items, f.planning.freeParcelBody())),
                planners("PUT /ogc/collections/{collectionId}/items/{featureId}", Fixtures::replaceCall),
                planners("PATCH /ogc/collections/{collectionId}/items/{featureId}", Fixtures::patchCall),
                planners("DELETE /ogc/collections/{collectionId}/items/{featureId}", Fixtures::deleteCall),
                new Row("POST /ogc/collections/{collectionId}/items (a read-only collection)",
                        f -> Call.json("POST", "/ogc/collections/zones/items", Planning.object()), E401, E403, E4XX,
                        E4XX),
                new Row("PUT /ogc/collections/{collectionId}/items/{featureId} (a read-only collection)",
                        f -> Call.json("PUT", "/ogc/collections/roads/items/x", Planning.object()), E401, E403,
                        E4XX, E4XX),
                planners("POST /api/parcels/validate", f -> Call.json("POST", "/api/parcels/validate",
                        f.planning.parcel(f.anAvailableParcel()).writable())),
                // ---- Split, merge and lineage: planners (dry runs, so that no role's call uses up a parcel).
                planners("POST /api/parcels/{id}/split", f -> splitDryRun(f, f.anAvailableParcel())),
                new Row("POST /api/parcels/merge (a parcel listed twice: refused after the role check)",
                        f -> {
                            String id = f.anAvailableParcel();
                            return Call.json("POST", "/api/parcels/merge?dryRun=true", Planning.parse("{\"parcels\": "
                                    + "[{\"id\": \"" + id + "\"}, {\"id\": \"" + id + "\"}]}"));
                        }, E401, E403, E4XX, E4XX),
                planners("GET /api/parcels/{id}/lineage", f -> Call.get("/api/parcels/" + f.anAvailableParcel()
                        + "/lineage")),
                // ---- The planning-conditions letter: anyone, for an available site.
                everybody("GET /api/parcels/{id}/conditions", f -> Call.get("/api/parcels/" + f.anAvailableParcel()
                        + "/conditions")),
                everybody("GET /sites/{id}", f -> Call.get("/sites/" + f.anAvailableParcel())),
                everybody("GET /sites/{id}/thumbnail.png", f -> Call.get("/sites/" + f.anAvailableParcel()
                        + "/thumbnail.png")),
                // ---- The allocation lifecycle: planners.
                planners("GET /api/allocations", f -> Call.get("/api/allocations")),
                planners("GET /api/allocations/{id}", f -> Call.get("/api/allocations/" + f.anAllocation())),
                planners("POST /api/allocations", f -> Call.json("POST", "/api/allocations",
                        Planning.proposal(f.planning.takeAvailableParcel(), "Matrix Lasers Co."))),
                planners("POST /api/allocations/{id}/approve",
                        f -> Call.post("/api/allocations/" + f.proposedByAnotherPlanner() + "/approve")),
                // Four eyes: the test-wide admin proposed it, so the admin is refused; the planner may approve.
                new Row("POST /api/allocations/{id}/approve (proposed by the admin: four eyes)",
                        f -> Call.post("/api/allocations/" + f.planning.allocationIn("proposed", "A") + "/approve"),
                        E401, E403, OK, E403),
                planners("POST /api/allocations/{id}/reject",
                        f -> Call.post("/api/allocations/" + f.planning.allocationIn("proposed", "R") + "/reject")),
                planners("POST /api/allocations/{id}/release",
                        f -> Call.post("/api/allocations/" + f.planning.allocationIn("approved", "L") + "/release")),
                // After approval, each call on an allocation of its own in the state the step needs.
                planners("POST /api/allocations/{id}/contract", f -> Call.json("POST", "/api/allocations/"
                        + f.planning.allocationIn("approved", "C") + "/contract", Fixtures.contract())),
                planners("POST /api/allocations/{id}/milestones", f -> Call.json("POST", "/api/allocations/"
                        + f.contracted(false) + "/milestones", Planning.object().put("kind", "handed-over")
                                .put("on", Fixtures.today().toString()))),
                planners("POST /api/allocations/{id}/review", f -> Call.json("POST", "/api/allocations/"
                        + f.contracted(true) + "/review", Planning.object().put("on", Fixtures.today().toString())
                                .put("investmentWanYuan", 1000).put("taxWanYuanPerYear", 100))),
                planners("POST /api/allocations/{id}/revoke", f -> Call.json("POST", "/api/allocations/"
                        + f.contracted(false) + "/revoke", Planning.object().put("reason", "matrix"))),
                // ---- History and the plan-wide audit: planners.
                planners("GET /api/history", f -> Call.get("/api/history?feature=" + f.anAvailableParcel())),
                planners("GET /api/audit", f -> Call.get("/api/audit")),
                planners("GET /api/audit.csv", f -> Call.get("/api/audit.csv")),
                planners("GET /api/supervision", f -> Call.get("/api/supervision")),
                planners("GET /api/supervision.csv", f -> Call.get("/api/supervision.csv")),
                // ---- Users: admins only.
                new Row("GET /api/users", f -> Call.get("/api/users"), E401, E403, E403, OK),
                new Row("PATCH /api/users/{username}", f -> {
                    f.anonymous.ensureUser("investor", "matrix-patched");
                    return Call.json("PATCH", "/api/users/matrix-patched", Planning.parse("{\"disabled\": false}"));
                }, E401, E403, E403, OK),
                new Row("POST /api/users", f -> Call.json("POST", "/api/users", Planning.object()
                        .put("username", "matrix-made-" + f.serial()).put("password", "a-long-password")
                        .put("role", "investor")), E401, E403, E403, OK),
                // ---- Investor inquiries: anyone sends; signed-in users read (an investor their own); planners close.
                new Row("POST /api/inquiries", f -> Call.json("POST", "/api/inquiries", Planning.object()
                        .put("parcelId", f.anAvailableParcel()).put("company", "Matrix Optics Ltd")
                        .put("contact", "matrix-" + f.serial() + "@example.com")
                        .put("message", "We would like to visit the site.")), Expect.OK_OR_RATE_LIMITED,
                        Expect.OK_OR_RATE_LIMITED, Expect.OK_OR_RATE_LIMITED, Expect.OK_OR_RATE_LIMITED),
                new Row("GET /api/inquiries", f -> Call.get("/api/inquiries"), E401, OK, OK, OK),
                // Another investor's inquiry is a 404 to this investor: its existence is not theirs to know.
                new Row("GET /api/inquiries/{id}", f -> Call.get("/api/inquiries/" + f.anInquiry()), E401, E4XX, OK,
                        OK),
                new Row("POST /api/inquiries/{id}/close", f -> Call.json("POST", "/api/inquiries/" + f.anInquiry()
                        + "/close", Planning.object().put("note", "Called back.")), E401, E403, OK, OK),
                // ---- Vector tiles: public (role-filtered properties).
                everybody("GET /ogc/collections/{collectionId}/tiles", f -> Call.get("/ogc/collections/zones/tiles")),
                everybody("GET /ogc/collections/{collectionId}/tiles/{matrixSet}",
                        f -> Call.get("/ogc/collections/parcels/tiles/WebMercatorQuad")),
                everybody("GET /ogc/collections/{collectionId}/tiles/{matrixSet}/{z}/{y}/{x}",
                        f -> Call.get("/ogc/collections/parcels/tiles/WebMercatorQuad/15/12782/27053")),
                everybody("GET /ogc/collections/{collectionId}/tiles/{matrixSet}/{z}/{y}/{x}.mvt",
                        f -> Call.get("/ogc/collections/parcels/tiles/WebMercatorQuad/15/12782/27053.mvt")),
                everybody("GET /ogc/tileMatrixSets", f -> Call.get("/ogc/tileMatrixSets")),
                everybody("GET /ogc/tileMatrixSets/{tileMatrixSetId}",
                        f -> Call.get("/ogc/tileMatrixSets/WebMercatorQuad"))));
        return rows.stream();
    }

    /** What the table's requests need: parcels and allocations in a given state, made through the API. */
    static final class Fixtures {
        private static final AtomicInteger SERIAL = new AtomicInteger();
        /** Per service: one withdrawn parcel and one allocation, made on first use. */
        private static final Map<String, String> WITHDRAWN = new ConcurrentHashMap<>();
        private static final Map<String, String> ALLOCATION = new ConcurrentHashMap<>();

        final Planning planning;
        final ServiceClient anonymous;
        private final String base;

        Fixtures(ServiceClient anonymous) {
            this.planning = new Planning(anonymous);
            this.anonymous = anonymous;
            this.base = anonymous.base();
        }

        int serial() {
            return SERIAL.incrementAndGet();
        }

        String anAvailableParcel() {
            return planning.takeAvailableParcel();
        }

        String aWithdrawnParcel() {
            return WITHDRAWN.computeIfAbsent(base, b -> {
                String id = planning.takeAvailableParcel();
                planning.withdraw(id);
                return id;
            });
        }

        /** A fresh proposal by a planner who is none of the callers, so that four eyes lets every planner approve. */
        String proposedByAnotherPlanner() {
            return Planning.created(planning.client().asNew("planner", "matrix-proposer").postJson("/api/allocations",
                    Planning.proposal(planning.takeAvailableParcel(), "Four Eyes Matrix Co.").toString()));
        }

        /** Today by the service's clock (UTC). */
        static java.time.LocalDate today() {
            return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        }

        /** A contract signed today, with its deadlines ahead. */
        static ObjectNode contract() {
            java.time.LocalDate today = today();
            return Planning.object().put("contractNumber", "CR-MATRIX").put("signedOn", today.toString())
                    .put("priceWanYuan", 1000).put("handOverBy", today.plusDays(30).toString())
                    .put("startBy", today.plusDays(180).toString()).put("completeBy", today.plusDays(720).toString())
                    .put("reviewOn", today.plusDays(1080).toString());
        }

        /** A fresh contracted allocation, with every milestone reached today when {@code completed}. */
        String contracted(boolean completed) {
            String id = planning.allocationIn("approved", "Contract Matrix Co.");
            ServiceClient admin = planning.planner();
            List<ObjectNode> steps = new ArrayList<>();
            if (completed) {
                for (String kind : List.of("handed-over", "started", "completed")) {
                    steps.add(Planning.object().put("kind", kind).put("on", today().toString()));
                }
            }
            ServiceClient.Reply reply = admin.postJson("/api/allocations/" + id + "/contract", contract().toString());
            for (int i = 0; reply.status() == 200 && i < steps.size(); i++) {
                reply = admin.postJson("/api/allocations/" + id + "/milestones", steps.get(i).toString());
            }
            if (reply.status() != 200) {
                throw new IllegalStateException("cannot contract " + id + ": " + reply.status() + " " + reply.body());
            }
            return id;
        }

        String anAllocation() {
            return ALLOCATION.computeIfAbsent(base, b -> planning.propose(planning.takeAvailableParcel(), "Any Co."));
        }

        /** A fresh open inquiry, sent by an investor of its own (so no caller's rate limit is spent on it). */
        String anInquiry() {
            int n = serial();
            ServiceClient.Reply reply = planning.client().asNew("investor", "matrix-inquirer-" + n).postJson(
                    "/api/inquiries", Planning.object().put("parcelId", anAvailableParcel())
                            .put("company", "Inquiring Optics " + n).put("contact", "inquirer-" + n + "@example.com")
                            .put("message", "Interested.").toString());
            if (reply.status() != 201) {
                throw new IllegalStateException("cannot send an inquiry: " + reply.status() + " " + reply.body());
            }
            return reply.json().get("id").stringValue();
        }

        Call replaceCall() {
            Planning.Feature parcel = planning.parcel(planning.takeAvailableParcel());
            ObjectNode body = parcel.writable();
            ((ObjectNode) body.get("properties")).put("setbackMetres", 6.0);
            return Call.json("PUT", "/ogc/collections/parcels/items/" + body.get("id").stringValue(), body)
                    .ifMatch(parcel.eTag());
        }

        Call patchCall() {
            Planning.Feature parcel = planning.parcel(planning.takeAvailableParcel());
            ObjectNode patch = Planning.object();
            patch.putObject("properties").put("setbackMetres", 7.0);
            return Call.json("PATCH", "/ogc/collections/parcels/items/" + parcel.json().get("id").stringValue(), patch)
                    .ifMatch(parcel.eTag());
        }

        Call deleteCall() {
            Planning.Feature parcel = planning.parcel(planning.takeAvailableParcel());
            return new Call("DELETE", "/ogc/collections/parcels/items/" + parcel.json().get("id").stringValue(), null,
                    null, parcel.eTag());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ServiceClient anonymous;
    Fixtures fixtures;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient("http://localhost:" + port);
        fixtures = new Fixtures(anonymous);
    }

    ServiceClient as(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> anonymous;
            case INVESTOR -> anonymous.asNew("investor", "matrix-investor");
            case PLANNER -> anonymous.asNew("planner", "matrix-planner");
            case ADMIN -> anonymous.asAdmin();
        };
    }

    static ServiceClient.Reply send(ServiceClient client, Call call) {
        HttpRequest.Builder request = client.request(call.path()).method(call.method(), call.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.ifMatch() != null) {
            request.header("If-Match", call.ifMatch());
        }
        return client.send(request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachEndpointAnswersEachRoleAsTheTableSays(Row row) {
        for (Caller caller : Caller.values()) {
            Call call = row.call().apply(fixtures);
            ServiceClient.Reply reply = send(as(caller), call);
            Expect expected = row.expected(caller);
            assertThat(expected.accepts(reply)).as("%s %s as %s: expected %s, got %d %s", call.method(), call.path(),
                    caller, expected, reply.status(), reply.body()).isTrue();
            if (reply.status() == 401 || reply.status() == 403) {
                assertIsAProblem(reply, reply.status());
            }
        }
    }

    @Test
    void theTableNamesEveryEndpointTheControllersDeclare() {
        Set<String> declared = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // Spring Boot's error controller, reached only by forwarding
                }
                methods.forEach(m -> declared.add(m + " " + pattern));
            }
        }
        Set<String> inTable = new TreeSet<>();
        table().forEach(row -> inTable.add(row.endpoint().replaceAll(" \\(.*\\)$", "")));
        assertThat(declared).as("every endpoint of the controllers has a row in the table").isNotEmpty()
                .allSatisfy(endpoint -> assertThat(inTable).contains(endpoint));
    }

    // ---- 401 and 403 ---------------------------------------------------------------------------------------------

    private static void assertIsAProblem(ServiceClient.Reply reply, int status) {
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "at org.", "at java.", "springframework");
    }

    @Test
    void aSignInChallengeForApiClientsButNotForTheServicesOwnPages() {
        for (String path : List.of("/api/allocations", "/api/history?feature=QOV-LI-001", "/api/audit", "/api/users")) {
            ServiceClient.Reply apiClient = anonymous.get(path);
            assertThat(apiClient.status()).as(path).isEqualTo(401);
            assertThat(apiClient.header("WWW-Authenticate")).as(path).startsWith("Basic realm=");
            assertIsAProblem(apiClient, 401);

            // Our pages send X-Requested-With: no challenge, so the browser never shows its password dialog.
            ServiceClient.Reply page = anonymous.send(anonymous.request(path).header("X-Requested-With",
                    "XMLHttpRequest").GET());
            assertThat(page.status()).as(path).isEqualTo(401);
            assertThat(page.header("WWW-Authenticate")).as(path).isNull();
            assertIsAProblem(page, 401);
        }
    }

    @Test
    void aWrongPasswordIs401EvenWhereNoneIsNeeded() {
        anonymous.ensureUser("planner", "matrix-planner");
        for (String path : List.of("/ogc", "/api/allocations")) {
            ServiceClient.Reply reply = anonymous.as("matrix-planner", "not-the-password").get(path);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertIsAProblem(reply, 401);
            assertThat(reply.json().get("detail").stringValue()).contains("wrong");
        }
        assertThat(anonymous.as("nobody-at-all", "not-the-password").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void anInvestorCannotWriteParcelsProposeOrReadHistory() {
        ServiceClient investor = as(Caller.INVESTOR);
        Planning planning = fixtures.planning;
        String id = planning.takeAvailableParcel();
        Planning.Feature before = planning.parcel(id);
        List<ServiceClient.Reply> replies = List.of(
                investor.putJson("/ogc/collections/parcels/items/" + id, before.writable().toString(), before.eTag()),
                investor.patchJson("/ogc/collections/parcels/items/" + id, "{\"properties\":{\"setbackMetres\":9}}",
                        before.eTag()),
                investor.delete("/ogc/collections/parcels/items/" + id, before.eTag()),
                investor.postJson("/ogc/collections/parcels/items", planning.freeParcelBody().toString()),
                investor.postJson("/api/allocations", Planning.proposal(id, "Investor Itself Ltd").toString()),
                investor.get("/api/history?feature=" + id));
        for (ServiceClient.Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertIsAProblem(reply, 403);
        }
        Planning.Feature after = planning.parcel(id);
        assertThat(after.eTag()).as("nothing changed").isEqualTo(before.eTag());
        assertThat(after.status()).isEqualTo("available");
    }

    // ---- Browser sign-in -----------------------------------------------------------------------------------------

    /** A browser: keeps cookies, follows no redirects. */
    final class Browser {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(anonymous.base() + path));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(request(path).header("X-Requested-With", "XMLHttpRequest").GET());
        }

        String csrfToken() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        }

        HttpResponse<String> signIn(String username, String password, boolean withToken)
                throws IOException, InterruptedException {
            get("/api/me"); // any page load sets the XSRF-TOKEN cookie
            HttpRequest.Builder form = request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(password)));
            return send(withToken ? form.header("X-XSRF-TOKEN", csrfToken()) : form);
        }

        HttpResponse<String> postJson(String path, String json, boolean withToken)
                throws IOException, InterruptedException {
            HttpRequest.Builder post = request(path).header("Content-Type", "application/json")
                    .header("X-Requested-With", "XMLHttpRequest").POST(HttpRequest.BodyPublishers.ofString(json));
            return send(withToken ? post.header("X-XSRF-TOKEN", csrfToken()) : post);
        }

        JsonNode me() throws IOException, InterruptedException {
            return Planning.parse(get("/api/me").body());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void browserSignInKeepsASessionAndNeedsTheCsrfToken() throws Exception {
        anonymous.ensureUser("planner", "matrix-planner");
        Browser browser = new Browser();
        assertThat(browser.me().get("signedIn").booleanValue()).isFalse();

        HttpResponse<String> refused = browser.signIn("matrix-planner", ServiceClient.USER_PASSWORD, false);
        assertThat(refused.statusCode()).as("sign-in without the CSRF token").isEqualTo(403);
        assertThat(browser.me().get("signedIn").booleanValue()).isFalse();

        HttpResponse<String> wrong = browser.signIn("matrix-planner", "not-the-password", true);
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login.html?error");
        assertThat(browser.me().get("signedIn").booleanValue()).isFalse();

        HttpResponse<String> signedIn = browser.signIn("matrix-planner", ServiceClient.USER_PASSWORD, true);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/planner.html");
        JsonNode me = browser.me();
        assertThat(me.get("signedIn").booleanValue()).isTrue();
        assertThat(me.get("username").stringValue()).isEqualTo("matrix-planner");
        assertThat(me.get("role").stringValue()).isEqualTo("planner");
        assertThat(me.get("planner").booleanValue()).isTrue();
        assertThat(me.get("fourEyes").booleanValue()).as("four eyes is on by default").isTrue();
        assertThat(browser.get("/api/allocations").statusCode()).as("a planner's read through the session")
                .isEqualTo(200);

        // A state-changing request riding on the session needs the token, even where anonymous needs none.
        String check = Planning.object().put("parcelId", fixtures.anAvailableParcel()).toString();
        HttpResponse<String> forged = browser.postJson("/api/allocations/validate", check, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(forged.body()).contains("CSRF");
        assertThat(browser.postJson("/api/allocations/validate", check, true).statusCode()).isEqualTo(200);
        HttpResponse<String> proposed = browser.postJson("/api/allocations",
                Planning.proposal(fixtures.planning.takeAvailableParcel(), "Session Lasers Ltd").toString(), true);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        assertThat(Planning.parse(proposed.body()).at("/proposed/by").stringValue()).isEqualTo("matrix-planner");

        // Sign-out as a form of a page does it (a script's fetch without Accept: text/html gets 204 instead).
        HttpResponse<String> signedOut = browser.send(browser.request("/logout").header("Accept", "text/html")
                .header("X-XSRF-TOKEN", browser.csrfToken()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedOut.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
        assertThat(browser.me().get("signedIn").booleanValue()).isFalse();
        assertThat(browser.get("/api/allocations").statusCode()).isEqualTo(401);
    }

    // ---- Users for admins: PATCH /api/users/{username} ----------------------------------------------------------

    private ServiceClient.Reply patchUser(String username, String json) {
        return anonymous.asAdmin().send(anonymous.asAdmin().request("/api/users/" + username)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void disablingAUserEndsItsBrowserSessionAtOnceAndItsBasicAccess() throws Exception {
        anonymous.ensureUser("planner", "matrix-disabled");
        Browser browser = new Browser();
        assertThat(browser.signIn("matrix-disabled", ServiceClient.USER_PASSWORD, true).statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/allocations").statusCode()).isEqualTo(200);

        ServiceClient.Reply disabled = patchUser("matrix-disabled", "{\"disabled\": true}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").booleanValue()).isFalse();

        // The session was in the database and is gone: the very next request is anonymous.
        assertThat(browser.get("/api/allocations").statusCode()).isEqualTo(401);
        assertThat(browser.me().get("signedIn").booleanValue()).isFalse();
        assertThat(anonymous.as("matrix-disabled", ServiceClient.USER_PASSWORD).get("/api/allocations").status())
                .isEqualTo(401);
        assertThat(new Browser().signIn("matrix-disabled", ServiceClient.USER_PASSWORD, true).headers()
                .firstValue("Location").orElseThrow()).endsWith("/login.html?error");
        JsonNode event = anonymous.asAdmin().get("/api/history?feature=matrix-disabled").json().get("events").get(1);
        assertThat(event.get("action").stringValue()).isEqualTo("update");
        assertThat(event.toString()).doesNotContain(ServiceClient.USER_PASSWORD).contains("\"enabled\":false");

        assertThat(patchUser("matrix-disabled", "{\"disabled\": false}").status()).isEqualTo(200);
        assertThat(anonymous.as("matrix-disabled", ServiceClient.USER_PASSWORD).get("/api/allocations").status())
                .isEqualTo(200);
    }

    @Test
    void aNewRoleOrPasswordAppliesAtOnceAndEndsTheOldSessions() throws Exception {
        anonymous.ensureUser("planner", "matrix-demoted");
        Browser browser = new Browser();
        assertThat(browser.signIn("matrix-demoted", ServiceClient.USER_PASSWORD, true).statusCode()).isEqualTo(302);

        ServiceClient.Reply demoted = patchUser("matrix-demoted", "{\"role\": \"investor\"}");
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
        assertThat(demoted.json().get("role").stringValue()).isEqualTo("investor");
        assertThat(browser.me().get("signedIn").booleanValue()).as("the planner's session ended").isFalse();
        assertThat(anonymous.as("matrix-demoted", ServiceClient.USER_PASSWORD).get("/api/allocations").status())
                .as("an investor now").isEqualTo(403);

        String newPassword = "a-new-long-passphrase";
        assertThat(patchUser("matrix-demoted", "{\"password\": \"" + newPassword + "\"}").status()).isEqualTo(200);
        assertThat(anonymous.as("matrix-demoted", ServiceClient.USER_PASSWORD).get("/api/me").status()).isEqualTo(401);
        assertThat(anonymous.as("matrix-demoted", newPassword).get("/api/me").json().get("role").stringValue())
                .isEqualTo("investor");
        assertThat(anonymous.asAdmin().get("/api/history?feature=matrix-demoted").body()).doesNotContain(newPassword);
    }

    @Test
    void theOnlyEnabledAdminIsNeverDisabledOrDemotedAndBadChangesChangeNothing() {
        boolean otherAdmins = false;
        for (JsonNode user : anonymous.asAdmin().get("/api/users").json()) {
            otherAdmins |= user.get("role").stringValue().equals("admin") && user.get("enabled").booleanValue()
                    && !user.get("username").stringValue().equals(ServiceClient.ADMIN);
        }
        if (!otherAdmins) {
            ServiceClient.Reply alone = patchUser(ServiceClient.ADMIN, "{\"disabled\": true}");
            assertThat(alone.status()).as(alone.body()).isEqualTo(409);
            assertThat(alone.json().get("detail").stringValue()).contains("only enabled admin");
            assertThat(patchUser(ServiceClient.ADMIN, "{\"role\": \"planner\"}").status()).isEqualTo(409);
        }
        assertThat(anonymous.asAdmin().get("/api/me").json().get("role").stringValue()).isEqualTo("admin");

        anonymous.ensureUser("planner", "matrix-refusals");
        for (String bad : List.of("{}", "{\"role\": \"owner\"}", "{\"disabled\": \"yes\"}",
                "{\"password\": \"short\"}", "{\"enabled\": false}", "{\"role\": \"investor\", \"role\": \"admin\"}",
                "[]")) {
            ServiceClient.Reply refused = patchUser("matrix-refusals", bad);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
        }
        assertThat(patchUser("no-such-user", "{\"disabled\": true}").status()).isEqualTo(404);
        assertThat(anonymous.as("matrix-refusals", ServiceClient.USER_PASSWORD).get("/api/me").json().get("role")
                .stringValue()).as("nothing changed").isEqualTo("planner");
    }

    @Test
    void anInvestorSignsInToTheMapNotTheWorkspace() throws Exception {
        anonymous.ensureUser("investor", "matrix-investor");
        Browser browser = new Browser();
        HttpResponse<String> signedIn = browser.signIn("matrix-investor", ServiceClient.USER_PASSWORD, true);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
        JsonNode me = browser.me();
        assertThat(me.get("role").stringValue()).isEqualTo("investor");
        assertThat(me.get("planner").booleanValue()).isFalse();
        assertThat(browser.get("/planner.html").statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/history?feature=QOV-LI-001").statusCode()).isEqualTo(403);
    }

    // ---- Users ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "nonsense", "[]", "{}", "{\"username\":\"ok-name\",\"password\":\"long-enough-pw\"}",
        "{\"username\":\"ok-name\",\"role\":\"planner\"}", "{\"password\":\"long-enough-pw\",\"role\":\"planner\"}",
        "{\"username\":\"ok-name\",\"password\":\"short\",\"role\":\"planner\"}",
        "{\"username\":\"ok-name\",\"password\":\"long-enough-pw\",\"role\":\"emperor\"}",
        "{\"username\":\"ok-name\",\"password\":\"long-enough-pw\",\"role\":\"ADMIN\"}",
        "{\"username\":\"a\",\"password\":\"long-enough-pw\",\"role\":\"planner\"}",
        "{\"username\":\"has space\",\"password\":\"long-enough-pw\",\"role\":\"planner\"}",
        "{\"username\":\"x'; DROP TABLE users; --\",\"password\":\"long-enough-pw\",\"role\":\"planner\"}",
        "{\"username\":42,\"password\":\"long-enough-pw\",\"role\":\"planner\"}",
        "{\"username\":\"ok-name\",\"password\":\"long-enough-pw\",\"role\":\"planner\",\"enabled\":true}",
        "{\"username\":\"ok-name\",\"password\":\"" + "长密码长密码长密码长密码长密码长密码长密码长密码长密码长密码长密码长密码长密码" + "\",\"role\":\"planner\"}"})
    void badUserBodiesAre400AndCreateNobody(String body) {
        ServiceClient admin = anonymous.asAdmin();
        ServiceClient.Reply reply = admin.send(admin.request("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(reply.status()).as(body).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body()).doesNotContain("long-enough-pw", "长密码", "Exception", "at org.");
        assertThat(admin.get("/api/users").body()).doesNotContain("ok-name");
    }

    @Test
    void aDuplicateUserIs409AndKeepsTheFirstPassword() {
        ServiceClient admin = anonymous.asAdmin();
        String first = "{\"username\":\"matrix-twice\",\"password\":\"first-password-1\",\"role\":\"investor\"}";
        assertThat(admin.postJson("/api/users", first).status()).isEqualTo(201);
        ServiceClient.Reply again = admin.postJson("/api/users",
                "{\"username\":\"matrix-twice\",\"password\":\"second-password-2\",\"role\":\"admin\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).isEqualTo("application/problem+json");
        assertThat(again.body()).doesNotContain("second-password-2");
        JsonNode me = anonymous.as("matrix-twice", "first-password-1").get("/api/me").json();
        assertThat(me.get("role").stringValue()).as("the first account stands").isEqualTo("investor");
        assertThat(anonymous.as("matrix-twice", "second-password-2").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void passwordsAreNeverEchoedNorTheirHashes() {
        ServiceClient admin = anonymous.asAdmin();
        String password = "Echo-Me-Never-5b1d";
        ServiceClient.Reply created = admin.postJson("/api/users",
                "{\"username\":\"matrix-echo\",\"password\":\"" + password + "\",\"role\":\"planner\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/users/matrix-echo");
        JsonNode user = created.json();
        assertThat(user.propertyNames()).containsExactlyInAnyOrder("username", "role", "enabled", "createdAt");
        assertThat(user.get("role").stringValue()).isEqualTo("planner");
        ServiceClient echo = anonymous.as("matrix-echo", password);
        for (ServiceClient.Reply reply : List.of(created, admin.get("/api/users"), echo.get("/api/me"),
                admin.postJson("/api/users", "{\"username\":\"matrix-echo\",\"password\":\"" + password
                        + "\",\"role\":\"planner\"}"))) {
            assertThat(reply.body()).doesNotContain(password, "$2a$", "$2b$", "$2y$", "hash");
        }
        assertThat(echo.get("/api/allocations").status()).as("the new planner works").isEqualTo(200);
        assertThat(echo.get("/api/users").status()).as("but is no admin").isEqualTo(403);
    }
}
