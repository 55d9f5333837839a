package org.qiluvalley.planner.allocation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.rules.ZoneRules;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.web.CsvText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supervision after the contract (planners): {@code GET /api/supervision} (JSON) and {@code GET
 * /api/supervision.csv} (one row per case, for a spreadsheet), filtered by {@code kind} and {@code zone}. See
 * {@link Supervision} for what is late or short. Areas in m² computed in EPSG:4548, with ha and mu (1 mu =
 * 10,000/15 m²); dates {@code yyyy-MM-dd} on the service's clock in the park's time zone
 * ({@code valley.allocations.time-zone}, Asia/Shanghai).
 */
@RestController
@Tag(name = "Supervision", description = "Supervision after the transfer contract (planners): every contracted "
        + "allocation with its deadlines, what is late or short, and land contracted but idle.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@ApiResponse(responseCode = "400", description = "An unknown or repeated parameter, an unknown kind or zone, "
        + "f other than json or csv.", content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
@ApiResponse(responseCode = "401", description = "Not signed in, or wrong credentials.",
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
@ApiResponse(responseCode = "403", description = "Signed in, but not a planner.",
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
@ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = "integer")),
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
class SupervisionController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PARAMETERS = Set.of("kind", "zone", "f");
    private static final String CSV_HEADER = "allocation_id,parcel_id,zone,allottee,state,contract_number,area_m2,"
            + "area_mu,hand_over_by,handed_over_on,start_by,started_on,complete_by,completed_on,review_on,"
            + "reviewed_on,idle,kind,outstanding,due_on,done_on,days_overdue,percent\r\n";
    private static final String KIND_DESCRIPTION = "Only allocations with a case of this kind (repeat the parameter "
            + "or separate kinds with commas for several); the cases listed are then those kinds only.";

    private final Supervision supervision;
    private final ZoningRuleBook book;

    SupervisionController(Supervision supervision, ZoningRuleBook book) {
        this.supervision = supervision;
        this.book = book;
    }

    /** The answer. */
    @Schema(description = "Supervision after the contract, as of a day of the service's clock (park time zone).")
    @JsonPropertyOrder({"asOf", "counts", "idle", "zones", "allocations"})
    record Sheet(@Schema(format = "date", requiredMode = Schema.RequiredMode.REQUIRED) String asOf,
            @Schema(description = "Cases of each kind (the zone filter applies, the kind filter does not).",
                    requiredMode = Schema.RequiredMode.REQUIRED, example = "{\"overdue-handover\": 0, "
                            + "\"overdue-start\": 2, \"overdue-completion\": 1, \"review-due\": 0, "
                            + "\"below-pledge\": 1}") Map<String, Integer> counts,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Idle idle,
            @ArraySchema(arraySchema = @Schema(description = "Land contracted but idle per zone (every zone, or the "
                    + "zone filtered).")) List<Idle> zones,
            @ArraySchema(arraySchema = @Schema(description = "The allocations under contract that the filters keep, "
                    + "most days overdue first.")) List<Entry> allocations) {
    }

    @Schema(description = "Land contracted but idle: contracted allocations on which building has not started (no "
            + "started milestone); pastStartBy is the part already past its start deadline. Areas in m² "
            + "(EPSG:4548), ha and mu.")
    @JsonPropertyOrder({"zone", "nameEn", "nameZh", "allocations", "areaM2", "areaHa", "areaMu", "pastStartByM2",
        "pastStartByMu"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Idle(@Schema(description = "Absent in the park total.") String zone, String nameEn, String nameZh,
            int allocations, double areaM2, double areaHa, double areaMu, double pastStartByM2,
            double pastStartByMu) {
    }

    @Schema(description = "An allocation under contract: its parcel, deadlines, milestones and cases.")
    @JsonPropertyOrder({"id", "parcelId", "zone", "state", "allottee", "areaM2", "areaMu", "contract", "milestones",
        "idle", "cases", "links"})
    record Entry(String id, String parcelId, String zone, String state, AllocationJson.Allottee allottee,
            double areaM2, double areaMu, AllocationJson.Contract contract, Reached milestones,
            @Schema(description = "Contracted and building not started.") boolean idle, List<Case> cases,
            List<AllocationJson.Link> links) {
    }

    @Schema(description = "The dates reached; absent until reached.")
    @JsonPropertyOrder({"handedOverOn", "startedOn", "completedOn", "reviewedOn"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reached(String handedOverOn, String startedOn, String completedOn, String reviewedOn) {
    }

    @Schema(description = "Something late or short. outstanding: not done yet (days counted to today); otherwise "
            + "done late (days counted to doneOn). percent: the lowest percent of a pledge achieved (below-pledge).")
    @JsonPropertyOrder({"kind", "nameEn", "nameZh", "outstanding", "dueOn", "doneOn", "daysOverdue", "percent"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Case(@Schema(allowableValues = {"overdue-handover", "overdue-start", "overdue-completion", "review-due",
        "below-pledge"}) String kind, String nameEn, String nameZh, boolean outstanding,
            @Schema(format = "date") String dueOn, @Schema(format = "date") String doneOn, Long daysOverdue,
            Double percent) {
    }

    @Operation(operationId = "getSupervision", summary = "Supervision after the contract (planners)",
            description = "Every allocation under a transfer contract (contracted or reviewed) with its deadlines and "
                    + "cases: overdue-handover, overdue-start (逾期未开工), overdue-completion (逾期未竣工) when a "
                    + "milestone is past its deadline or was reached after it, review-due when the review date has "
                    + "come, below-pledge when the review found a per-mu figure below its pledge. Also the land "
                    + "contracted but idle per zone. f=csv (or Accept: text/csv) gives the CSV of "
                    + "/api/supervision.csv.",
            parameters = {
                @Parameter(name = "kind", in = ParameterIn.QUERY, description = KIND_DESCRIPTION,
                        schema = @Schema(type = "string", allowableValues = {"overdue-handover", "overdue-start",
                            "overdue-completion", "review-due", "below-pledge"})),
                @Parameter(name = "zone", in = ParameterIn.QUERY, description = "Only this zone's allocations.",
                        example = "laser-industry", schema = @Schema(type = "string")),
                @Parameter(name = "f", in = ParameterIn.QUERY, description = "json (default) or csv.",
                        schema = @Schema(type = "string", allowableValues = {"json", "csv"}))})
    @ApiResponse(responseCode = "200", description = "The supervision sheet.", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Sheet.class)),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @GetMapping("/api/supervision")
    ResponseEntity<byte[]> sheet(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Filters filters = filters(query);
        if (filters.csv() || filters.format() == null && wantsCsv(accept)) {
            return csv(filters);
        }
        Supervision.Sheet sheet = supervision.sheet(filters.kinds(), filters.zone());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsBytes(sheet(sheet)));
    }

    @Operation(operationId = "getSupervisionCsv", summary = "Supervision as CSV (planners)",
            description = "RFC 4180, UTF-8, CRLF: a header row, then one row per case (an allocation without a case: "
                    + "one row with kind empty). Columns " + "allocation_id, parcel_id, zone, allottee, state, "
                    + "contract_number, area_m2, area_mu, hand_over_by, handed_over_on, start_by, started_on, "
                    + "complete_by, completed_on, review_on, reviewed_on, idle, kind, outstanding, due_on, done_on, "
                    + "days_overdue, percent. Text a spreadsheet would read as a formula is prefixed with an "
                    + "apostrophe. The same filters as /api/supervision.",
            parameters = {
                @Parameter(name = "kind", in = ParameterIn.QUERY, description = KIND_DESCRIPTION,
                        schema = @Schema(type = "string")),
                @Parameter(name = "zone", in = ParameterIn.QUERY, description = "Only this zone's allocations.",
                        schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "200", description = "The sheet, as an attachment "
            + "(qilu-optics-valley-supervision.csv).", headers = @Header(name = "Content-Disposition",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping(value = "/api/supervision.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        return csv(filters(query));
    }

    private ResponseEntity<byte[]> csv(Filters filters) {
        Supervision.Sheet sheet = supervision.sheet(filters.kinds(), filters.zone());
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (Supervision.Entry e : sheet.entries()) {
            Allocation a = e.allocation();
            Allocation.Contract c = a.contract();
            Allocation.Milestones m = a.milestones();
            String fixed = String.join(",", a.id(), a.parcelId(), e.zone(), CsvText.quote(a.allotteeName()),
                    a.state().wireName(), CsvText.quote(c.number()), number(e.areaM2(), 2), number(e.areaMu(), 4),
                    date(c.handOverBy()), date(m.handedOverOn()), date(c.startBy()), date(m.startedOn()),
                    date(c.completeBy()), date(m.completedOn()), date(c.reviewOn()),
                    date(a.review() == null ? null : a.review().on()), Boolean.toString(e.idle()));
            if (e.cases().isEmpty()) {
                csv.append(fixed).append(",,,,,,\r\n");
            }
            for (Supervision.Case k : e.cases()) {
                csv.append(fixed).append(',').append(String.join(",", k.kind().wireName(),
                        Boolean.toString(k.outstanding()), date(k.dueOn()), date(k.doneOn()),
                        k.daysOverdue() == null ? "" : Long.toString(k.daysOverdue()),
                        k.percent() == null ? "" : number(k.percent(), 2))).append("\r\n");
            }
        }
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"qilu-optics-valley-supervision.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The query, checked: every parameter known, zone and f once, each kind known. */
    record Filters(Set<Supervision.Kind> kinds, String zone, String format) {

        boolean csv() {
            return "csv".equals(format);
        }
    }

    /** An Accept header that asks for CSV rather than JSON (one without either, or with both, gets JSON). */
    static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException among them
            return false;
        }
        boolean csv = types.stream().anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("csv"));
        boolean json = types.stream().anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON)
                && !t.isWildcardType());
        return csv && !json;
    }

    private Filters filters(MultiValueMap<String, String> query) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!PARAMETERS.contains(name) || !name.equals("kind") && parameter.getValue().size() > 1) {
                throw new InvalidInputException("unknown or repeated query parameter \"" + RefusedException.clip(name)
                        + "\"; accepted: kind (repeatable), zone, f");
            }
        }
        Set<Supervision.Kind> kinds = EnumSet.noneOf(Supervision.Kind.class);
        for (String value : query.getOrDefault("kind", List.of())) {
            for (String name : value.split(",", -1)) {
                kinds.add(Supervision.Kind.fromWireName(name.trim()).orElseThrow(() -> new InvalidInputException(
                        "kind \"" + RefusedException.clip(name) + "\" is not one of " + Supervision.Kind.wireNames())));
            }
        }
        String zone = query.getFirst("zone");
        if (zone != null && book.zone(zone).isEmpty()) {
            throw new InvalidInputException("zone \"" + RefusedException.clip(zone) + "\" is not a zone of the plan; "
                    + "zones: " + String.join(", ", book.zoneIds()));
        }
        String f = query.getFirst("f");
        if (f != null && !f.equals("json") && !f.equals("csv")) {
            throw new InvalidInputException("f must be json or csv");
        }
        return new Filters(kinds, zone, f);
    }

    private Sheet sheet(Supervision.Sheet sheet) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sheet.counts().forEach((kind, count) -> counts.put(kind.wireName(), count));
        List<Entry> entries = new ArrayList<>();
        for (Supervision.Entry e : sheet.entries()) {
            Allocation a = e.allocation();
            Allocation.Milestones m = a.milestones();
            List<Case> cases = e.cases().stream().map(k -> new Case(k.kind().wireName(), k.kind().nameEn(),
                    k.kind().nameZh(), k.outstanding(), k.dueOn().toString(), text(k.doneOn()), k.daysOverdue(),
                    k.percent() == null ? null : GeoJson.round(k.percent(), 2))).toList();
            entries.add(new Entry(a.id(), a.parcelId(), e.zone(), a.state().wireName(),
                    new AllocationJson.Allottee(a.allotteeName(), a.allotteeType()), GeoJson.round(e.areaM2(), 2),
                    GeoJson.round(e.areaMu(), 4), AllocationJson.contract(a.contract()),
                    new Reached(text(m.handedOverOn()), text(m.startedOn()), text(m.completedOn()),
                            a.review() == null ? null : a.review().on().toString()), e.idle(), cases,
                    List.of(new AllocationJson.Link("/api/allocations/" + a.id(), "allocation"),
                            new AllocationJson.Link("/ogc/collections/parcels/items/" + a.parcelId(), "parcel"))));
        }
        List<Idle> zones = sheet.idle().stream().map(this::idle).toList();
        return new Sheet(sheet.asOf().toString(), counts, idle(sheet.idleTotal()), zones, entries);
    }

    private Idle idle(Supervision.IdleLand land) {
        ZoneRules zone = land.zone() == null ? null : book.zone(land.zone()).orElse(null);
        return new Idle(land.zone(), zone == null ? null : zone.nameEn(), zone == null ? null : zone.nameZh(),
                land.allocations(), GeoJson.round(land.areaM2(), 2), GeoJson.round(land.areaM2() / 10_000, 4),
                GeoJson.round(land.areaM2() / Crs.SQUARE_METRES_PER_MU, 4),
                GeoJson.round(land.pastStartByM2(), 2),
                GeoJson.round(land.pastStartByM2() / Crs.SQUARE_METRES_PER_MU, 4));
    }

    private static String text(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String date(java.time.LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
