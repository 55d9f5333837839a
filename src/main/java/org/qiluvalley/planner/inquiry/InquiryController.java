package org.qiluvalley.planner.inquiry;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

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
class InquiryController {

    private static final Set<String> LIST_PARAMETERS = Set.of("state", "parcel", "limit", "offset");
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final InquiryDesk desk;

    InquiryController(InquiryDesk desk) {
        this.desk = desk;
    }

    @PostMapping(value = "/api/inquiries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> submit(Authentication who, HttpServletRequest request) throws IOException {
        InquiryParser.Submission submission = InquiryParser.submission(boundedBody(request));
        Inquiry inquiry = desk.submit(submission, signedIn(who) ? who.getName() : null, request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/inquiries/" + inquiry.id()))
                .contentType(MediaType.APPLICATION_JSON).body(InquiryJson.bytes(InquiryJson.receipt(inquiry)));
    }

    @PostMapping(value = "/api/inquiries/{id}/close", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> close(@PathVariable String id, Authentication who, HttpServletRequest request)
            throws IOException {
        requirePlanner(who);
        String note = InquiryParser.closingNote(boundedBody(request));
        return json(InquiryJson.view(desk.close(id, note, who.getName())));
    }

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

    @GetMapping(value = "/api/inquiries", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> list(@RequestParam MultiValueMap<String, String> query, Authentication who) {
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
