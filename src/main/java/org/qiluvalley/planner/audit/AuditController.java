package org.qiluvalley.planner.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.qiluvalley.planner.allocation.Supervision;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.FindingsGeoJson;
import org.qiluvalley.planner.rules.ParkAudit;
import org.qiluvalley.planner.rules.StoreSiteContext;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.web.CsvText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The plan-wide audit: {@code GET /api/audit} (JSON: park total, zone budget table, every finding with its
 * geometry) and {@code GET /api/audit.csv} (the zone budget table as CSV, for a spreadsheet). Areas in m², computed
 * in EPSG:4548.
 */
@RestController
@Tag(name = "Audit", description = "The plan-wide audit (planners): the rule book over every parcel, the park "
        + "total against 487 ha, and the zone budget table.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@ApiResponse(responseCode = "401", description = "Not signed in, or wrong credentials.",
        content = @Content(mediaType = AuditController.PROBLEM_JSON, schema = @Schema(ref = AuditController.PROBLEM)))
@ApiResponse(responseCode = "403", description = "Signed in, but not a planner.",
        content = @Content(mediaType = AuditController.PROBLEM_JSON, schema = @Schema(ref = AuditController.PROBLEM)))
@ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = "integer")),
        content = @Content(mediaType = AuditController.PROBLEM_JSON, schema = @Schema(ref = AuditController.PROBLEM)))
class AuditController {

    private static final JsonFactory JSON = new JsonFactory();
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "#/components/schemas/Problem";

    /** The answer's shape, for the OpenAPI document only (the answer is written below, member by member). */
    @Schema(description = "The plan-wide audit. Areas in m², computed in EPSG:4548; uses as fractions.")
    record AuditReport(@Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String generatedAt,
            @Schema(requiredMode = RequiredMode.REQUIRED) ParkTotals park,
            @Schema(description = "One line per zone.", requiredMode = RequiredMode.REQUIRED) List<ZoneBudget> zones,
            @Schema(requiredMode = RequiredMode.REQUIRED) AuditSummary summary,
            @Schema(requiredMode = RequiredMode.REQUIRED) SupervisionSummary supervision,
            @Schema(description = "Every finding of the plan rules over every parcel (overlaps, gaps and slivers "
                    + "between parcels with their geometry), each with its subject, in CRS84.",
                    requiredMode = RequiredMode.REQUIRED, ref = "#/components/schemas/FindingCollection")
            Object findings) {
    }

    @Schema(description = "The park against its target area.")
    record ParkTotals(@Schema(requiredMode = RequiredMode.REQUIRED) double areaM2,
            @Schema(requiredMode = RequiredMode.REQUIRED) double areaHa,
            @Schema(description = "4,870,000 m² (487 ha).", requiredMode = RequiredMode.REQUIRED) double targetAreaM2,
            @Schema(requiredMode = RequiredMode.REQUIRED) double differenceM2,
            @Schema(description = "The zones' total area.", requiredMode = RequiredMode.REQUIRED) double zonesAreaM2) {
    }

    @Schema(description = "A zone's line of the budget table. A budget not set in the rule book is null, and so is "
            + "its use.")
    record ZoneBudget(@Schema(requiredMode = RequiredMode.REQUIRED, example = "laser-industry") String id,
            @Schema(requiredMode = RequiredMode.REQUIRED) String nameEn,
            @Schema(requiredMode = RequiredMode.REQUIRED) String nameZh,
            @Schema(requiredMode = RequiredMode.REQUIRED) String category,
            @Schema(requiredMode = RequiredMode.REQUIRED) double areaM2,
            @Schema(description = "Parcels in the zone.", requiredMode = RequiredMode.REQUIRED) long parcels,
            @Schema(requiredMode = RequiredMode.REQUIRED) double allocatedM2,
            @Schema(requiredMode = RequiredMode.REQUIRED) double reservedM2,
            @Schema(requiredMode = RequiredMode.REQUIRED) double availableM2,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"number", "null"}) Double budgetAreaM2,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"number", "null"}) Double budgetUse,
            @Schema(requiredMode = RequiredMode.REQUIRED) double floorCapacityM2,
            @Schema(requiredMode = RequiredMode.REQUIRED) double committedFloorAreaM2,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"number", "null"}) Double budgetFloorAreaM2,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"number", "null"}) Double floorBudgetUse,
            @Schema(description = "Land contracted but idle: allocations under contract on which building has not "
                    + "started (see GET /api/supervision).", requiredMode = RequiredMode.REQUIRED)
            double contractedIdleM2,
            @Schema(description = "The same in mu (1 mu = 10,000/15 m²).", requiredMode = RequiredMode.REQUIRED)
            double contractedIdleMu,
            @Schema(description = "The part of it past its contract's start deadline.",
                    requiredMode = RequiredMode.REQUIRED) double contractedIdlePastStartByM2) {
    }

    @Schema(description = "Supervision after the contract (GET /api/supervision): cases of each kind and the land "
            + "contracted but idle, park-wide.")
    record SupervisionSummary(@Schema(requiredMode = RequiredMode.REQUIRED, format = "date") String asOf,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "{\"overdue-handover\": 0, \"overdue-start\": 2, "
                    + "\"overdue-completion\": 1, \"review-due\": 0, \"below-pledge\": 1}")
            java.util.Map<String, Integer> counts,
            @Schema(requiredMode = RequiredMode.REQUIRED) int contractedIdleAllocations,
            @Schema(requiredMode = RequiredMode.REQUIRED) double contractedIdleM2,
            @Schema(requiredMode = RequiredMode.REQUIRED) double contractedIdleHa,
            @Schema(requiredMode = RequiredMode.REQUIRED) double contractedIdleMu) {
    }

    @Schema(description = "How many findings, and over how many parcels.")
    record AuditSummary(@Schema(requiredMode = RequiredMode.REQUIRED) long errors,
            @Schema(requiredMode = RequiredMode.REQUIRED) long warnings,
            @Schema(requiredMode = RequiredMode.REQUIRED) int parcelsChecked) {
    }

    private final ParcelStore store;
    private final ParkAudit audit;
    private final Supervision supervision;

    AuditController(ParcelStore store, ZoningRuleBook book, Supervision supervision) {
        this.store = store;
        this.audit = new ParkAudit(book);
        this.supervision = supervision;
    }

    /** Each zone's land contracted but idle. */
    private static java.util.Map<String, Supervision.IdleLand> idleByZone(Supervision.Sheet sheet) {
        java.util.Map<String, Supervision.IdleLand> idle = new java.util.HashMap<>();
        sheet.idle().forEach(line -> idle.put(line.zone(), line));
        return idle;
    }

    private static Supervision.IdleLand idleOf(java.util.Map<String, Supervision.IdleLand> idle, String zone) {
        return idle.getOrDefault(zone, new Supervision.IdleLand(zone, 0, 0, 0));
    }

    @Operation(operationId = "getAudit", summary = "Audit the whole plan (planners)",
            description = "Runs the plan rules over every parcel and reports the park total against 487 ha, per zone "
                    + "the area, allocated, reserved and available land, budget use and floor-area capacity, and every "
                    + "finding. The seed data audits with zero errors.")
    @ApiResponse(responseCode = "200", description = "The audit.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AuditReport.class)))
    @GetMapping(value = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> audit() {
        ParkAudit.Report report = audit.run(StoreSiteContext.snapshot(store));
        Supervision.Sheet sheet = supervision.sheet();
        java.util.Map<String, Supervision.IdleLand> idle = idleByZone(sheet);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeStringProperty("generatedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            out.writeName("park");
            out.writeStartObject();
            out.writeNumberProperty("areaM2", round(report.parkAreaM2()));
            out.writeNumberProperty("areaHa", GeoJson.round(report.parkAreaM2() / 10_000, 4));
            out.writeNumberProperty("targetAreaM2", ParkAudit.PARK_TARGET_M2);
            out.writeNumberProperty("differenceM2", round(report.parkAreaM2() - ParkAudit.PARK_TARGET_M2));
            out.writeNumberProperty("zonesAreaM2", round(report.zonesAreaM2()));
            out.writeEndObject();
            out.writeName("zones");
            out.writeStartArray();
            for (ParkAudit.ZoneLine line : report.zones()) {
                out.writeStartObject();
                out.writeStringProperty("id", line.zone().id());
                out.writeStringProperty("nameEn", line.zone().nameEn());
                out.writeStringProperty("nameZh", line.zone().nameZh());
                out.writeStringProperty("category", line.zone().category());
                out.writeNumberProperty("areaM2", round(line.zone().planar().getArea()));
                out.writeNumberProperty("parcels", line.parcels());
                out.writeNumberProperty("allocatedM2", round(line.allocatedM2()));
                out.writeNumberProperty("reservedM2", round(line.reservedM2()));
                out.writeNumberProperty("availableM2", round(line.availableM2()));
                nullable(out, "budgetAreaM2", line.budgetAreaM2(), 2);
                nullable(out, "budgetUse", line.budgetUse(), 4);
                out.writeNumberProperty("floorCapacityM2", round(line.floorCapacityM2()));
                out.writeNumberProperty("committedFloorAreaM2", round(line.committedFloorAreaM2()));
                nullable(out, "budgetFloorAreaM2", line.budgetFloorAreaM2(), 2);
                nullable(out, "floorBudgetUse", line.floorBudgetUse(), 4);
                Supervision.IdleLand zoneIdle = idleOf(idle, line.zone().id());
                out.writeNumberProperty("contractedIdleM2", round(zoneIdle.areaM2()));
                out.writeNumberProperty("contractedIdleMu",
                        GeoJson.round(zoneIdle.areaM2() / Crs.SQUARE_METRES_PER_MU, 4));
                out.writeNumberProperty("contractedIdlePastStartByM2", round(zoneIdle.pastStartByM2()));
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeName("summary");
            out.writeStartObject();
            out.writeNumberProperty("errors", report.errors());
            out.writeNumberProperty("warnings", report.warnings());
            out.writeNumberProperty("parcelsChecked", report.parcelsChecked());
            out.writeEndObject();
            out.writeName("supervision");
            out.writeStartObject();
            out.writeStringProperty("asOf", sheet.asOf().toString());
            out.writeName("counts");
            out.writeStartObject();
            sheet.counts().forEach((kind, count) -> out.writeNumberProperty(kind.wireName(), count));
            out.writeEndObject();
            Supervision.IdleLand total = sheet.idleTotal();
            out.writeNumberProperty("contractedIdleAllocations", total.allocations());
            out.writeNumberProperty("contractedIdleM2", round(total.areaM2()));
            out.writeNumberProperty("contractedIdleHa", GeoJson.round(total.areaM2() / 10_000, 4));
            out.writeNumberProperty("contractedIdleMu", GeoJson.round(total.areaM2() / Crs.SQUARE_METRES_PER_MU,
                    4));
            out.writeEndObject();
            out.writeName("findings");
            List<ParkAudit.AuditFinding> findings = report.findings();
            java.util.Map<org.qiluvalley.planner.rules.Finding, String> subjects = new java.util.IdentityHashMap<>();
            findings.forEach(f -> subjects.put(f.finding(), f.subject()));
            FindingsGeoJson.write(out, findings.stream().map(ParkAudit.AuditFinding::finding).toList(),
                    ResponseCrs.CRS84, subjects::get);
            out.writeEndObject();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes.toByteArray());
    }

    /** The zone budget table, one row per zone and a park total row; areas in m², uses as fractions. */
    @Operation(operationId = "getAuditCsv", summary = "The zone budget table as CSV (planners)",
            description = "RFC 4180, UTF-8, CRLF: a header row, one row per zone and a park total row. Columns zone, "
                    + "name_en, name_zh, category, area_m2, parcels, allocated_m2, reserved_m2, available_m2, "
                    + "budget_area_m2, budget_use, floor_capacity_m2, committed_floor_area_m2, budget_floor_area_m2, "
                    + "floor_budget_use, contracted_idle_m2 (land under contract where building has not started); "
                    + "areas in m², uses as fractions, an unset budget empty.")
    @ApiResponse(responseCode = "200", description = "The table, as an attachment "
            + "(qilu-optics-valley-audit.csv).", headers = @Header(name = "Content-Disposition",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping(value = "/api/audit.csv", produces = "text/csv")
    ResponseEntity<byte[]> auditCsv() {
        ParkAudit.Report report = audit.run(StoreSiteContext.snapshot(store));
        StringBuilder csv = new StringBuilder("zone,name_en,name_zh,category,area_m2,parcels,allocated_m2,reserved_m2,"
                + "available_m2,budget_area_m2,budget_use,floor_capacity_m2,committed_floor_area_m2,"
                + "budget_floor_area_m2,floor_budget_use,contracted_idle_m2\r\n");
        Supervision.Sheet sheet = supervision.sheet();
        java.util.Map<String, Supervision.IdleLand> idle = idleByZone(sheet);
        for (ParkAudit.ZoneLine line : report.zones()) {
            csv.append(String.join(",", line.zone().id(), quote(line.zone().nameEn()), quote(line.zone().nameZh()),
                    line.zone().category(), number(line.zone().planar().getArea()), Long.toString(line.parcels()),
                    number(line.allocatedM2()), number(line.reservedM2()), number(line.availableM2()),
                    number(line.budgetAreaM2()), fraction(line.budgetUse()), number(line.floorCapacityM2()),
                    number(line.committedFloorAreaM2()), number(line.budgetFloorAreaM2()),
                    fraction(line.floorBudgetUse()), number(idleOf(idle, line.zone().id()).areaM2())))
                    .append("\r\n");
        }
        csv.append(String.join(",", "park", quote("Qilu Optics Valley (target 4870000 m²)"), quote("齐鲁光谷"), "",
                number(report.parkAreaM2()), Integer.toString(report.parcelsChecked()), "", "", "", "", "", "", "", "",
                "", number(sheet.idleTotal().areaM2()))).append("\r\n");
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"qilu-optics-valley-audit.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static double round(double squareMetres) {
        return GeoJson.round(squareMetres, 2);
    }

    private static void nullable(JsonGenerator out, String name, Double value, int decimals) {
        out.writeName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeNumber(GeoJson.round(value, decimals));
        }
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String fraction(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String text) {
        return CsvText.quote(text);
    }
}
