package org.qiluvalley.planner.inquiry;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import org.qiluvalley.planner.apidocs.SignedInOperation;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotAllowedException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.NotSignedInException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.security.Role;
import org.qiluvalley.planner.web.QueryParameters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
import jakarta.servlet.http.HttpServletRequest;

/**
 * Investors' inquiries over HTTP.
 * <ul>
 * <li>{@code POST /api/inquiries} (anyone): 201 with {@code Location} and a receipt, 400 for a malformed body, 409
 * when the parcel is not an available site, 429 with {@code Retry-After} over the per-client rate limit.</li>
 * <li>{@code GET /api/inquiries?state=&parcel=&limit=&offset=} (signed in): newest first; planners see all, an
 * investor only their own. {@code GET /api/inquiries/{id}} likewise (another's inquiry is a 404 to an
 * investor).</li>
 * <li>{@code POST /api/inquiries/{id}/close} (planners), optional body {@code {"note": "..."}}: 409 when closed
 * already.</li>
 * </ul>
 * The routes' roles are in the security configuration; the checks here decide what a signed-in user sees.
 */
@RestController
@Tag(name = "Inquiries", description = "Investors' inquiries about available sites (意向咨询): anyone sends one; "
        + "signed-in users read them (planners all, an investor their own); planners close them. Sending and "
        + "closing are events of GET /api/history. The contact details are planner-only data: no public answer "
        + "carries them.")
class InquiryController {

    private static final String XSRF_HEADER = "X-XSRF-TOKEN";
    private static final String XSRF_DESCRIPTION = "The value of the XSRF-TOKEN cookie. Required when the request "
            + "is authenticated by the browser session (SESSION cookie); not needed with HTTP Basic or anonymously.";

    private static final Set<String> LIST_PARAMETERS = Set.of("state", "parcel", "limit", "offset");
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final InquiryDesk desk;

    InquiryController(InquiryDesk desk) {
        this.desk = desk;
    }

    @Operation(operationId = "sendInquiry", summary = "Send an inquiry about an available site",
            description = "Open to anyone (signed-in investors may send HTTP Basic or their session, and then read "
                    + "it back). Rate-limited per client address, account and contact: at most "
                    + "valley.inquiries.max-per-client (5) accepted in any valley.inquiries.window (1 hour). At most "
                    + "64 KiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = InquiryApiSchemas.InquiryRequest.class),
                            examples = @ExampleObject(name = "an inquiry", value = """
                                    {"parcelId": "QOV-LI-001", "company": "Jinan Beam Works",
                                     "contact": "li.wei@example.cn",
                                     "message": "About 2 ha for a fibre-laser plant."}"""))),
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "201", description = "Received: a receipt.",
            headers = @Header(name = "Location", description = "/api/inquiries/{id}",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = InquiryApiSchemas.InquiryReceipt.class)))
    @ApiResponse(responseCode = "400", description = "A malformed body: not JSON, an unknown or repeated member, a "
            + "missing or too long text, control characters.",
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "Wrong credentials were sent (a request without credentials is "
            + "never refused here).", content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "The request rides on a browser session and lacks the "
            + "X-XSRF-TOKEN header.", content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Not available: the parcel is not an available site (the same "
            + "answer whether it is reserved, allocated, withdrawn or unknown).",
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is over 64 KiB.",
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Over the rate limit (or too many failed sign-ins from this "
            + "client).", headers = @Header(name = "Retry-After", description = "Seconds until an inquiry is "
                    + "accepted again.", schema = @Schema(type = "integer")),
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @PostMapping(value = "/api/inquiries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> submit(Authentication who, HttpServletRequest request) throws IOException {
        InquiryParser.Submission submission = InquiryParser.submission(boundedBody(request));
        Inquiry inquiry = desk.submit(submission, signedIn(who) ? who.getName() : null, request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/inquiries/" + inquiry.id()))
                .contentType(MediaType.APPLICATION_JSON).body(InquiryJson.bytes(InquiryJson.receipt(inquiry)));
    }

    @Operation(operationId = "closeInquiry", summary = "Close an inquiry (planners)",
            description = "With an optional note for the record. At most 64 KiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = InquiryApiSchemas.ClosingNote.class))),
            parameters = {@Parameter(name = "id", in = ParameterIn.PATH, description = "The inquiry's id.",
                    example = "IQ-5d41402abc4b2a76b971"),
                @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                        schema = @Schema(type = "string"))})
    @SignedInOperation
    @ApiResponse(responseCode = "200", description = "The closed inquiry.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = InquiryApiSchemas.Inquiry.class)))
    @ApiResponse(responseCode = "400", description = "A malformed body: not JSON, an unknown or repeated member, a "
            + "note too long or with control characters.",
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Signed in, but not a planner (or, for a request riding on a "
            + "browser session, without the X-XSRF-TOKEN header).",
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No inquiry has this id.",
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The inquiry is closed already.",
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is over 64 KiB.",
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @PostMapping(value = "/api/inquiries/{id}/close", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> close(@PathVariable String id, Authentication who, HttpServletRequest request)
            throws IOException {
        requirePlanner(who);
        String note = InquiryParser.closingNote(boundedBody(request));
        return json(InquiryJson.view(desk.close(id, note, who.getName())));
    }

    @Operation(operationId = "getInquiry", summary = "One inquiry (signed in)",
            description = "Planners read any; an investor only their own (another's is a 404, as an unknown id).",
            parameters = @Parameter(name = "id", in = ParameterIn.PATH, description = "The inquiry's id.",
                    example = "IQ-5d41402abc4b2a76b971"))
    @SignedInOperation
    @ApiResponse(responseCode = "200", description = "The inquiry.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = InquiryApiSchemas.Inquiry.class)))
    @ApiResponse(responseCode = "404", description = "No inquiry has this id (or it is another investor's).",
            content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @GetMapping(value = "/api/inquiries/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> one(@PathVariable String id, Authentication who) {
        requireSignedIn(who);
        Inquiry inquiry = desk.find(id);
        if (!Role.isPlanner(who) && !who.getName().equals(inquiry.submittedBy())) {
            // The same answer as for an unknown id: an investor learns nothing about others' inquiries.
            throw new NotFoundException("no inquiry \"" + RefusedException.clip(id) + "\"");
        }
        return json(InquiryJson.view(inquiry));
    }

    @Operation(operationId = "listInquiries", summary = "List inquiries, newest first (signed in)",
            description = "Planners see all; an investor only their own. Each query parameter at most once; any "
                    + "other parameter is a 400.",
            parameters = {
                @Parameter(name = "state", in = ParameterIn.QUERY, description = "Only inquiries in this state.",
                        schema = @Schema(type = "string", allowableValues = {"open", "closed"})),
                @Parameter(name = "parcel", in = ParameterIn.QUERY, description = "Only inquiries about this parcel "
                        + "(1 to 64 characters).", example = "QOV-LI-001", schema = @Schema(type = "string")),
                @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Inquiries per page.",
                        schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100")),
                @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Inquiries to skip.",
                        schema = @Schema(type = "integer", minimum = "0", maximum = "1000000000",
                                defaultValue = "0"))})
    @SignedInOperation
    @ApiResponse(responseCode = "200", description = "A page of inquiries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = InquiryApiSchemas.InquiryPage.class)))
    @ApiResponse(responseCode = "400", description = "An unknown or repeated parameter, an unknown state, a limit "
            + "or offset out of range.", content = @Content(mediaType = InquiryApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = InquiryApiSchemas.PROBLEM)))
    @GetMapping(value = "/api/inquiries", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
            Authentication who) {
        requireSignedIn(who);
        for (String name : query.keySet()) {
            if (!LIST_PARAMETERS.contains(name) || query.get(name).size() > 1) {
                throw new InvalidInputException("unknown or repeated query parameter \"" + RefusedException.clip(name)
                        + "\"; accepted once each: limit, offset, parcel, state");
            }
        }
        InquiryState state = null;
        if (query.getFirst("state") != null) {
            state = InquiryState.fromWireName(query.getFirst("state"))
                    .orElseThrow(() -> new InvalidInputException("state must be open or closed"));
        }
        String parcel = query.getFirst("parcel");
        if (parcel != null && (parcel.isBlank() || parcel.length() > InquiryParser.MAX_PARCEL_ID)) {
            throw new InvalidInputException("parcel must be a parcel id of 1 to " + InquiryParser.MAX_PARCEL_ID
                    + " characters");
        }
        int limit = QueryParameters.bounded(query.getFirst("limit"), "limit", 100, 1, 1000);
        int offset = QueryParameters.bounded(query.getFirst("offset"), "offset", 0, 0, 1_000_000_000);
        String submittedBy = Role.isPlanner(who) ? null : who.getName();
        List<InquiryJson.View> items = desk.list(state, parcel, submittedBy, offset, limit).stream()
                .map(InquiryJson::view).toList();
        return json(new InquiryJson.Page(items, limit, offset));
    }

    /**
     * The body (possibly empty). The request-body gate stops the read one byte past this endpoint's limit
     * ({@code RequestBodyLimits.INQUIRY_BYTES}) with a 413: a client sending megabytes costs no more than the limit.
     */
    private static byte[] boundedBody(HttpServletRequest request) throws IOException {
        return request.getInputStream().readAllBytes();
    }

    private static boolean signedIn(Authentication who) {
        return who != null && who.isAuthenticated() && !TRUST.isAnonymous(who);
    }

    /** The security configuration already demands this; checked again so a matcher change cannot leak data. */
    private static void requireSignedIn(Authentication who) {
        if (!signedIn(who)) {
            throw new NotSignedInException("sign in to see inquiries");
        }
    }

    private static void requirePlanner(Authentication who) {
        requireSignedIn(who);
        if (!Role.isPlanner(who)) {
            throw new NotAllowedException("Your role may not do this.");
        }
    }

    private static ResponseEntity<byte[]> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(InquiryJson.bytes(body));
    }
}
