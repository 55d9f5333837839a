package org.qiluvalley.planner.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.MovableClock;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The allocation lifecycle, end to end: the state machine ({@code proposed -> approved -> released},
 * {@code proposed -> rejected}) with the parcel's status following it, who and when of every step, proposals the
 * rule book refuses (422, nothing stored), bodies that are not proposals (400), and the audit history of the parcel
 * and of the allocation; after approval the contract, its milestones, the review at full production and the
 * revocation, with every refusal changing nothing. Each test takes its own parcels through the API.
 *
 * <p>Each store runs the same tests: {@link AllocationLifecycleH2gisIT}, {@link AllocationLifecyclePostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The inquiries the tests propose from all come from this machine: room for them under the rate limit.
        properties = "valley.inquiries.max-per-client=1000")
// The service's clock, moved on by the tests of dates after the contract.
@Import(MovableClock.Config.class)
abstract class AllocationLifecycleContract {

    /** The parcel's status while its allocation is in each state. */
    private static final Map<String, String> PARCEL_STATUS = Map.of("proposed", "reserved", "approved", "allocated",
            "rejected", "available", "released", "available");
    /** The state each transition leads to. */
    private static final Map<String, String> TARGET = Map.of("approve", "approved", "reject", "rejected",
            "release", "released");

    @LocalServerPort
    int port;

    ServiceClient anonymous;
    ServiceClient planner;
    Planning planning;

    @Autowired
    MovableClock clock;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient("http://localhost:" + port);
        planning = new Planning(anonymous);
        planner = planning.planner();
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    private JsonNode allocation(String id) {
        ServiceClient.Reply reply = planner.get("/api/allocations/" + id);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private String parcelStatus(String parcelId) {
        return planning.parcel(parcelId).status();
    }

    private static void assertProblem(ServiceClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception", "at org.");
    }

    private List<JsonNode> allocationsOf(String parcelId) {
        List<JsonNode> list = new ArrayList<>();
        planner.get("/api/allocations?parcel=" + parcelId).json().get("allocations").forEach(list::add);
        return list;
    }

    // ---- The state machine ---------------------------------------------------------------------------------------

    /** Every (state, transition) pair and whether the machine allows it. */
    static Stream<Arguments> everyStateAndTransition() {
        List<Arguments> pairs = new ArrayList<>();
        for (String state : List.of("proposed", "approved", "rejected", "released")) {
            for (String transition : List.of("approve", "reject", "release")) {
                boolean allowed = state.equals("proposed") && !transition.equals("release")
                        || state.equals("approved") && transition.equals("release");
                pairs.add(Arguments.of(state, transition, allowed));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> allowed: {2}")
    @MethodSource("everyStateAndTransition")
    void theStateMachineAllowsExactlyItsTransitions(String state, String transition, boolean allowed) {
        String id = planning.allocationIn(state, "State Machine Photonics");
        JsonNode before = allocation(id);
        String parcel = before.get("parcelId").stringValue();
        assertThat(before.get("state").stringValue()).isEqualTo(state);
        assertThat(parcelStatus(parcel)).isEqualTo(PARCEL_STATUS.get(state));

        // Four eyes: the test-wide admin proposed it, so a second planner approves.
        ServiceClient by = transition.equals("approve") ? planning.approver() : planner;
        ServiceClient.Reply reply = by.post("/api/allocations/" + id + "/" + transition);
        if (allowed) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            String next = TARGET.get(transition);
            assertThat(reply.json().get("state").stringValue()).isEqualTo(next);
            assertThat(allocation(id).get("state").stringValue()).isEqualTo(next);
            assertThat(parcelStatus(parcel)).isEqualTo(PARCEL_STATUS.get(next));
        } else {
            assertProblem(reply, 409);
            assertThat(allocation(id)).as("nothing changed").isEqualTo(before);
            assertThat(parcelStatus(parcel)).isEqualTo(PARCEL_STATUS.get(state));
        }
    }

    @Test
    void everyStepRecordsWhoAndWhen() {
        ServiceClient proposer = anonymous.asNew("planner", "lifecycle-proposer");
        ServiceClient approver = anonymous.asNew("planner", "lifecycle-approver");
        ServiceClient releaser = anonymous.asAdmin();
        String parcel = planning.takeAvailableParcel();
        Instant start = Instant.now().minusSeconds(60);

        ServiceClient.Reply proposed = proposer.postJson("/api/allocations",
                Planning.proposal(parcel, "Who When Optics").toString());
        String id = Planning.created(proposed);
        JsonNode body = proposed.json();
        assertThat(body.get("state").stringValue()).isEqualTo("proposed");
        assertThat(body.get("parcelId").stringValue()).isEqualTo(parcel);
        assertThat(body.at("/allottee/name").stringValue()).isEqualTo("Who When Optics");
        assertThat(body.at("/allottee/type").stringValue()).isEqualTo("enterprise");
        assertThat(body.at("/pledges/investmentWanYuanPerMu").doubleValue())
                .isEqualTo(Planning.GOOD_INVESTMENT_WAN_YUAN_PER_MU);
        assertThat(body.get("termYears").intValue()).isEqualTo(30);
        assertThat(body.at("/proposed/by").stringValue()).isEqualTo("lifecycle-proposer");
        assertThat(body.has("approved")).isFalse();

        assertThat(approver.post("/api/allocations/" + id + "/approve").status()).isEqualTo(200);
        assertThat(releaser.post("/api/allocations/" + id + "/release").status()).isEqualTo(200);
        JsonNode released = allocation(id);
        assertThat(released.get("state").stringValue()).isEqualTo("released");
        assertThat(released.at("/proposed/by").stringValue()).isEqualTo("lifecycle-proposer");
        assertThat(released.at("/approved/by").stringValue()).isEqualTo("lifecycle-approver");
        assertThat(released.at("/released/by").stringValue()).isEqualTo(ServiceClient.ADMIN);
        Instant proposedAt = Instant.parse(released.at("/proposed/at").stringValue());
        Instant approvedAt = Instant.parse(released.at("/approved/at").stringValue());
        Instant releasedAt = Instant.parse(released.at("/released/at").stringValue());
        assertThat(proposedAt).isAfter(start);
        assertThat(approvedAt).isAfterOrEqualTo(proposedAt);
        assertThat(releasedAt).isAfterOrEqualTo(approvedAt);
        assertThat(released.has("rejected")).isFalse();

        String other = planning.propose(planning.takeAvailableParcel(), "Rejected Optics");
        assertThat(approver.post("/api/allocations/" + other + "/reject").status()).isEqualTo(200);
        JsonNode rejected = allocation(other);
        assertThat(rejected.at("/rejected/by").stringValue()).isEqualTo("lifecycle-approver");
        assertThat(Instant.parse(rejected.at("/rejected/at").stringValue()))
                .isAfterOrEqualTo(Instant.parse(rejected.at("/proposed/at").stringValue()));
        assertThat(rejected.has("approved")).isFalse();
    }

    @Test
    void aParcelHeldByAnAllocationCannotBeProposedAgainUntilItIsFree() {
        String parcel = planning.takeAvailableParcel();
        String first = planning.propose(parcel, "First Come Lasers");
        assertProblem(planner.postJson("/api/allocations", Planning.proposal(parcel, "Second Lasers").toString()),
                409);
        planning.step(first, "approve");
        assertProblem(planner.postJson("/api/allocations", Planning.proposal(parcel, "Second Lasers").toString()),
                409);
        planning.step(first, "release");
        String second = planning.propose(parcel, "Second Lasers");
        assertThat(allocationsOf(parcel)).extracting(a -> a.get("id").stringValue())
                .containsExactlyInAnyOrder(first, second);
        assertThat(planner.get("/api/allocations?parcel=" + parcel + "&state=proposed").json().get("allocations"))
                .extracting(a -> a.get("id").stringValue()).containsExactly(second);
    }

    @Test
    void aWithdrawnParcelCannotBeProposed() {
        String parcel = planning.takeAvailableParcel();
        planning.withdraw(parcel);
        assertProblem(planner.postJson("/api/allocations", Planning.proposal(parcel, "Late Lasers").toString()), 409);
    }

    // ---- Four eyes -----------------------------------------------------------------------------------------------

    @Test
    void theProposerCannotApproveAnotherPlannerCan() {
        ServiceClient proposer = anonymous.asNew("planner", "eyes-proposer");
        String parcel = planning.takeAvailableParcel();
        String id = Planning.created(proposer.postJson("/api/allocations",
                Planning.proposal(parcel, "Four Eyes Optics").toString()));
        JsonNode before = allocation(id);

        ServiceClient.Reply refused = proposer.post("/api/allocations/" + id + "/approve");
        assertProblem(refused, 403);
        assertThat(refused.json().get("detail").stringValue()).contains("four eyes", id, "eyes-proposer",
                "another planner must approve it");
        assertThat(allocation(id)).as("nothing changed").isEqualTo(before);
        assertThat(parcelStatus(parcel)).isEqualTo("reserved");
        assertThat(planning.history(id)).extracting(e -> e.get("action").stringValue()).containsExactly("propose");

        ServiceClient.Reply approved = anonymous.asNew("planner", "eyes-approver")
                .post("/api/allocations/" + id + "/approve");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().at("/approved/by").stringValue()).isEqualTo("eyes-approver");
        assertThat(parcelStatus(parcel)).isEqualTo("allocated");
        // Releasing one's own (approved) proposal stays allowed.
        assertThat(proposer.post("/api/allocations/" + id + "/release").status()).isEqualTo(200);
    }

    @Test
    void anAdminWhoProposedCannotApproveEitherButMayReject() {
        String parcel = planning.takeAvailableParcel();
        String id = planning.propose(parcel, "Admin Eyes Optics");
        JsonNode before = allocation(id);
        ServiceClient.Reply refused = planner.post("/api/allocations/" + id + "/approve");
        assertProblem(refused, 403);
        assertThat(refused.json().get("detail").stringValue()).contains("four eyes", ServiceClient.ADMIN);
        assertThat(allocation(id)).isEqualTo(before);
        assertThat(parcelStatus(parcel)).isEqualTo("reserved");

        ServiceClient.Reply rejected = planner.post("/api/allocations/" + id + "/reject");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().at("/rejected/by").stringValue()).isEqualTo(ServiceClient.ADMIN);
        assertThat(parcelStatus(parcel)).isEqualTo("available");
    }

    // ---- From inquiry to proposal ---------------------------------------------------------------------------------

    private static final java.util.concurrent.atomic.AtomicInteger INQUIRIES =
            new java.util.concurrent.atomic.AtomicInteger();

    /** An open inquiry about the parcel from an investor of its own; returns its id. */
    private String inquiry(String parcel, String company) {
        int n = INQUIRIES.incrementAndGet();
        ServiceClient.Reply reply = anonymous.asNew("investor", "lifecycle-investor-" + n).postJson("/api/inquiries",
                Planning.object().put("parcelId", parcel).put("company", company)
                        .put("contact", "lifecycle-" + n + "@example.com").put("message", "We want this site.")
                        .toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").stringValue();
    }

    private JsonNode inquiryNow(String id) {
        ServiceClient.Reply reply = planner.get("/api/inquiries/" + id);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** A proposal body from an inquiry: no allottee. */
    private static ObjectNode fromInquiry(String parcel, String inquiryId) {
        ObjectNode body = Planning.proposal(parcel, "unused");
        body.remove("allottee");
        body.put("inquiryId", inquiryId);
        return body;
    }

    @Test
    void aProposalFromAnInquiryTakesItsCompanyAndClosesIt() {
        String parcel = planning.takeAvailableParcel();
        String inquiry = inquiry(parcel, "Inquiring Lasers Ltd");

        ServiceClient.Reply reply = planner.postJson("/api/allocations", fromInquiry(parcel, inquiry).toString());
        String id = Planning.created(reply);
        assertThat(reply.json().get("inquiryId").stringValue()).isEqualTo(inquiry);
        JsonNode stored = allocation(id);
        assertThat(stored.get("inquiryId").stringValue()).isEqualTo(inquiry);
        assertThat(stored.at("/allottee/name").stringValue()).isEqualTo("Inquiring Lasers Ltd");
        assertThat(stored.at("/allottee/type").stringValue()).isEqualTo("enterprise");
        assertThat(parcelStatus(parcel)).isEqualTo("reserved");

        JsonNode closed = inquiryNow(inquiry);
        assertThat(closed.get("state").stringValue()).isEqualTo("closed");
        assertThat(closed.get("closedBy").stringValue()).isEqualTo(ServiceClient.ADMIN);
        assertThat(closed.get("closingNote").stringValue()).isEqualTo("proposed as allocation " + id);
        assertThat(planning.history(inquiry)).extracting(e -> e.get("action").stringValue())
                .containsExactly("inquire", "close");

        // The same allottee given explicitly is accepted too; a proposal without an inquiry shows no inquiryId.
        String other = planning.takeAvailableParcel();
        String second = inquiry(other, "Explicit Lasers Ltd");
        ObjectNode explicit = Planning.proposal(other, "Explicit Lasers Ltd").put("inquiryId", second);
        Planning.created(planner.postJson("/api/allocations", explicit.toString()));
        assertThat(inquiryNow(second).get("state").stringValue()).isEqualTo("closed");
        assertThat(allocation(planning.propose(planning.takeAvailableParcel(), "No Inquiry Ltd")).has("inquiryId"))
                .isFalse();
    }

    @Test
    void inquiriesThatDoNotFitAreRefusedAndNothingChanges() {
        String parcel = planning.takeAvailableParcel();
        String elsewhere = planning.takeAvailableParcel();
        String open = inquiry(elsewhere, "Elsewhere Lasers Ltd");
        String closed = inquiry(parcel, "Closed Lasers Ltd");
        assertThat(planner.postJson("/api/inquiries/" + closed + "/close", "{\"note\": \"not now\"}").status())
                .isEqualTo(200);
        String mine = inquiry(parcel, "Right Lasers Ltd");
        Planning.Feature before = planning.parcel(parcel);

        assertProblem(planner.postJson("/api/allocations", fromInquiry(parcel, "IQ-00000000000000000000").toString()),
                400);
        assertProblem(planner.postJson("/api/allocations", fromInquiry(parcel, open).toString()), 400);
        assertProblem(planner.postJson("/api/allocations", fromInquiry(parcel, closed).toString()), 409);
        ObjectNode differs = Planning.proposal(parcel, "Someone Else Ltd").put("inquiryId", mine);
        assertProblem(planner.postJson("/api/allocations", differs.toString()), 400);

        assertThat(planning.parcel(parcel).eTag()).as("the parcel is untouched").isEqualTo(before.eTag());
        assertThat(allocationsOf(parcel)).isEmpty();
        assertThat(inquiryNow(open).get("state").stringValue()).isEqualTo("open");
        assertThat(inquiryNow(mine).get("state").stringValue()).isEqualTo("open");
        assertThat(inquiryNow(closed).get("closingNote").stringValue()).isEqualTo("not now");

        // A parcel no longer available: 409, and the inquiry stays open.
        planning.propose(parcel, "First Lasers Ltd");
        assertProblem(planner.postJson("/api/allocations", fromInquiry(parcel, mine).toString()), 409);
        assertThat(inquiryNow(mine).get("state").stringValue()).isEqualTo("open");
    }

    // ---- Proposals the rule book refuses -------------------------------------------------------------------------

    /**
     * Posts a proposal that must be refused with 422 naming {@code rule}; checks nothing was stored. Returns the
     * findings of that rule.
     */
    private List<JsonNode> refused(ObjectNode proposal, String rule) {
        String parcel = proposal.get("parcelId").stringValue();
        Planning.Feature before = planning.parcel(parcel);
        ServiceClient.Reply reply = planner.postJson("/api/allocations", proposal.toString());
        assertProblem(reply, 422);
        JsonNode report = reply.json();
        assertThat(report.get("valid").booleanValue()).isFalse();
        List<JsonNode> findings = new ArrayList<>();
        report.at("/findings/features").forEach(f -> {
            if (f.at("/properties/rule").stringValue().equals(rule)) {
                findings.add(f.get("properties"));
            }
        });
        assertThat(findings).as(report.toString()).isNotEmpty();
        assertThat(findings).allMatch(f -> f.get("severity").stringValue().equals("error"));
        Planning.Feature after = planning.parcel(parcel);
        assertThat(after.status()).isEqualTo("available");
        assertThat(after.eTag()).as("the parcel is untouched").isEqualTo(before.eTag());
        assertThat(allocationsOf(parcel)).as("no allocation stored").isEmpty();
        return findings;
    }

    @Test
    void pledgesBelowTheLaserIndustryMinimumAreRefused() {
        ObjectNode proposal = Planning.proposal(planning.takeAvailableParcel(), "Thin Pledge Lasers");
        proposal.putObject("pledges").put("investmentWanYuanPerMu", 299.9).put("taxWanYuanPerMu", 30);
        List<JsonNode> findings = refused(proposal, "pledge.minimum");
        assertThat(findings).as("only the investment falls short").hasSize(1);
        JsonNode finding = findings.get(0);
        assertThat(finding.get("measured").doubleValue()).isEqualTo(299.9);
        assertThat(finding.get("limit").doubleValue()).isEqualTo(300.0);
        assertThat(finding.get("unit").stringValue()).isEqualTo("万元/亩");

        ObjectNode lowTax = Planning.proposal(planning.takeAvailableParcel(), "Low Tax Lasers");
        lowTax.putObject("pledges").put("investmentWanYuanPerMu", 500).put("taxWanYuanPerMu", 24.5);
        refused(lowTax, "pledge.minimum");
    }

    @Test
    void anEnterpriseMustPledgeAFacilityNeedNot() {
        ObjectNode enterprise = Planning.proposal(planning.takeAvailableParcel(), "No Pledge Lasers");
        enterprise.remove("pledges");
        assertThat(refused(enterprise, "pledge.minimum")).as("investment and tax both missing").hasSize(2);

        String parcel = planning.takeAvailableParcel();
        ObjectNode facility = Planning.proposal(parcel, "Laser Industry Training Centre");
        facility.remove("pledges");
        ((ObjectNode) facility.get("allottee")).put("type", "facility");
        String id = Planning.created(planner.postJson("/api/allocations", facility.toString()));
        assertThat(allocation(id).at("/allottee/type").stringValue()).isEqualTo("facility");
        assertThat(allocation(id).get("pledges").isEmpty()).isTrue();
        assertThat(parcelStatus(parcel)).isEqualTo("reserved");
    }

    @Test
    void aProposalOverTheZonesLimitsIsRefusedAndNothingIsStored() {
        ObjectNode tooDense = Planning.proposal(planning.takeAvailableParcel(), "Too Dense Lasers");
        tooDense.putObject("indicators").put("far", 3.5);
        assertThat(refused(tooDense, "indicator.far").get(0).get("measured").doubleValue()).isEqualTo(3.5);

        ObjectNode wrongUse = Planning.proposal(planning.takeAvailableParcel(), "Wrong Use Lasers");
        wrongUse.put("landUse", "0902");
        refused(wrongUse, "landuse.permitted");
    }

    @Test
    void aHotelParcelProposedForFiftyYearsIsRefusedByAllocationTermAndForFortyIsAccepted() {
        String hotel = planning.parcelsOf("exchange-center", "090104").stream()
                .filter(id -> Planning.take(anonymous, id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no available hotel parcel left"));
        ObjectNode fifty = Planning.proposal(hotel, "Guanggu Hotel Co.");
        fifty.put("intendedUse", "business hotel").put("termYears", 50);
        List<JsonNode> findings = refused(fifty, "allocation.term");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("measured").doubleValue()).isEqualTo(50.0);
        assertThat(findings.get(0).get("limit").doubleValue()).isEqualTo(40.0);
        assertThat(findings.get(0).get("unit").stringValue()).isEqualTo("years");

        ObjectNode forty = Planning.proposal(hotel, "Guanggu Hotel Co.");
        forty.put("intendedUse", "business hotel").put("termYears", 40);
        String id = Planning.created(planner.postJson("/api/allocations", forty.toString()));
        assertThat(allocation(id).get("termYears").intValue()).isEqualTo(40);
        // Leave the parcel as the seed has it for other tests of the same service.
        assertThat(planner.post("/api/allocations/" + id + "/reject").status()).isEqualTo(200);
        assertThat(parcelStatus(hotel)).isEqualTo("available");
    }

    @Test
    void industrialLandOverTheNationalIndicatorsIsRefused() {
        ObjectNode admin = Planning.proposal(planning.takeAvailableParcel("100101"), "Big Office Lasers");
        admin.putObject("indicators").put("adminShare", 0.08);
        JsonNode finding = refused(admin, "indicator.admin-share").get(0);
        assertThat(finding.get("measured").doubleValue()).isEqualTo(0.08);
        assertThat(finding.get("limit").doubleValue()).isEqualTo(0.07);

        ObjectNode sparse = Planning.proposal(planning.takeAvailableParcel("100101"), "Sparse Yard Lasers");
        sparse.putObject("indicators").put("buildingCoefficient", 0.25);
        finding = refused(sparse, "indicator.building-coefficient").get(0);
        assertThat(finding.get("measured").doubleValue()).isEqualTo(0.25);
        assertThat(finding.get("limit").doubleValue()).isEqualTo(0.30);
    }

    @Test
    void theIndustrialLandIndicatorsProposedAreStoredAndShown() {
        String parcel = planning.takeAvailableParcel("100101");
        ObjectNode proposal = Planning.proposal(parcel, "Kept Indicators Lasers");
        proposal.putObject("indicators").put("far", 1.2).put("adminShare", 0.05).put("buildingCoefficient", 0.4);
        ServiceClient.Reply reply = planner.postJson("/api/allocations", proposal.toString());
        String id = Planning.created(reply);
        JsonNode expected = Planning.object().put("far", 1.2).put("adminShare", 0.05).put("buildingCoefficient", 0.4);
        assertThat(reply.json().get("indicators")).as("the proposal's answer").isEqualTo(expected);
        assertThat(allocation(id).get("indicators")).as("read back from the store").isEqualTo(expected);
        assertThat(allocationsOf(parcel)).singleElement().satisfies(a -> assertThat(a.get("indicators"))
                .isEqualTo(expected));
        assertThat(planning.history(id).get(0).at("/after/indicators")).as("the audit event").isEqualTo(expected);

        // Later steps keep them; an allocation proposed without them leaves them out.
        assertThat(planning.step(id, "approve").get("indicators")).isEqualTo(expected);
        assertThat(allocation(id).get("indicators")).isEqualTo(expected);
        String without = planning.propose(planning.takeAvailableParcel("100101"), "Plain Indicators Lasers");
        assertThat(allocation(without).get("indicators").has("adminShare")).isFalse();
        assertThat(allocation(without).get("indicators").has("buildingCoefficient")).isFalse();
    }

    // ---- After approval: the contract, its milestones, the review, the revocation ------------------------------

    /** Today by the service's clock (UTC). */
    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    /** A contract signed 30 days ago, handed over by 20 days ago, started by 10 days ago, completed in 300 days. */
    private ObjectNode contractBody(String number) {
        java.time.LocalDate today = today();
        return Planning.object().put("contractNumber", number).put("signedOn", today.minusDays(30).toString())
                .put("priceWanYuan", 1850.5).put("handOverBy", today.minusDays(20).toString())
                .put("startBy", today.minusDays(10).toString()).put("completeBy", today.plusDays(300).toString())
                .put("reviewOn", today.plusDays(700).toString());
    }

    private static ObjectNode milestone(String kind, java.time.LocalDate on) {
        return Planning.object().put("kind", kind).put("on", on.toString());
    }

    private ServiceClient.Reply post(String id, String step, ObjectNode body) {
        return planner.postJson("/api/allocations/" + id + "/" + step, body.toString());
    }

    private JsonNode ok(ServiceClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** A fresh allocation, approved and contracted (by the test-wide admin, a planner). */
    private String contracted(String allottee) {
        String id = planning.allocationIn("approved", allottee);
        ok(post(id, "contract", contractBody("CR-" + id)));
        return id;
    }

    /** As {@link #contracted}, with every milestone: handed over 25 days ago, started 5 days ago, completed today. */
    private String completed(String allottee) {
        String id = contracted(allottee);
        ok(post(id, "milestones", milestone("handed-over", today().minusDays(25))));
        ok(post(id, "milestones", milestone("started", today().minusDays(5))));
        ok(post(id, "milestones", milestone("completed", today())));
        return id;
    }

    private List<String> actions(String id) {
        return planning.history(id).stream().map(e -> e.get("action").stringValue()).toList();
    }

    @Test
    void theFullPathFromApprovalToTheReviewBelowThePledge() {
        String id = planning.allocationIn("approved", "Full Path Photonics");
        String parcel = allocation(id).get("parcelId").stringValue();
        java.time.LocalDate today = today();

        JsonNode contracted = ok(post(id, "contract", contractBody("QOV-CR-FULL-1")));
        assertThat(contracted.get("state").stringValue()).isEqualTo("contracted");
        assertThat(contracted.at("/contract/number").stringValue()).isEqualTo("QOV-CR-FULL-1");
        assertThat(contracted.at("/contract/signedOn").stringValue()).isEqualTo(today.minusDays(30).toString());
        assertThat(contracted.at("/contract/priceWanYuan").doubleValue()).isEqualTo(1850.5);
        assertThat(contracted.at("/contract/handOverBy").stringValue()).isEqualTo(today.minusDays(20).toString());
        assertThat(contracted.at("/contract/startBy").stringValue()).isEqualTo(today.minusDays(10).toString());
        assertThat(contracted.at("/contract/completeBy").stringValue()).isEqualTo(today.plusDays(300).toString());
        assertThat(contracted.at("/contract/reviewOn").stringValue()).isEqualTo(today.plusDays(700).toString());
        assertThat(contracted.at("/contract/by").stringValue()).isEqualTo(ServiceClient.ADMIN);
        assertThat(contracted.get("milestones").isEmpty()).isTrue();
        assertThat(parcelStatus(parcel)).isEqualTo("allocated");

        ok(post(id, "milestones", milestone("handed-over", today.minusDays(25))));
        ok(post(id, "milestones", milestone("started", today.minusDays(5))));
        JsonNode done = ok(post(id, "milestones", milestone("completed", today)));
        assertThat(done.get("state").stringValue()).isEqualTo("contracted");
        assertThat(done.get("milestones")).extracting(m -> m.get("kind").stringValue() + " " + m.get("on")
                .stringValue()).containsExactly("handed-over " + today.minusDays(25), "started "
                        + today.minusDays(5), "completed " + today);

        // The parcel's area in mu (1 mu = 10,000/15 m²): investment at 125% of its pledge, tax at 50% of its.
        double mu = planning.parcel(parcel).json().at("/properties/areaM2").doubleValue() / (10_000.0 / 15);
        double investment = 1.25 * Planning.GOOD_INVESTMENT_WAN_YUAN_PER_MU * mu;
        double tax = 0.5 * Planning.GOOD_TAX_WAN_YUAN_PER_MU * mu;
        JsonNode reviewed = ok(post(id, "review", Planning.object().put("on", today.toString())
                .put("investmentWanYuan", investment).put("taxWanYuanPerYear", tax)));
        assertThat(reviewed.get("state").stringValue()).isEqualTo("reviewed");
        JsonNode review = reviewed.get("review");
        assertThat(review.get("areaMu").doubleValue()).isCloseTo(mu, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(review.get("taxWanYuanPerMu").doubleValue()).isCloseTo(15.0,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(review.get("taxPercent").doubleValue()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(review.get("investmentPercent").doubleValue()).isCloseTo(125.0,
                org.assertj.core.data.Offset.offset(1e-6));
        Map<String, JsonNode> findings = new java.util.HashMap<>();
        review.get("findings").forEach(f -> findings.put(f.get("rule").stringValue(), f));
        assertThat(findings).containsOnlyKeys("pledge.investment", "pledge.tax");
        JsonNode taxFinding = findings.get("pledge.tax");
        assertThat(taxFinding.get("severity").stringValue()).isEqualTo("error");
        assertThat(taxFinding.get("measured").doubleValue()).isCloseTo(15.0,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(taxFinding.get("limit").doubleValue()).isEqualTo(Planning.GOOD_TAX_WAN_YUAN_PER_MU);
        assertThat(taxFinding.get("unit").stringValue()).isEqualTo("万元/亩");
        assertThat(taxFinding.get("message").stringValue()).contains("50.0%");
        assertThat(findings.get("pledge.investment").get("severity").stringValue()).isEqualTo("info");
        assertThat(allocation(id)).as("GET shows what the step answered").isEqualTo(reviewed);
        assertThat(parcelStatus(parcel)).isEqualTo("allocated");

        JsonNode revoked = ok(post(id, "revoke", Planning.object().put("reason", "tax far below the pledge")));
        assertThat(revoked.get("state").stringValue()).isEqualTo("revoked");
        assertThat(revoked.at("/revoked/reason").stringValue()).isEqualTo("tax far below the pledge");
        assertThat(revoked.at("/revoked/by").stringValue()).isEqualTo(ServiceClient.ADMIN);
        assertThat(revoked.get("review")).as("the review stays on record").isEqualTo(review);
        assertThat(parcelStatus(parcel)).isEqualTo("available");

        assertThat(actions(id)).containsExactly("propose", "approve", "contract", "hand-over", "start", "complete",
                "review", "revoke");
        List<JsonNode> events = planning.history(id);
        assertThat(events.get(2).at("/before/state").stringValue()).isEqualTo("approved");
        assertThat(events.get(2).at("/after/contract/number").stringValue()).isEqualTo("QOV-CR-FULL-1");
        assertThat(events.get(6).at("/after/review/taxPercent").doubleValue()).isCloseTo(50.0,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(planning.history(parcel)).extracting(e -> e.get("action").stringValue())
                .containsExactly("reserve", "allocate", "make-available");
    }

    @ParameterizedTest(name = "{0} + {1} -> 409")
    @org.junit.jupiter.params.provider.CsvSource({"contracted, approve", "contracted, reject", "contracted, release",
        "reviewed, approve", "reviewed, reject", "reviewed, release", "revoked, approve", "revoked, reject",
        "revoked, release"})
    void theFirstStepsAreRefusedAfterTheContract(String state, String transition) {
        String id = completed("After Contract " + state + " Lasers");
        if (!state.equals("contracted")) {
            ok(post(id, "review", Planning.object().put("on", today().toString()).put("investmentWanYuan", 1)
                    .put("taxWanYuanPerYear", 1)));
        }
        if (state.equals("revoked")) {
            ok(post(id, "revoke", Planning.object().put("reason", "test")));
        }
        JsonNode before = allocation(id);
        assertThat(before.get("state").stringValue()).isEqualTo(state);
        ServiceClient by = transition.equals("approve") ? planning.approver() : planner;
        assertProblem(by.post("/api/allocations/" + id + "/" + transition), 409);
        assertThat(allocation(id)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void revokingAContractedAllocationFreesTheParcelForAnotherProposal() {
        String id = contracted("Revoked Lasers");
        String parcel = allocation(id).get("parcelId").stringValue();
        ok(post(id, "milestones", milestone("handed-over", today().minusDays(25))));
        JsonNode revoked = ok(post(id, "revoke", Planning.object().put("reason", "逾期未开工")));
        assertThat(revoked.get("state").stringValue()).isEqualTo("revoked");
        assertThat(revoked.get("milestones")).hasSize(1);
        assertThat(parcelStatus(parcel)).isEqualTo("available");
        assertThat(actions(id)).containsExactly("propose", "approve", "contract", "hand-over", "revoke");
        String next = planning.propose(parcel, "Next Lasers");
        assertThat(allocation(next).get("state").stringValue()).isEqualTo("proposed");
        assertThat(parcelStatus(parcel)).isEqualTo("reserved");
    }

    @Test
    void aReviewAtOrAbovePledgeIsInfoAndAFacilityWithoutPledgesHasNoFindings() {
        String id = completed("Good Payer Lasers");
        String parcel = allocation(id).get("parcelId").stringValue();
        double mu = planning.parcel(parcel).json().at("/properties/areaM2").doubleValue() / (10_000.0 / 15);
        JsonNode review = ok(post(id, "review", Planning.object().put("on", today().toString())
                .put("investmentWanYuan", Planning.GOOD_INVESTMENT_WAN_YUAN_PER_MU * mu)
                .put("taxWanYuanPerYear", 2 * Planning.GOOD_TAX_WAN_YUAN_PER_MU * mu))).get("review");
        assertThat(review.get("findings")).extracting(f -> f.get("severity").stringValue()).containsOnly("info");
        assertThat(review.get("taxPercent").doubleValue()).isCloseTo(200.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void releaseStaysForAnApprovedAllocationAndRevokeIsForAContractedOne() {
        String approved = planning.allocationIn("approved", "Release Rule Lasers");
        JsonNode before = allocation(approved);
        assertProblem(post(approved, "revoke", Planning.object().put("reason", "no contract")), 409);
        assertThat(allocation(approved)).isEqualTo(before);
        planning.step(approved, "release");

        String id = contracted("No Release Lasers");
        JsonNode contracted = allocation(id);
        assertProblem(planner.post("/api/allocations/" + id + "/release"), 409);
        assertThat(allocation(id)).as("nothing changed").isEqualTo(contracted);
        assertThat(parcelStatus(contracted.get("parcelId").stringValue())).isEqualTo("allocated");
    }

    /** Posts a step that must be refused with {@code status}; checks the allocation and its history are unchanged. */
    private void refusedStep(String id, String step, ObjectNode body, int status) {
        JsonNode before = allocation(id);
        String parcelStatus = parcelStatus(before.get("parcelId").stringValue());
        List<String> history = actions(id);
        ServiceClient.Reply reply = post(id, step, body);
        assertProblem(reply, status);
        assertThat(reply.json().get("detail").stringValue()).isNotBlank();
        assertThat(allocation(id)).as("%s %s: nothing changed", step, body).isEqualTo(before);
        assertThat(actions(id)).as("no event").isEqualTo(history);
        assertThat(parcelStatus(before.get("parcelId").stringValue())).isEqualTo(parcelStatus);
    }

    @Test
    void stepsInTheWrongStateAre409AndChangeNothing() {
        java.time.LocalDate today = today();
        ObjectNode review = Planning.object().put("on", today.toString()).put("investmentWanYuan", 1)
                .put("taxWanYuanPerYear", 1);
        ObjectNode revoke = Planning.object().put("reason", "test");

        String proposed = planning.allocationIn("proposed", "Too Early Lasers");
        refusedStep(proposed, "contract", contractBody("CR-EARLY"), 409);
        String approved = planning.allocationIn("approved", "No Contract Lasers");
        refusedStep(approved, "milestones", milestone("handed-over", today), 409);
        refusedStep(approved, "review", review, 409);
        refusedStep(approved, "revoke", revoke, 409);

        String contracted = contracted("Out Of Order Lasers");
        refusedStep(contracted, "contract", contractBody("CR-AGAIN"), 409);
        refusedStep(contracted, "milestones", milestone("started", today), 409);
        refusedStep(contracted, "milestones", milestone("completed", today), 409);
        refusedStep(contracted, "review", review, 409);
        ok(post(contracted, "milestones", milestone("handed-over", today.minusDays(25))));
        refusedStep(contracted, "milestones", milestone("handed-over", today), 409);
        refusedStep(contracted, "milestones", milestone("completed", today), 409);
        ok(post(contracted, "milestones", milestone("started", today.minusDays(5))));
        refusedStep(contracted, "milestones", milestone("started", today), 409);
        refusedStep(contracted, "review", review, 409);

        String reviewed = completed("Reviewed Twice Lasers");
        ok(post(reviewed, "review", review));
        refusedStep(reviewed, "review", review, 409);
        refusedStep(reviewed, "milestones", milestone("completed", today), 409);
        refusedStep(reviewed, "contract", contractBody("CR-AGAIN"), 409);
        ok(post(reviewed, "revoke", revoke));
        for (String step : List.of("contract", "milestones", "review", "revoke")) {
            ObjectNode body = switch (step) {
                case "contract" -> contractBody("CR-LATE");
                case "milestones" -> milestone("handed-over", today);
                case "review" -> review;
                default -> revoke;
            };
            refusedStep(reviewed, step, body, 409);
        }
        assertThat(planner.post("/api/allocations/" + reviewed + "/release").status()).isEqualTo(409);
    }

    @Test
    void badDatesAndNumbersAre400AndChangeNothing() {
        java.time.LocalDate today = today();
        String approved = planning.allocationIn("approved", "Bad Dates Lasers");
        refusedStep(approved, "contract", contractBody("CR-1").put("startBy", today.minusDays(21).toString()), 400);
        refusedStep(approved, "contract", contractBody("CR-1").put("reviewOn", today.plusDays(299).toString()), 400);
        refusedStep(approved, "contract", contractBody("CR-1").put("signedOn", "2026-02-30"), 400);
        refusedStep(approved, "contract", contractBody("CR-1").put("signedOn", "yesterday"), 400);
        refusedStep(approved, "contract", contractBody("CR-1").put("priceWanYuan", 0), 400);
        refusedStep(approved, "contract", contractBody("CR-1").put("priceWanYuan", "1850"), 400);
        refusedStep(approved, "contract", contractBody("CR-1").put("colour", "red"), 400);
        // Signed tomorrow, by the service's clock: not yet.
        ObjectNode future = contractBody("CR-1").put("signedOn", today.plusDays(1).toString())
                .put("handOverBy", today.plusDays(1).toString()).put("startBy", today.plusDays(1).toString());
        refusedStep(approved, "contract", future, 400);

        String contracted = contracted("Bad Milestone Lasers");
        refusedStep(contracted, "milestones", milestone("handed-over", today.minusDays(31)), 400);
        refusedStep(contracted, "milestones", milestone("handed-over", today.plusDays(1)), 400);
        refusedStep(contracted, "milestones", Planning.object().put("kind", "finished").put("on", today.toString()),
                400);
        refusedStep(contracted, "milestones", Planning.object().put("kind", "handed-over").put("on", "13/05/2026"),
                400);
        ok(post(contracted, "milestones", milestone("handed-over", today.minusDays(25))));
        refusedStep(contracted, "milestones", milestone("started", today.minusDays(26)), 400);
        ok(post(contracted, "milestones", milestone("started", today.minusDays(5))));
        ok(post(contracted, "milestones", milestone("completed", today.minusDays(1))));
        refusedStep(contracted, "review", Planning.object().put("on", today.minusDays(2).toString())
                .put("investmentWanYuan", 1).put("taxWanYuanPerYear", 1), 400);
        refusedStep(contracted, "review", Planning.object().put("on", today.plusDays(1).toString())
                .put("investmentWanYuan", 1).put("taxWanYuanPerYear", 1), 400);
        refusedStep(contracted, "review", Planning.object().put("on", today.toString())
                .put("investmentWanYuan", -1).put("taxWanYuanPerYear", 1), 400);
        refusedStep(contracted, "revoke", Planning.object().put("reason", ""), 400);
    }

    @Test
    void aDateInTheFutureIsAcceptedOnceTheServicesClockHasReachedIt() {
        String id = contracted("Clock Lasers");
        java.time.LocalDate tomorrow = today().plusDays(1);
        refusedStep(id, "milestones", milestone("handed-over", tomorrow), 400);
        clock.advance(java.time.Duration.ofDays(1));
        JsonNode handedOver = ok(post(id, "milestones", milestone("handed-over", tomorrow)));
        assertThat(handedOver.at("/milestones/0/on").stringValue()).isEqualTo(tomorrow.toString());
    }

    @Test
    void theListSaysWhichDayItIsByTheServicesClock() {
        assertThat(planner.get("/api/allocations?limit=1").json().get("today").stringValue())
                .isEqualTo(today().toString());
        clock.advance(java.time.Duration.ofDays(3));
        assertThat(planner.get("/api/allocations?limit=1").json().get("today").stringValue())
                .isEqualTo(today().toString());
    }

    @Test
    void theStepsAfterApprovalOfAnUnknownAllocationAre404() {
        for (String step : List.of("contract", "milestones", "review", "revoke")) {
            ObjectNode body = switch (step) {
                case "contract" -> contractBody("CR-404");
                case "milestones" -> milestone("handed-over", today());
                case "review" -> Planning.object().put("on", today().toString()).put("investmentWanYuan", 1)
                        .put("taxWanYuanPerYear", 1);
                default -> Planning.object().put("reason", "none");
            };
            assertProblem(post("AL-0000000000", step, body), 404);
        }
    }

    // ---- Requests that are not proposals -------------------------------------------------------------------------

    @Test
    void anUnknownAllocationIs404() {
        for (ServiceClient.Reply reply : List.of(planner.get("/api/allocations/AL-0000000000"),
                planner.post("/api/allocations/AL-0000000000/approve"),
                planner.post("/api/allocations/AL-0000000000/reject"),
                planner.post("/api/allocations/AL-0000000000/release"))) {
            assertProblem(reply, 404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"parcelId\":\"PARCEL\"}",
        "PROPOSAL+\"colour\":\"blue\"",
        "{\"parcelId\":\"PARCEL\",\"intendedUse\":\"plant\",\"termYears\":30}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"type\":\"enterprise\"},\"intendedUse\":\"plant\",\"termYears\":30}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"pirate\"},\"intendedUse\":\"plant\",\"termYears\":30}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\",\"vip\":true},\"intendedUse\":\"plant\",\"termYears\":30}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"intendedUse\":\"plant\",\"termYears\":0}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"intendedUse\":\"plant\",\"termYears\":71}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"intendedUse\":\"plant\",\"termYears\":2.5}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"intendedUse\":\"plant\"}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"termYears\":30}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"intendedUse\":\"plant\",\"termYears\":30,\"landUse\":\"999999\"}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"intendedUse\":\"plant\",\"termYears\":30,\"indicators\":{\"far\":\"NaN\"}}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"intendedUse\":\"plant\",\"termYears\":30,\"pledges\":{\"investmentWanYuanPerMu\":-5,\"taxWanYuanPerMu\":30}}",
        "{\"parcelId\":\"PARCEL\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"intendedUse\":\"plant\",\"termYears\":30,\"pledges\":{\"investment\":400}}",
        "{\"parcelId\":\"QOV-XX-999\",\"allottee\":{\"name\":\"X\",\"type\":\"enterprise\"},\"intendedUse\":\"plant\",\"termYears\":30}"})
    void bodiesThatAreNotProposalsAre400AndStoreNothing(String template) {
        String parcel = planning.takeAvailableParcel();
        String proposal = Planning.proposal(parcel, "Four Hundred Lasers").toString();
        String body = template.replace("PARCEL", parcel)
                .replace("PROPOSAL+", proposal.substring(0, proposal.length() - 1) + ",");
        if (template.startsWith("PROPOSAL+")) {
            body = body + "}";
        }
        ServiceClient.Reply reply = planner.send(planner.request("/api/allocations")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(reply, 400);
        assertThat(reply.json().get("detail").stringValue()).isNotBlank();
        assertThat(parcelStatus(parcel)).isEqualTo("available");
        assertThat(allocationsOf(parcel)).isEmpty();
    }

    // ---- History -------------------------------------------------------------------------------------------------

    @Test
    void theHistoryOfTheParcelAndOfTheAllocationTellEveryStep() {
        ServiceClient other = anonymous.asNew("planner", "history-planner");
        String parcel = planning.takeAvailableParcel();
        String id = planning.propose(parcel, "History Makers Ltd");
        assertThat(other.post("/api/allocations/" + id + "/approve").status()).isEqualTo(200);
        planning.step(id, "release");

        List<JsonNode> parcelEvents = planning.history(parcel);
        assertThat(parcelEvents).extracting(e -> e.get("action").stringValue())
                .containsExactly("reserve", "allocate", "make-available");
        assertThat(parcelEvents).extracting(e -> e.get("actor").stringValue())
                .containsExactly(ServiceClient.ADMIN, "history-planner", ServiceClient.ADMIN);
        List<String> statuses = List.of("available", "reserved", "allocated", "available");
        for (int i = 0; i < parcelEvents.size(); i++) {
            JsonNode event = parcelEvents.get(i);
            assertThat(event.get("featureId").stringValue()).isEqualTo(parcel);
            assertThat(event.get("featureType").stringValue()).isEqualTo("parcel");
            assertThat(event.at("/before/type").stringValue()).isEqualTo("Feature");
            assertThat(event.at("/before/geometry/type").stringValue()).isEqualTo("Polygon");
            assertThat(event.at("/before/properties/status").stringValue()).isEqualTo(statuses.get(i));
            assertThat(event.at("/after/properties/status").stringValue()).isEqualTo(statuses.get(i + 1));
            assertThat(event.at("/after/geometry")).isEqualTo(event.at("/before/geometry"));
            if (i > 0) {
                assertThat(Instant.parse(event.get("at").stringValue()))
                        .isAfterOrEqualTo(Instant.parse(parcelEvents.get(i - 1).get("at").stringValue()));
                assertThat(event.at("/before")).as("each step starts where the last ended")
                        .isEqualTo(parcelEvents.get(i - 1).at("/after"));
            }
        }

        List<JsonNode> allocationEvents = planning.history(id);
        assertThat(allocationEvents).extracting(e -> e.get("action").stringValue())
                .containsExactly("propose", "approve", "release");
        assertThat(allocationEvents).extracting(e -> e.get("featureType").stringValue())
                .containsOnly("allocation");
        assertThat(allocationEvents.get(0).get("before").isNull()).isTrue();
        assertThat(allocationEvents.get(0).at("/after/state").stringValue()).isEqualTo("proposed");
        assertThat(allocationEvents.get(1).at("/after/state").stringValue()).isEqualTo("approved");
        assertThat(allocationEvents.get(1).get("actor").stringValue()).isEqualTo("history-planner");
        assertThat(allocationEvents.get(2).at("/before/state").stringValue()).isEqualTo("approved");
        assertThat(allocationEvents.get(2).at("/after/state").stringValue()).isEqualTo("released");
        assertThat(allocationEvents.get(2).at("/after/released/by").stringValue()).isEqualTo(ServiceClient.ADMIN);
    }

    @Test
    void aRejectionIsInTheHistoryToo() {
        String parcel = planning.takeAvailableParcel();
        String id = planning.propose(parcel, "Rejected History Ltd");
        planning.step(id, "reject");
        assertThat(planning.history(parcel)).extracting(e -> e.get("action").stringValue())
                .containsExactly("reserve", "make-available");
        assertThat(planning.history(id)).extracting(e -> e.get("action").stringValue())
                .containsExactly("propose", "reject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/history", "/api/history?feature=", "/api/history?feature=A&feature=B",
        "/api/history?feature=QOV-LI-001&since=2020", "/api/history?id=QOV-LI-001",
        "/api/allocations?colour=blue", "/api/allocations?state=pending", "/api/allocations?limit=0",
        "/api/allocations?limit=x", "/api/allocations?state=proposed&state=approved"})
    void badReadParametersAre400(String path) {
        assertProblem(planner.get(path), 400);
    }

    @Test
    void aFeatureWithoutHistoryHasAnEmptyOne() {
        JsonNode body = planner.get("/api/history?feature=QOV-NEVER-EXISTED").json();
        assertThat(body.get("feature").stringValue()).isEqualTo("QOV-NEVER-EXISTED");
        assertThat(body.get("events").isEmpty()).isTrue();
    }
}
