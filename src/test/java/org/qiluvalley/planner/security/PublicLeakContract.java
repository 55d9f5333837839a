package org.qiluvalley.planner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * No public response of any endpoint contains planner-only data. A planner first makes real planner-only data
 * through the API (a proposal with a distinctive allottee and pledges, an approved allocation, a rejected one, a
 * withdrawn parcel, planning conditions of a reserved parcel changed to distinctive values, history); then every
 * public endpoint is crawled, as anonymous and as a signed-in investor, with every filter value and every item, and
 * no body may contain any of it. A request that names a secret itself (the id of a withdrawn parcel, of an
 * allocation) must be answered exactly as one naming something that never existed.
 *
 * <p>Each store runs the same tests: {@link PublicLeakH2gisIT}, {@link PublicLeakPostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublicLeakContract {

    static final String RESERVED_ALLOTTEE = "ZZ-SECRET-ALLOTTEE-7f3a";
    static final String APPROVED_ALLOTTEE = "ZZ-SECRET-APPROVED-c41e";
    static final String REJECTED_ALLOTTEE = "ZZ-SECRET-REJECTED-90bd";
    static final String SECRET_CONTACT = "zz-secret-contact-7f3a@example.com";
    /** Pledges, 万元/亩, and a proposed FAR nobody would choose by chance. */
    static final double SECRET_INVESTMENT = 987.654;
    static final double SECRET_TAX = 87.654;
    static final double SECRET_PROPOSED_FAR = 1.8765;
    /** The reserved parcel's planning conditions, changed by a planner while it is reserved. */
    static final double SECRET_FAR_MAX = 2.345;
    static final double SECRET_HEIGHT_METRES = 43.21;
    static final List<Double> SECRET_NUMBERS = List.of(SECRET_INVESTMENT, SECRET_TAX, SECRET_PROPOSED_FAR,
            SECRET_FAR_MAX, SECRET_HEIGHT_METRES);
    /** Member names of planner-only data: none may appear in a public body. */
    static final List<String> PLANNER_ONLY_NAMES = List.of("allottee", "pledges", "investmentWanYuanPerMu",
            "taxWanYuanPerMu", "allocationId", "allocationState", "allotteeType", "updatedAt", "intendedUse");
    static final Set<String> HIDDEN_STATUSES = Set.of("reserved", "allocated", "withdrawn");

    @LocalServerPort
    int port;

    ServiceClient anonymous;
    ServiceClient investor;
    Planning planning;

    String reservedParcel;
    String allocatedParcel;
    String rejectedParcel;
    String withdrawnParcel;
    /** Strings no public body may contain: allottees, allocation ids, the withdrawn parcel's id, a contact. */
    final Set<String> secrets = new LinkedHashSet<>();
    /** Parcels that are reserved or allocated (as planners see them) and withdrawn ones. */
    final Set<String> unavailableParcels = new TreeSet<>();
    final Set<String> withdrawnParcels = new TreeSet<>();
    /** Every parcel as planners see it. */
    final Map<String, JsonNode> plannerView = new LinkedHashMap<>();

    @BeforeAll
    void plannerOnlyDataExists() {
        anonymous = new ServiceClient("http://localhost:" + port);
        investor = anonymous.asNew("investor", "leak-investor");
        planning = new Planning(anonymous);
        ServiceClient planner = planning.planner();

        // A parcel of a rarer land use given distinctive planning conditions by the planner, then proposed with a
        // distinctive allottee, pledges and indicators (once reserved, its conditions are frozen).
        reservedParcel = planning.takeAvailableParcel("1101");
        Planning.Feature reserved = planning.parcel(reservedParcel);
        ObjectNode edit = reserved.writable();
        ((ObjectNode) edit.get("properties")).put("farMax", SECRET_FAR_MAX)
                .put("heightMaxMetres", SECRET_HEIGHT_METRES);
        ServiceClient.Reply edited = planner.putJson("/ogc/collections/parcels/items/" + reservedParcel,
                edit.toString(), reserved.eTag());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        ObjectNode proposal = Planning.proposal(reservedParcel, RESERVED_ALLOTTEE);
        proposal.putObject("pledges").put("investmentWanYuanPerMu", SECRET_INVESTMENT)
                .put("taxWanYuanPerMu", SECRET_TAX);
        proposal.putObject("indicators").put("far", SECRET_PROPOSED_FAR);
        String reservedAllocation = Planning.created(planner.postJson("/api/allocations", proposal.toString()));

        allocatedParcel = planning.takeAvailableParcel("0802");
        ObjectNode approved = Planning.proposal(allocatedParcel, APPROVED_ALLOTTEE);
        approved.putObject("pledges").put("investmentWanYuanPerMu", SECRET_INVESTMENT)
                .put("taxWanYuanPerMu", SECRET_TAX);
        String approvedAllocation = Planning.created(planner.postJson("/api/allocations", approved.toString()));
        planning.step(approvedAllocation, "approve");

        rejectedParcel = planning.takeAvailableParcel();
        String rejectedAllocation = planning.propose(rejectedParcel, REJECTED_ALLOTTEE);
        planning.step(rejectedAllocation, "reject");

        withdrawnParcel = planning.takeAvailableParcel();
        planning.withdraw(withdrawnParcel);

        secrets.addAll(List.of(RESERVED_ALLOTTEE, APPROVED_ALLOTTEE, REJECTED_ALLOTTEE, reservedAllocation,
                approvedAllocation, rejectedAllocation, withdrawnParcel));

        // An inquiry with a distinctive contact: contact details are for planners only.
        ServiceClient.Reply inquiry = anonymous.postJson("/api/inquiries", Planning.object()
                .put("parcelId", planning.takeAvailableParcel()).put("company", "Leak Test Optics")
                .put("contact", SECRET_CONTACT).put("message", "Please call us about this site.").toString());
        assertThat(inquiry.status()).as("an inquiry is accepted (%s)", inquiry.body()).isEqualTo(201);
        secrets.add(SECRET_CONTACT);

        for (JsonNode parcel : Planning.allItems(planner, "parcels")) {
            plannerView.put(parcel.get("id").stringValue(), parcel);
        }
        for (JsonNode parcel : Planning.allItems(planner, "parcels", "status=withdrawn")) {
            plannerView.put(parcel.get("id").stringValue(), parcel);
        }
        plannerView.forEach((id, parcel) -> {
            String status = parcel.at("/properties/status").stringValue();
            if (status.equals("withdrawn")) {
                withdrawnParcels.add(id);
            } else if (!status.equals("available")) {
                unavailableParcels.add(id);
            }
        });
    }

    @Test
    void thePlannerOnlyDataIsReal() {
        // The secrets are there for planners: the checks below would prove nothing otherwise.
        JsonNode reserved = plannerView.get(reservedParcel).get("properties");
        assertThat(reserved.get("status").stringValue()).isEqualTo("reserved");
        assertThat(reserved.get("landUse").stringValue()).isEqualTo("1101");
        assertThat(reserved.get("farMax").doubleValue()).isEqualTo(SECRET_FAR_MAX);
        assertThat(reserved.get("heightMaxMetres").doubleValue()).isEqualTo(SECRET_HEIGHT_METRES);
        assertThat(reserved.get("allottee").stringValue()).isEqualTo(RESERVED_ALLOTTEE);
        assertThat(plannerView.get(allocatedParcel).at("/properties/status").stringValue()).isEqualTo("allocated");
        assertThat(plannerView.get(allocatedParcel).at("/properties/allottee").stringValue())
                .isEqualTo(APPROVED_ALLOTTEE);
        assertThat(withdrawnParcels).contains(withdrawnParcel);
        String allocations = planning.planner().get("/api/allocations?limit=1000").body();
        assertThat(allocations).contains(RESERVED_ALLOTTEE, APPROVED_ALLOTTEE, REJECTED_ALLOTTEE,
                String.valueOf(SECRET_INVESTMENT), String.valueOf(SECRET_TAX));
        assertThat(planning.history(reservedParcel)).isNotEmpty();
    }

    // ---- The crawl -----------------------------------------------------------------------------------------------

    private List<String> publicUrls;
    private Map<String, ServiceClient.Reply> anonymousReplies;

    /** The crawl as anonymous: every public URL and its answer (read once, checked by several tests). */
    Map<String, ServiceClient.Reply> anonymousCrawl() {
        if (anonymousReplies == null) {
            anonymousReplies = new LinkedHashMap<>();
            for (String url : publicUrls()) {
                anonymousReplies.put(url, anonymous.getAbsolute(url));
            }
        }
        return anonymousReplies;
    }

    /** Every public read, with every filter value the API offers, every page and every item. */
    List<String> publicUrls() {
        if (publicUrls == null) {
            publicUrls = crawlList();
        }
        return publicUrls;
    }

    private List<String> crawlList() {
        String base = anonymous.base();
        Set<String> urls = new LinkedHashSet<>();
        for (String path : List.of("/ogc", "/ogc/", "/ogc/conformance", "/ogc/api", "/ogc/collections",
                "/api/map-config", "/api/land-use-codes", "/api/me", "/",
                "/api/parcels/density?bbox=117.15,36.70,117.30,36.80&zoom=14",
                "/api/parcels/density?bbox=117.15,36.70,117.30,36.80&zoom=10")) {
            urls.add(base + path);
        }
        List<String> landUses = new ArrayList<>();
        anonymous.get("/api/land-use-codes").json().forEach(code -> landUses.add(code.get("code").stringValue()));
        List<String> zones = new ArrayList<>();
        anonymous.get("/ogc/collections/zones/items").json().get("features")
                .forEach(zone -> zones.add(zone.get("id").stringValue()));
        Envelope reserved = geometry(plannerView.get(reservedParcel)).getEnvelopeInternal();
        String aroundReserved = reserved.getMinX() + "," + reserved.getMinY() + "," + reserved.getMaxX() + ","
                + reserved.getMaxY();

        List<String> lists = new ArrayList<>();
        for (String collection : List.of("valley", "zones", "parcels", "available-sites", "constraints", "roads",
                "road-reserves")) {
            urls.add(base + "/ogc/collections/" + collection);
            lists.add("/ogc/collections/" + collection + "/items?limit=40");
            lists.add("/ogc/collections/" + collection + "/items?limit=40&bbox=117.15,36.70,117.30,36.80");
            lists.add("/ogc/collections/" + collection + "/items?bbox=" + aroundReserved);
        }
        for (String parcels : List.of("parcels", "available-sites")) {
            String items = "/ogc/collections/" + parcels + "/items?limit=1000";
            for (String landUse : landUses) {
                lists.add(items + "&landUse=" + landUse);
                lists.add(items + "&landUse=" + landUse + "&bbox=" + aroundReserved);
                lists.add(items + "&landUse=" + landUse + "&zone=laser-industry");
            }
            for (String zone : zones) {
                lists.add(items + "&zone=" + zone);
            }
            for (String notAParameter : List.of("sortby=status", "sortby=-landUse", "filter=status%3D%27reserved%27",
                    "allottee=" + RESERVED_ALLOTTEE, "status=withdrawn", "properties=allottee")) {
                lists.add(items + "&" + notAParameter);
            }
        }
        for (String status : List.of("available", "unavailable", "reserved", "allocated", "withdrawn", "")) {
            String items = "/ogc/collections/parcels/items?limit=1000&status=" + status;
            lists.add(items);
            lists.add(items + "&bbox=" + aroundReserved);
            for (String landUse : landUses) {
                lists.add(items + "&landUse=" + landUse);
            }
            for (String zone : zones) {
                lists.add(items + "&zone=" + zone);
            }
        }
        lists.add("/ogc/collections/constraints/items?kind=ecological-red-line");
        lists.add("/ogc/collections/zones/items?category=enterprise");
        lists.add("/ogc/collections/road-reserves/items");
        lists.add("/ogc/collections/valley/items?kind=boundary");
        for (String list : lists) {
            // Every page of it, through its next links.
            String url = base + list;
            while (url != null) {
                urls.add(url);
                ServiceClient.Reply page = anonymous.getAbsolute(url);
                url = page.status() == 200 ? link(page.json(), "next") : null;
            }
        }
        // Every item, of every status, in both parcel collections; an item of each other collection.
        for (String id : plannerView.keySet()) {
            urls.add(base + "/ogc/collections/parcels/items/" + id);
            urls.add(base + "/ogc/collections/available-sites/items/" + id);
        }
        urls.add(base + "/ogc/collections/zones/items/laser-industry");
        urls.add(base + "/ogc/collections/valley/items/valley");
        urls.add(base + "/ogc/collections/" + withdrawnParcel);
        return List.copyOf(urls);
    }

    @Test
    void noPublicReadOfAnyEndpointShowsPlannerOnlyData() {
        anonymousCrawl().forEach((url, reply) -> {
            assertThat(reply.status()).as(url).isLessThan(500);
            assertNoLeak(url, reply, anonymous::getAbsolute);
        });
    }

    @Test
    void anInvestorReadsExactlyWhatAnonymousReads() {
        for (Map.Entry<String, ServiceClient.Reply> crawled : anonymousCrawl().entrySet()) {
            String url = crawled.getKey();
            if (url.endsWith("/api/me")) {
                continue;
            }
            ServiceClient.Reply asAnonymous = crawled.getValue();
            ServiceClient.Reply asInvestor = investor.getAbsolute(url);
            assertThat(asInvestor.status()).as(url).isEqualTo(asAnonymous.status());
            assertThat(withoutTimeStamp(asInvestor.body())).as(url).isEqualTo(withoutTimeStamp(asAnonymous.body()));
            assertThat(asInvestor.header("ETag")).as(url).isEqualTo(asAnonymous.header("ETag"));
        }
        ServiceClient.Reply me = investor.get("/api/me");
        assertNoLeak(anonymous.base() + "/api/me", me, investor::getAbsolute);
        assertThat(me.json().get("role").stringValue()).isEqualTo("investor");
    }

    @Test
    void thePublicSiteCheckSaysNotAvailableAndNothingMore() {
        List<ObjectNode> checks = new ArrayList<>();
        for (String parcel : List.of(reservedParcel, allocatedParcel, withdrawnParcel)) {
            checks.add(Planning.object().put("parcelId", parcel));
            ObjectNode withIndicators = Planning.object().put("parcelId", parcel).put("allotteeType", "enterprise");
            withIndicators.putObject("indicators").put("far", 0.1).put("heightMetres", 999);
            checks.add(withIndicators);
            ObjectNode drawnOverIt = Planning.object().put("parcelId", parcel).put("zone", "laser-industry")
                    .put("landUse", "100101");
            drawnOverIt.set("geometry", plannerView.get(parcel).get("geometry"));
            checks.add(drawnOverIt);
        }
        // The withdrawn parcel's outline drawn as a new site: the withdrawn parcel is not in the way, nor named.
        ObjectNode overWithdrawn = Planning.object().put("zone", "laser-industry").put("landUse", "100101");
        overWithdrawn.set("geometry", plannerView.get(withdrawnParcel).get("geometry"));
        checks.add(overWithdrawn);
        // A drawn site across the reserved parcel and its neighbours: overlap findings name it, nothing else.
        Geometry across = CrsTransform.toCrs84(CrsTransform.toPlanar(geometry(plannerView.get(reservedParcel)))
                .buffer(40));
        ObjectNode drawn = Planning.object().put("zone", "laser-industry").put("landUse", "100101");
        drawn.set("geometry", Planning.polygon(across));
        checks.add(drawn);

        for (ServiceClient caller : List.of(anonymous, investor)) {
            for (ObjectNode check : checks) {
                ServiceClient.Reply reply = caller.postJson("/api/allocations/validate", check.toString());
                String what = "validate " + check;
                // The request names the parcel: a withdrawn one is answered as an id that never existed.
                assertNoLeak(check.toString(), reply, body -> caller.postJson("/api/allocations/validate", body));
                if (check.has("parcelId") && check.get("parcelId").stringValue().equals(withdrawnParcel)) {
                    assertThat(reply.status()).as(what).isEqualTo(400);
                } else if (check.has("parcelId")) {
                    assertThat(reply.status()).as(what).isEqualTo(200);
                    JsonNode findings = reply.json().at("/findings/features");
                    assertThat(findings.size()).as(what).isEqualTo(1);
                    assertThat(findings.get(0).at("/properties/rule").stringValue()).isEqualTo("parcel.status");
                } else {
                    assertThat(reply.status()).as(what).isEqualTo(200);
                }
            }
        }
        // Planners get the full check.
        ServiceClient.Reply planner = planning.planner().postJson("/api/allocations/validate", checks.get(1).toString());
        assertThat(planner.body()).contains("reserved", String.valueOf(SECRET_HEIGHT_METRES));
    }

    @Test
    void plannerEndpointsAnswerThePublicWithoutData() {
        String base = anonymous.base();
        List<String> urls = new ArrayList<>();
        for (String secret : secrets) {
            if (secret.startsWith("AL-")) {
                urls.add(base + "/api/allocations/" + secret);
            }
        }
        for (String path : List.of("/api/allocations", "/api/allocations?parcel=" + reservedParcel, "/api/audit",
                "/api/audit.csv", "/api/supervision", "/api/supervision.csv", "/api/users",
                "/api/history?feature=" + reservedParcel,
                "/api/history?feature=" + withdrawnParcel, "/api/inquiries")) {
            urls.add(base + path);
        }
        for (String url : urls) {
            ServiceClient.Reply asAnonymous = anonymous.getAbsolute(url);
            assertThat(asAnonymous.status()).as(url).isEqualTo(401);
            assertNoLeak(url, asAnonymous, anonymous::getAbsolute);
            ServiceClient.Reply asInvestor = investor.getAbsolute(url);
            // GET /api/inquiries is the investor's own list: it may answer, and must not show others' inquiries.
            assertThat(asInvestor.status()).as(url).isIn(403, url.endsWith("/api/inquiries") ? 200 : 403, 404);
            assertNoLeak(url, asInvestor, investor::getAbsolute);
        }
    }

    @Test
    void publicCountsNeverCombineUnavailableWithLandUse() {
        ServiceClient planner = planning.planner();
        List<String> landUses = new ArrayList<>();
        anonymous.get("/api/land-use-codes").json().forEach(code -> landUses.add(code.get("code").stringValue()));
        assertThat(matched(anonymous, "/ogc/collections/parcels/items?status=unavailable"))
                .isEqualTo(unavailableParcels.size());
        for (String landUse : landUses) {
            long available = matched(planner, "/ogc/collections/parcels/items?status=available&landUse=" + landUse);
            assertThat(matched(anonymous, "/ogc/collections/parcels/items?landUse=" + landUse)).as(landUse)
                    .isEqualTo(available);
            assertThat(matched(anonymous, "/ogc/collections/available-sites/items?landUse=" + landUse)).as(landUse)
                    .isEqualTo(available);
            assertThat(matched(anonymous, "/ogc/collections/parcels/items?status=unavailable&landUse=" + landUse))
                    .as(landUse).isZero();
            assertThat(matched(anonymous, "/ogc/collections/parcels/items?status=unavailable&zone=laser-industry"
                    + "&landUse=" + landUse)).as(landUse).isZero();
        }
        // The reserved parcel has land use 1101 (planners see it); the public count of 1101 does not include it.
        long plannerCount = matched(planner, "/ogc/collections/parcels/items?landUse=1101");
        assertThat(matched(anonymous, "/ogc/collections/parcels/items?landUse=1101")).isLessThan(plannerCount);
    }

    @Test
    void aRedactedParcelLooksTheSameToThePublicWhenItsReservationIsApproved() {
        String parcel = planning.takeAvailableParcel();
        String allocation = planning.propose(parcel, "ZZ-SECRET-WATCHED-1e0f");
        ServiceClient.Reply whileReserved = anonymous.get("/ogc/collections/parcels/items/" + parcel);
        planning.step(allocation, "approve");
        ServiceClient.Reply onceAllocated = anonymous.get("/ogc/collections/parcels/items/" + parcel);
        assertThat(onceAllocated.body()).isEqualTo(whileReserved.body());
        assertThat(onceAllocated.header("ETag")).as("the tag must not follow the hidden version")
                .isEqualTo(whileReserved.header("ETag")).doesNotContain("v");
        assertThat(planning.parcel(parcel).eTag()).isNotEqualTo(onceAllocated.header("ETag"));
    }

    // ---- The checks ----------------------------------------------------------------------------------------------

    /**
     * The body of a public response holds no planner-only data. A request that names a secret itself (its URL or
     * body holds it) must be answered exactly as the same request naming a decoy that never existed.
     *
     * @param request the URL, or the body of a POST
     * @param ask sends the request again with the secret replaced
     */
    void assertNoLeak(String request, ServiceClient.Reply reply,
            java.util.function.Function<String, ServiceClient.Reply> ask) {
        String url = request;
        String body = reply.body();
        for (String secret : secrets) {
            if (!body.contains(secret)) {
                continue;
            }
            String decoyValue = decoy(secret);
            assertThat(request).as("the answer to %s shows %s without being asked for it:%n%s", request, secret, body)
                    .contains(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            ServiceClient.Reply decoy = ask.apply(request.replace(secret, decoyValue));
            assertThat(reply.status()).as(request).isEqualTo(decoy.status());
            assertThat(withoutTimeStamp(body).replace(secret, decoyValue)).as("%s is answered differently than for "
                    + "something that never existed", request).isEqualTo(withoutTimeStamp(decoy.body()));
        }
        if (!reply.contentType().contains("json")) {
            return;
        }
        for (String name : PLANNER_ONLY_NAMES) {
            assertThat(body).as("%s names planner-only data", url).doesNotContain("\"" + name + "\"");
        }
        scan(url, reply.json());
    }

    /** Walks a JSON body: no hidden status value, no secret number, parcels as the public may see them. */
    private void scan(String url, JsonNode node) {
        if (node.isObject()) {
            JsonNode id = node.get("id");
            JsonNode properties = node.get("properties");
            if (id != null && id.isString() && properties != null && properties.isObject()) {
                String featureId = id.stringValue();
                assertThat(withdrawnParcels).as("%s shows withdrawn parcel %s", url, featureId)
                        .doesNotContain(featureId);
                if (unavailableParcels.contains(featureId) && properties.has("areaM2")) {
                    assertThat(properties.propertyNames()).as("%s: parcel %s is not available", url, featureId)
                            .containsExactly("zone", "status", "areaM2");
                    assertThat(properties.get("status").stringValue()).isEqualTo("unavailable");
                    assertThat(properties.get("zone").stringValue())
                            .isEqualTo(plannerView.get(featureId).at("/properties/zone").stringValue());
                }
            }
            for (String name : node.propertyNames()) {
                scan(url, node.get(name));
            }
        } else if (node.isArray()) {
            node.forEach(child -> scan(url, child));
        } else if (node.isString()) {
            assertThat(HIDDEN_STATUSES).as("%s holds the value \"%s\"", url, node.stringValue())
                    .doesNotContain(node.stringValue());
        } else if (node.isNumber()) {
            assertThat(SECRET_NUMBERS).as("%s holds the number %s", url, node).doesNotContain(node.doubleValue());
        }
    }

    private static String decoy(String secret) {
        return secret.startsWith("AL-") ? "AL-00000000000000000000"
                : secret.startsWith("QOV-") ? "QOV-ZZ-999" : "ZZ-NEVER-EXISTED";
    }

    private static String withoutTimeStamp(String body) {
        return body.replaceAll("\"timeStamp\":\"[^\"]*\"", "\"timeStamp\":\"T\"");
    }

    private static long matched(ServiceClient client, String path) {
        ServiceClient.Reply reply = client.get(path);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        return reply.json().get("numberMatched").longValue();
    }

    private static Geometry geometry(JsonNode feature) {
        return GeoJson.readGeometry(feature.get("geometry"), CrsTransform.CRS84);
    }

    private static String link(JsonNode body, String rel) {
        if (!body.has("links")) {
            return null;
        }
        for (JsonNode link : body.get("links")) {
            if (link.get("rel").stringValue().equals(rel)) {
                return link.get("href").stringValue();
            }
        }
        return null;
    }
}
