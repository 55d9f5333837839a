package org.qiluvalley.planner.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Supervision after the contract, end to end: {@code GET /api/supervision} and its CSV list what is late or short
 * for allocations contracted through the API with deadlines in the past, the filters work and bad ones are 400, the
 * audit counts the cases and the land contracted but idle per zone, and a revocation takes the allocation off the
 * sheet. Dates relative to today (the service's clock, in the park's time zone), all in the past, so no clock
 * needs moving.
 *
 * <p>Each store runs the same tests: {@link SupervisionApiH2gisIT}, {@link SupervisionApiPostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SupervisionApiContract {

    private static final double M2_PER_MU = 10_000.0 / 15;

    @LocalServerPort
    int port;

    ServiceClient planner;
    Planning planning;
    LocalDate today;

    /** The service's clock: its zone is the park's calendar, in which the contract's dates are days. */
    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @BeforeEach
    void clients() {
        planning = new Planning(new ServiceClient("http://localhost:" + port));
        planner = planning.planner();
        today = LocalDate.now(clock);
    }

    /**
     * An approved allocation (proposed by one planner, approved by another) contracted 400 days ago: hand over by
     * 390 days ago, start by 300 days ago, complete by {@code completeInDays} from today (negative: past), review
     * {@code reviewInDays} from today.
     */
    private String contracted(String allottee, int completeInDays, int reviewInDays) {
        String id = planning.allocationIn("approved", allottee);
        ObjectNode contract = Planning.object().put("contractNumber", "CR-" + id)
                .put("signedOn", today.minusDays(400).toString()).put("priceWanYuan", 980)
                .put("handOverBy", today.minusDays(390).toString()).put("startBy", today.minusDays(300).toString())
                .put("completeBy", today.plusDays(completeInDays).toString())
                .put("reviewOn", today.plusDays(reviewInDays).toString());
        ok(planner.postJson("/api/allocations/" + id + "/contract", contract.toString()));
        return id;
    }

    private void milestone(String id, String kind, LocalDate on) {
        ok(planner.postJson("/api/allocations/" + id + "/milestones",
                Planning.object().put("kind", kind).put("on", on.toString()).toString()));
    }

    private static JsonNode ok(ServiceClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode sheet(String query) {
        ServiceClient.Reply reply = planner.get("/api/supervision" + query);
        assertThat(reply.contentType()).startsWith("application/json");
        return ok(reply);
    }

    /** The sheet's entry of this allocation, or null. */
    private static JsonNode entry(JsonNode sheet, String id) {
        for (JsonNode e : sheet.get("allocations")) {
            if (e.get("id").stringValue().equals(id)) {
                return e;
            }
        }
        return null;
    }

    private static List<String> kinds(JsonNode entry) {
        List<String> kinds = new ArrayList<>();
        entry.get("cases").forEach(c -> kinds.add(c.get("kind").stringValue()));
        return kinds;
    }

    private static JsonNode caseOf(JsonNode entry, String kind) {
        for (JsonNode c : entry.get("cases")) {
            if (c.get("kind").stringValue().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no " + kind + " in " + entry);
    }

    private String parcelOf(String allocationId) {
        return planner.get("/api/allocations/" + allocationId).json().get("parcelId").stringValue();
    }

    @Test
    void aContractWithPastDeadlinesStartedLateIsOverdueStartWithTheDaysLate() {
        String id = contracted("Late Start Optics", 100, 465);
        milestone(id, "handed-over", today.minusDays(395));
        milestone(id, "started", today.minusDays(250));

        JsonNode sheet = sheet("?kind=overdue-start");
        assertThat(sheet.get("asOf").stringValue()).isEqualTo(today.toString());
        JsonNode entry = entry(sheet, id);
        assertThat(entry).as("listed under overdue-start").isNotNull();
        assertThat(kinds(entry)).containsExactly("overdue-start");
        JsonNode late = caseOf(entry, "overdue-start");
        assertThat(late.get("outstanding").booleanValue()).isFalse();
        assertThat(late.get("dueOn").stringValue()).isEqualTo(today.minusDays(300).toString());
        assertThat(late.get("doneOn").stringValue()).isEqualTo(today.minusDays(250).toString());
        assertThat(late.get("daysOverdue").longValue()).isEqualTo(50);
        assertThat(late.get("nameZh").stringValue()).isEqualTo("逾期未开工");
        assertThat(entry.get("idle").booleanValue()).as("building has started").isFalse();
        assertThat(entry.at("/contract/startBy").stringValue()).isEqualTo(today.minusDays(300).toString());
        assertThat(entry.at("/milestones/startedOn").stringValue()).isEqualTo(today.minusDays(250).toString());

        JsonNode all = entry(sheet(""), id);
        assertThat(kinds(all)).as("handed over on time; completion not due yet").containsExactly("overdue-start");
        assertThat(entry(sheet("?kind=overdue-handover"), id)).isNull();
    }

    @Test
    void nothingDoneIsOutstandingOverdueHandoverAndStartAndTheLandCountsAsIdleInTheAudit() {
        JsonNode auditBefore = ok(planner.get("/api/audit"));
        String id = contracted("Idle Land Lasers", 100, 465);
        String parcel = parcelOf(id);
        JsonNode feature = planning.parcel(parcel).json();
        String zone = feature.at("/properties/zone").stringValue();
        double areaM2 = feature.at("/properties/areaM2").doubleValue();

        JsonNode entry = entry(sheet("?zone=" + zone), id);
        assertThat(kinds(entry)).containsExactly("overdue-handover", "overdue-start");
        assertThat(caseOf(entry, "overdue-handover").get("daysOverdue").longValue()).isEqualTo(390);
        assertThat(caseOf(entry, "overdue-start").get("daysOverdue").longValue()).isEqualTo(300);
        assertThat(caseOf(entry, "overdue-start").get("outstanding").booleanValue()).isTrue();
        assertThat(caseOf(entry, "overdue-start").has("doneOn")).isFalse();
        assertThat(entry.get("idle").booleanValue()).isTrue();
        assertThat(entry.get("areaM2").doubleValue()).isCloseTo(areaM2, Offset.offset(0.01));
        assertThat(entry.get("areaMu").doubleValue()).isCloseTo(areaM2 / M2_PER_MU, Offset.offset(1e-3));
        assertThat(entry.get("zone").stringValue()).isEqualTo(zone);

        JsonNode auditAfter = ok(planner.get("/api/audit"));
        assertThat(zoneLine(auditAfter, zone).get("contractedIdleM2").doubleValue()
                - zoneLine(auditBefore, zone).get("contractedIdleM2").doubleValue())
                .as("the parcel's area joins the zone's idle land").isCloseTo(areaM2, Offset.offset(0.02));
        assertThat(zoneLine(auditAfter, zone).get("contractedIdleMu").doubleValue()).isCloseTo(
                zoneLine(auditAfter, zone).get("contractedIdleM2").doubleValue() / M2_PER_MU, Offset.offset(1e-3));
        assertThat(auditAfter.at("/supervision/counts/overdue-start").intValue())
                .isEqualTo(auditBefore.at("/supervision/counts/overdue-start").intValue() + 1);
        assertThat(auditAfter.at("/supervision/counts/overdue-handover").intValue())
                .isEqualTo(auditBefore.at("/supervision/counts/overdue-handover").intValue() + 1);
        assertThat(auditAfter.at("/supervision/contractedIdleHa").doubleValue()).isCloseTo(
                auditAfter.at("/supervision/contractedIdleM2").doubleValue() / 10_000, Offset.offset(1e-3));

        JsonNode zoneSheet = sheet("?zone=" + zone);
        assertThat(zoneSheet.get("zones")).hasSize(1);
        assertThat(zoneSheet.at("/zones/0/zone").stringValue()).isEqualTo(zone);
        assertThat(zoneSheet.at("/zones/0/areaM2").doubleValue()).isCloseTo(
                zoneLine(auditAfter, zone).get("contractedIdleM2").doubleValue(), Offset.offset(0.02));
        assertThat(zoneSheet.at("/zones/0/pastStartByM2").doubleValue()).as("past its start deadline")
                .isGreaterThanOrEqualTo(areaM2 - 0.02);

        // The budget CSV carries the same idle figure.
        String csv = planner.get("/api/audit.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",contracted_idle_m2");

        // Revoked: off the sheet and no longer idle.
        ok(planner.postJson("/api/allocations/" + id + "/revoke",
                Planning.object().put("reason", "not started a year after the deadline").toString()));
        assertThat(entry(sheet(""), id)).isNull();
        assertThat(zoneLine(ok(planner.get("/api/audit")), zone).get("contractedIdleM2").doubleValue())
                .isCloseTo(zoneLine(auditBefore, zone).get("contractedIdleM2").doubleValue(), Offset.offset(0.02));
        assertThat(planning.parcel(parcel).status()).isEqualTo("available");
    }

    private static JsonNode zoneLine(JsonNode audit, String zone) {
        for (JsonNode line : audit.get("zones")) {
            if (line.get("id").stringValue().equals(zone)) {
                return line;
            }
        }
        throw new AssertionError("no zone " + zone);
    }

    @Test
    void aReviewBelowThePledgeIsBelowPledgeWithThePercentAchievedForTheParcelsMu() {
        String id = contracted("Short Pledge Photonics", -30, 355);
        milestone(id, "handed-over", today.minusDays(390));
        milestone(id, "started", today.minusDays(300));
        milestone(id, "completed", today.minusDays(20));
        double mu = planning.parcel(parcelOf(id)).json().at("/properties/areaM2").doubleValue() / M2_PER_MU;
        // Investment at exactly the pledge, tax at 40% of it.
        ok(planner.postJson("/api/allocations/" + id + "/review", Planning.object().put("on", today.toString())
                .put("investmentWanYuan", Planning.GOOD_INVESTMENT_WAN_YUAN_PER_MU * mu)
                .put("taxWanYuanPerYear", 0.4 * Planning.GOOD_TAX_WAN_YUAN_PER_MU * mu).toString()));

        JsonNode entry = entry(sheet("?kind=below-pledge"), id);
        assertThat(kinds(entry)).containsExactly("below-pledge");
        JsonNode below = caseOf(entry, "below-pledge");
        assertThat(below.get("percent").doubleValue()).isCloseTo(40.0, Offset.offset(0.01));
        assertThat(below.get("doneOn").stringValue()).isEqualTo(today.toString());
        assertThat(below.has("daysOverdue")).isFalse();
        assertThat(entry.get("state").stringValue()).isEqualTo("reviewed");
        assertThat(kinds(entry(sheet(""), id))).as("completed 10 days late").containsExactly("overdue-completion",
                "below-pledge");
        assertThat(caseOf(entry(sheet(""), id), "overdue-completion").get("daysOverdue").longValue()).isEqualTo(10);
        assertThat(entry(sheet("?kind=review-due"), id)).as("reviewed, so no longer due").isNull();
    }

    @Test
    void aContractWhoseReviewDateHasComeIsReviewDue() {
        String id = contracted("Review Due Lasers", -20, -15);
        JsonNode entry = entry(sheet("?kind=review-due,overdue-completion"), id);
        assertThat(kinds(entry)).containsExactly("overdue-completion", "review-due");
        assertThat(caseOf(entry, "review-due").get("daysOverdue").longValue()).isEqualTo(15);
        assertThat(kinds(entry(sheet("?kind=review-due&kind=overdue-start"), id)))
                .containsExactly("overdue-start", "review-due");
    }

    @Test
    void theCsvHasOneRowPerCaseAndKeepsAFormulaInAnAllotteesNameAsText() {
        String id = contracted("=HYPERLINK(\"http://evil.example\",\"x\")", 100, 465);
        ServiceClient.Reply csv = planner.get("/api/supervision.csv?kind=overdue-start,overdue-handover");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("qilu-optics-valley-supervision.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("allocation_id,parcel_id,zone,allottee,state,contract_number,area_m2,"
                + "area_mu,hand_over_by,handed_over_on,start_by,started_on,complete_by,completed_on,review_on,"
                + "reviewed_on,idle,kind,outstanding,due_on,done_on,days_overdue,percent");
        List<String> rows = lines.stream().filter(l -> l.startsWith(id + ",")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",")
                .contains(",overdue-handover,true," + today.minusDays(390) + ",,390,");
        assertThat(rows.get(1)).contains(",overdue-start,true," + today.minusDays(300) + ",,300,");
        assertThat(csv.body()).contains("\r\n");

        assertThat(planner.get("/api/supervision?f=csv&kind=overdue-start,overdue-handover").body())
                .isEqualTo(csv.body());
        ServiceClient.Reply accepted = planner.send(planner.request("/api/supervision?kind=overdue-start,"
                + "overdue-handover").header("Accept", "text/csv").GET());
        assertThat(accepted.contentType()).startsWith("text/csv");
        assertThat(accepted.body()).isEqualTo(csv.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"?kind=late", "?kind=overdue-start,", "?zone=nowhere", "?zone=laser-industry&zone="
        + "exhibition", "?f=xml", "?f=csv&f=json", "?state=contracted", "?kind=%27%3B+DROP+TABLE+allocations"})
    void badQueriesAre400(String query) {
        for (String path : List.of("/api/supervision", "/api/supervision.csv")) {
            ServiceClient.Reply reply = planner.get(path + query);
            assertThat(reply.status()).as(path + query + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.body()).doesNotContain("Exception", "at org.");
        }
    }
}
