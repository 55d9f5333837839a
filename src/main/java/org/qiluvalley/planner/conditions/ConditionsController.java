package org.qiluvalley.planner.conditions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.qiluvalley.planner.errors.BusyException;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.security.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/parcels/{id}/conditions}: the planning-conditions letter (规划条件) as JSON, print HTML or PDF,
 * chosen by {@code f=json|html|pdf} or else by {@code Accept}. The public reads available sites only (any other id is
 * the same 404 as an unknown one); planners read every parcel, a letter for a parcel that is not available marked as
 * a draft. A PDF is a few hundred milliseconds of CPU: at most {@value #CONCURRENT_PDFS} are made at once, one more is
 * a 503 with {@code Retry-After}.
 */
@RestController
@Tag(name = "Parcels")
class ConditionsController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";

    static final int CONCURRENT_PDFS = 2;
    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final ConditionsBuilder conditions;
    private final Semaphore pdfSlots = new Semaphore(CONCURRENT_PDFS);

    ConditionsController(ConditionsBuilder conditions) {
        this.conditions = conditions;
    }

    @Operation(operationId = "parcelConditions", summary = "The planning-conditions letter (规划条件) of a parcel",
            description = "JSON (boundary points in EPSG:4548, northing then easting, clockwise from the north-west "
                    + "corner, to 0.01 m; areas in m², ha and mu), an A4 print HTML page, or a PDF with its Chinese "
                    + "text embedded and searchable. Public for available sites; planners for every parcel (a "
                    + "parcel that is not available gets a draft). 400 for an unknown f; 404 for an id the caller "
                    + "may not read; 503 when PDFs are being made for others.")
    @ApiResponse(responseCode = "200", description = "The letter.", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                description = "f=json: "
                + "parcelId, draft, status (planners), generatedAt, zone, landUse, areaM2, areaHa, areaMu, indicators, "
                + "roadSetbacks, adjoining, controlLines, distances (to each place of the places collection, "
                + "[{place, nameEn, nameZh, km}], straight line from the parcel's outline in EPSG:4548), leaseTerm, "
                + "pledges, crs, boundaryPoints.")),
        @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string", description = "f=html: the "
                + "A4 print page.")),
        @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary",
                description = "f=pdf: the same, as PDF."))})
    @ApiResponse(responseCode = "400", description = "f is not json, html or pdf.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "401", description = "Wrong credentials (the letter itself needs none).",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No parcel the caller may read of that id: for the public, any "
            + "parcel that is not available is the same 404 as an unknown one.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "503", description = "Two PDFs are being made for others; try again.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping("/api/parcels/{id}/conditions")
    ResponseEntity<byte[]> conditions(
            @Parameter(description = "The parcel.", example = "QOV-LI-014") @PathVariable String id,
            @Parameter(description = "json, html or pdf; when absent the Accept header decides (JSON by default).")
            @RequestParam(value = "f", required = false) String format,
            @Parameter(description = "Used when f is absent: text/html gives the page, application/pdf the PDF, "
                    + "anything else JSON.") @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication who) {
        String chosen = format != null ? format : fromAccept(accept);
        if (!List.of("json", "html", "pdf").contains(chosen)) {
            throw new InvalidInputException("f must be json, html or pdf, not \"" + RefusedException.clip(chosen)
                    + "\"");
        }
        PlanningConditions letter = conditions.build(id, Role.isPlanner(who));
        CacheControl cache = CacheControl.noCache().cachePrivate();
        return switch (chosen) {
            case "html" -> ResponseEntity.ok().contentType(HTML).cacheControl(cache).body(ConditionsHtml.render(letter,
                    new ConditionsHtml.Options(true, "?f=pdf", "/favicon.svg")).getBytes(StandardCharsets.UTF_8));
            case "pdf" -> ResponseEntity.ok().contentType(PDF).cacheControl(cache)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename("planning-conditions-" + letter.parcelId() + ".pdf").build().toString())
                    .body(pdf(letter));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(cache)
                    .body(ConditionsJson.write(letter));
        };
    }

    private byte[] pdf(PlanningConditions letter) {
        if (!pdfSlots.tryAcquire()) {
            throw new BusyException("other planning-conditions PDFs are being made; try again in a moment", 5);
        }
        try {
            return ConditionsPdf.render(letter);
        } finally {
            pdfSlots.release();
        }
    }

    /** The first of the client's types (in its order) that names one: html for a browser, pdf, else json. */
    private static String fromAccept(String accept) {
        if (accept == null) {
            return "json";
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return "json";
        }
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return "json";
            }
            if (type.includes(HTML) && !type.isWildcardType()) {
                return "html";
            }
            if (type.equals(PDF)) {
                return "pdf";
            }
        }
        return "json";
    }
}
