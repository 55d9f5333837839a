package org.qiluvalley.planner.allocation;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.AllocationValidator;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.FindingsGeoJson;
import org.qiluvalley.planner.rules.StoreSiteContext;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code POST /api/allocations/validate}: the dry run. Says whether an allocation is valid and, if not, which rule
 * fails, by how much, where and on what authority. Read-only: nothing is stored. Open to the public (the investor
 * map's site check); for them a parcel that is not available gets only the finding that it is not available.
 */
@RestController
class AllocationValidationController {

    private static final JsonFactory JSON = new JsonFactory();

    private final ParcelStore store;
    private final AllocationValidator validator;
    private final ValidationRequestParser parser;

    AllocationValidationController(ParcelStore store, ZoningRuleBook book) {
        this.store = store;
        this.validator = new AllocationValidator(book);
        this.parser = new ValidationRequestParser(store, book);
    }

    @Tag(name = "Validation", description = "Dry runs of the rule book: whether an allocation or a parcel edit "
            + "would be valid and, if not, which rule fails, by how much, where and on what authority. Nothing is "
            + "stored.")
    @Operation(operationId = "validateAllocation", summary = "Check an allocation against the rule book (the site "
            + "check)", description = "Open to anyone (the investor map's \"check a site\"); signed-in callers may "
            + "send HTTP Basic or their session. For the public, a parcel that is not available gets one finding, "
            + "\"not available\", and is not measured against its planning conditions; planners get every finding. "
            + "Anything well-formed is checked, however absurd as a plan: that is what findings are for. At most "
            + "2 MiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AllocationApiSchemas.SiteCheck.class),
                            examples = {@ExampleObject(name = "a parcel", value = """
                                    {"parcelId": "QOV-LI-001", "landUse": "100101",
                                     "indicators": {"far": 0.6, "coverage": 0.5, "greenRatio": 0.15,
                                                    "heightMetres": 30},
                                     "allotteeType": "enterprise"}"""),
                                @ExampleObject(name = "a drawn site", value = """
                                    {"geometry": {"type": "Polygon", "coordinates": [[[117.2050, 36.7450],
                                      [117.2070, 36.7450], [117.2070, 36.7465], [117.2050, 36.7465],
                                      [117.2050, 36.7450]]]},
                                     "zone": "laser-industry", "landUse": "100101"}""")})),
            parameters = @Parameter(name = AllocationController.XSRF_HEADER, in = ParameterIn.HEADER,
                    description = AllocationController.XSRF_DESCRIPTION, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The report: valid, and the findings (geometries in the "
            + "request's CRS).", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AllocationApiSchemas.ValidationReport.class)))
    @ApiResponse(responseCode = "400", description = "Malformed input: not JSON, an unknown or repeated member, a "
            + "value of the wrong type, bad GeoJSON, an unknown parcel, zone or code, NaN, absurd sizes. Never a "
            + "finding.", content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(implementation = AllocationApiSchemas.Problem.class)))
    @ApiResponse(responseCode = "401", description = "Wrong credentials were sent (a request without credentials is "
            + "never refused here).", content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "The request rides on a browser session and lacks the "
            + "X-XSRF-TOKEN header.", content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is over 2 MiB.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client, which sent "
            + "credentials.", headers = @Header(name = "Retry-After", description = "Seconds to wait.",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @PostMapping(value = "/api/allocations/validate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> validate(@RequestBody byte[] body, Authentication who) {
        boolean planner = Role.isPlanner(who);
        ValidationRequestParser.Parsed request = parser.parse(body, planner);
        List<Finding> findings;
        if (!planner && request.parcel() != null && request.parcel().status() != ParcelStatus.AVAILABLE) {
            // A reserved or allocated parcel: the public learns that it is not available and nothing more. The
            // other rules would measure it against its own planning conditions (and say which status it has),
            // which are planners' data.
            findings = List.of(AllocationValidator.notAvailable(request.parcel()));
        } else {
            findings = validator.validate(request.candidate(), new StoreSiteContext(store));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + findings.size() * 1024);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeBooleanProperty("valid", AllocationValidator.isValid(findings));
            out.writeName("findings");
            FindingsGeoJson.write(out, findings, request.crs(), null);
            out.writeEndObject();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes.toByteArray());
    }
}
