package org.qiluvalley.planner.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.FindingsGeoJson;
import org.qiluvalley.planner.rules.ParkAudit;
import org.qiluvalley.planner.rules.StoreSiteContext;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The plan-wide audit: {@code GET /api/audit} (JSON: park total, zone budget table, every finding with its
 * geometry) and {@code GET /api/audit.csv} (the zone budget table as CSV, for a spreadsheet). Areas in m², computed
 * in EPSG:4548.
 */
@RestController
class AuditController {

    private static final JsonFactory JSON = new JsonFactory();
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ParcelStore store;
    private final ParkAudit audit;

    AuditController(ParcelStore store, ZoningRuleBook book) {
        this.store = store;
        this.audit = new ParkAudit(book);
    }

    @GetMapping(value = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> audit() {
        ParkAudit.Report report = audit.run(StoreSiteContext.snapshot(store));
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
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeName("summary");
            out.writeStartObject();
            out.writeNumberProperty("errors", report.errors());
            out.writeNumberProperty("warnings", report.warnings());
            out.writeNumberProperty("parcelsChecked", report.parcelsChecked());
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
    @GetMapping(value = "/api/audit.csv", produces = "text/csv")
    ResponseEntity<byte[]> auditCsv() {
        ParkAudit.Report report = audit.run(StoreSiteContext.snapshot(store));
        StringBuilder csv = new StringBuilder("zone,name_en,name_zh,category,area_m2,parcels,allocated_m2,reserved_m2,"
                + "available_m2,budget_area_m2,budget_use,floor_capacity_m2,committed_floor_area_m2,"
                + "budget_floor_area_m2,floor_budget_use\r\n");
        for (ParkAudit.ZoneLine line : report.zones()) {
            csv.append(String.join(",", line.zone().id(), quote(line.zone().nameEn()), quote(line.zone().nameZh()),
                    line.zone().category(), number(line.zone().planar().getArea()), Long.toString(line.parcels()),
                    number(line.allocatedM2()), number(line.reservedM2()), number(line.availableM2()),
                    number(line.budgetAreaM2()), fraction(line.budgetUse()), number(line.floorCapacityM2()),
                    number(line.committedFloorAreaM2()), number(line.budgetFloorAreaM2()),
                    fraction(line.floorBudgetUse()))).append("\r\n");
        }
        csv.append(String.join(",", "park", quote("Qilu Optics Valley (target 4870000 m²)"), quote("齐鲁光谷"), "",
                number(report.parkAreaM2()), Integer.toString(report.parcelsChecked()), "", "", "", "", "", "", "", "",
                "")).append("\r\n");
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

    /** RFC 4180 quoting: every text field in quotes, quotes doubled. */
    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
