package org.qiluvalley.planner.allocation;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.web.QueryParameters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The allocation lifecycle for planners: {@code POST /api/allocations} (propose: 201 with {@code Location}, or 422
 * with the findings, or 409 when the parcel is not available), {@code POST /api/allocations/{id}/approve},
 * {@code /reject}, {@code /release} (409 for a transition the state machine does not allow), and reads.
 */
@RestController
@Tag(name = "Allocations", description = "The allocation lifecycle (planners): propose a parcel to an allottee, "
        + "approve, reject or release; after approval the transfer contract, its milestones, the review at full "
        + "production and the recovery of the land. proposed -> approved -> released, proposed -> rejected, "
        + "approved -> contracted -> reviewed, contracted or reviewed -> revoked; a proposal reserves the parcel, an "
        + "approval allocates it, a rejection, release or revocation makes it available again. Each step is one "
        + "transaction under the zone's lock and an event of GET /api/history.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@ApiResponse(responseCode = "401", description = "Not signed in, or wrong credentials (problem details; "
        + "WWW-Authenticate: Basic unless the request sent X-Requested-With).",
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
@ApiResponse(responseCode = "403", description = "Signed in, but not a planner (or, for a request riding on a "
        + "browser session, without the X-XSRF-TOKEN header).",
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
@ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client: no password is "
        + "checked until Retry-After seconds have passed.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait.",
                schema = @Schema(type = "integer")),
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
class AllocationController {

    /** The CSRF header of a state-changing request that rides on a browser session. */
    static final String XSRF_HEADER = "X-XSRF-TOKEN";
    static final String XSRF_DESCRIPTION = "The value of the XSRF-TOKEN cookie. Required when the request is "
            + "authenticated by the browser session (SESSION cookie); not needed with HTTP Basic.";

    /** The path parameter of every step and read of one allocation, in the OpenAPI document. */
    static final String ALLOCATION_ID = "The allocation's id.";
    static final String ALLOCATION_ID_EXAMPLE = "AL-3f2a9c0b1d4e5f607182";

    private static final Set<String> LIST_PARAMETERS = Set.of("state", "parcel", "limit", "offset");

    private final AllocationLifecycle lifecycle;
    private final AllocationStore allocations;
    private final ProposalParser parser;
    /** The service's clock, in the park's time zone: the list says which day it is. */
    private final Clock clock;

    AllocationController(AllocationLifecycle lifecycle, AllocationStore allocations, ZoningRuleBook book,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.allocations = allocations;
        this.parser = new ProposalParser(book);
        this.clock = clock;
    }

    @Operation(operationId = "proposeAllocation", summary = "Propose an allocation of an available parcel",
            description = "Validates the proposal with the whole rule book (the parcel as it stands, the proposed land "
                    + "use and indicators, and for an enterprise the standard-land pledges against the zone's "
                    + "minimums) under the zone's lock. Accepted: 201, the parcel becomes reserved. With an inquiryId "
                    + "the allottee comes from that open inquiry about the same parcel, which is closed in the same "
                    + "transaction with a note naming the allocation. At most 2 MiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AllocationApiSchemas.Proposal.class),
                            examples = @ExampleObject(name = "enterprise", value = """
                                    {"parcelId": "QOV-LI-001",
                                     "allottee": {"name": "Jinan Beam Works", "type": "enterprise"},
                                     "intendedUse": "fibre-laser plant", "indicators": {"far": 1.8, "coverage": 0.5},
                                     "pledges": {"investmentWanYuanPerMu": 350, "taxWanYuanPerMu": 30},
                                     "termYears": 50}"""))),
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "201", description = "Proposed: the allocation, with any warnings.",
            headers = @Header(name = "Location", description = "/api/allocations/{id}",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AllocationApiSchemas.ProposedAllocation.class)))
    @ApiResponse(responseCode = "400", description = "A malformed body: not JSON, an unknown or repeated member, a "
            + "value of the wrong type, a missing member, an unknown parcel or land-use code, a term outside 1 to 50 "
            + "years; an unknown inquiryId, an inquiry about another parcel, an allottee that differs from the "
            + "inquiry's company.", content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The parcel is not available (reserved, allocated or "
            + "withdrawn), or the inquiry named is closed.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is over 2 MiB.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "Refused by the rule book: the findings, nothing stored.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(implementation = AllocationApiSchemas.RuleBookRefusal.class)))
    @ApiResponse(responseCode = "503", description = "The zone's lock was not granted in time; nothing changed, "
            + "send the same request again.", headers = @Header(name = "Retry-After",
                    description = "Seconds to wait.", schema = @Schema(type = "integer")),
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @PostMapping(value = "/api/allocations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> propose(@RequestBody byte[] body, Authentication who) {
        AllocationLifecycle.Proposed proposed = lifecycle.propose(parser.parse(body), who.getName());
        // Warnings (e.g. a sliver left beside the parcel) do not refuse a proposal; they come with it.
        byte[] answer = AllocationJson.bytes(new AllocationJson.Proposed(AllocationJson.view(proposed.allocation()),
                proposed.findings()));
        return ResponseEntity.created(URI.create("/api/allocations/" + proposed.allocation().id()))
                .contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @Operation(operationId = "approveAllocation", summary = "Approve a proposed allocation",
            description = "proposed -> approved: the parcel becomes allocated. Four eyes "
                    + "(valley.allocations.four-eyes, on by default): the planner who proposed it, admin or not, may "
                    + "not approve it; another planner must.",
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")))
    @LifecycleStepResponses
    @ApiResponse(responseCode = "403", description = "Not a planner; or four eyes: the caller proposed this "
            + "allocation, and another planner must approve it (the detail says so). Nothing changed.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @PostMapping(value = "/api/allocations/{id}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View approve(
            @Parameter(description = ALLOCATION_ID, example = ALLOCATION_ID_EXAMPLE) @PathVariable String id,
            Authentication who) {
        return AllocationJson.view(lifecycle.approve(id, who.getName()));
    }

    @Operation(operationId = "rejectAllocation", summary = "Reject a proposed allocation",
            description = "proposed -> rejected: the parcel becomes available again. The proposer may reject "
                    + "their own proposal (four eyes guards approvals only).",
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")))
    @LifecycleStepResponses
    @PostMapping(value = "/api/allocations/{id}/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View reject(
            @Parameter(description = ALLOCATION_ID, example = ALLOCATION_ID_EXAMPLE) @PathVariable String id,
            Authentication who) {
        return AllocationJson.view(lifecycle.reject(id, who.getName()));
    }

    @Operation(operationId = "releaseAllocation", summary = "Release an approved allocation",
            description = "approved -> released: the parcel becomes available again. The proposer may release "
                    + "it too.",
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")))
    @LifecycleStepResponses
    @PostMapping(value = "/api/allocations/{id}/release", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View release(
            @Parameter(description = ALLOCATION_ID, example = ALLOCATION_ID_EXAMPLE) @PathVariable String id,
            Authentication who) {
        return AllocationJson.view(lifecycle.release(id, who.getName()));
    }

    @Operation(operationId = "contractAllocation", summary = "Record the transfer contract of an approved allocation",
            description = "approved -> contracted: the transfer contract (出让合同) with its number, "
                    + "price (万元) and deadlines. Dates are yyyy-MM-dd; signedOn <= handOverBy <= startBy <= "
                    + "completeBy <= reviewOn, and signedOn not after today (the service's clock, in the park's time "
                    + "zone, Asia/Shanghai by default). The parcel stays allocated. At most 64 KiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AllocationApiSchemas.ContractBody.class),
                            examples = @ExampleObject(name = "contractAllocation", value = """
                                    {"contractNumber": "QOV-CR-2026-017", "signedOn": "2026-03-02", "priceWanYuan": 1850,
                                     "handOverBy": "2026-04-01", "startBy": "2026-09-30", "completeBy": "2028-09-30",
                                     "reviewOn": "2029-09-30"}"""))),
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")))
    @LifecycleStepResponses
    @ApiResponse(responseCode = "400",
            description = "Not a contract: not JSON, an unknown, repeated or missing member, a value of the "
            + "wrong type, a date that is not yyyy-MM-dd or not in the calendar, dates out of order, signedOn in the "
            + "future, a price not above zero.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @SmallBodyResponses
    @PostMapping(value = "/api/allocations/{id}/contract", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View contract(
            @Parameter(description = ALLOCATION_ID, example = ALLOCATION_ID_EXAMPLE) @PathVariable String id,
            @RequestBody byte[] body, Authentication who) {
        return AllocationJson.view(lifecycle.contract(id, ContractParser.contract(body), who.getName()));
    }

    @Operation(operationId = "recordAllocationMilestone", summary = "Record a milestone of a contracted allocation",
            description = "On a contracted allocation, in this order and each once: handed-over (the land "
                    + "handed over), started (开工), completed (竣工). A milestone out of order or repeated, or on an "
                    + "allocation without a contract, is a 409. on is yyyy-MM-dd, not after today (the service's "
                    + "clock, park time zone) and not before the contract's signing or the milestone before (400). "
                    + "At most 64 KiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AllocationApiSchemas.MilestoneBody.class),
                            examples = @ExampleObject(name = "recordAllocationMilestone", value = """
                                    {"kind": "handed-over", "on": "2026-03-28"}"""))),
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")))
    @LifecycleStepResponses
    @ApiResponse(responseCode = "400",
            description = "Not a milestone: not JSON, an unknown, repeated or missing member, a kind other "
            + "than handed-over, started or completed, a date that is not yyyy-MM-dd, in the future, or before the "
            + "contract's signing or the milestone before.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @SmallBodyResponses
    @PostMapping(value = "/api/allocations/{id}/milestones", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View milestone(
            @Parameter(description = ALLOCATION_ID, example = ALLOCATION_ID_EXAMPLE) @PathVariable String id,
            @RequestBody byte[] body, Authentication who) {
        return AllocationJson.view(lifecycle.milestone(id, ContractParser.milestone(body), who.getName()));
    }

    @Operation(operationId = "reviewAllocation", summary = "Review a completed allocation at full production",
            description = "contracted (and completed) -> reviewed: the investment to date (万元) and the "
                    + "yearly tax (万元) are divided by the parcel's area in mu (its EPSG:4548 area; 1 mu = 10,000/15 "
                    + "m²) and compared with the pledges (万元/亩): findings pledge.investment and pledge.tax, an "
                    + "error below the pledge, info at or above it, with the percent achieved in the review. Before "
                    + "the completed milestone: 409. At most 64 KiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AllocationApiSchemas.ReviewBody.class),
                            examples = @ExampleObject(name = "reviewAllocation", value = """
                                    {"on": "2029-10-08", "investmentWanYuan": 9500, "taxWanYuanPerYear": 520}"""))),
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")))
    @LifecycleStepResponses
    @ApiResponse(responseCode = "400",
            description = "Not a review: not JSON, an unknown, repeated or missing member, a figure below "
            + "zero or not a number, a date that is not yyyy-MM-dd, in the future or before the completion.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @SmallBodyResponses
    @PostMapping(value = "/api/allocations/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View review(
            @Parameter(description = ALLOCATION_ID, example = ALLOCATION_ID_EXAMPLE) @PathVariable String id,
            @RequestBody byte[] body, Authentication who) {
        return AllocationJson.view(lifecycle.review(id, ContractParser.review(body), who.getName()));
    }

    @Operation(operationId = "revokeAllocation", summary = "Recover the land of a contracted allocation",
            description = "contracted or reviewed -> revoked: the land is recovered (收回) and the parcel "
                    + "becomes available again. An approved allocation without a contract is released instead "
                    + "(POST /api/allocations/{id}/release); revoking it is a 409. At most 64 KiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AllocationApiSchemas.RevokeBody.class),
                            examples = @ExampleObject(name = "revokeAllocation", value = """
                                    {"reason": "not started two years after the deadline (闲置土地)"}"""))),
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")))
    @LifecycleStepResponses
    @ApiResponse(responseCode = "400",
            description = "Not a revocation: not JSON, an unknown, repeated or missing member, a reason "
            + "that is empty, over 2,000 characters or has control characters.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @SmallBodyResponses
    @PostMapping(value = "/api/allocations/{id}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View revoke(
            @Parameter(description = ALLOCATION_ID, example = ALLOCATION_ID_EXAMPLE) @PathVariable String id,
            @RequestBody byte[] body, Authentication who) {
        return AllocationJson.view(lifecycle.revoke(id, ContractParser.revocation(body), who.getName()));
    }

    @Operation(operationId = "getAllocation", summary = "One allocation")
    @ApiResponse(responseCode = "200", description = "The allocation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AllocationApiSchemas.Allocation.class)))
    @ApiResponse(responseCode = "404", description = "No allocation has this id.",
            content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @GetMapping(value = "/api/allocations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View one(
            @Parameter(description = ALLOCATION_ID, example = ALLOCATION_ID_EXAMPLE) @PathVariable String id) {
        return AllocationJson.view(lifecycle.find(id));
    }

    @Operation(operationId = "listAllocations", summary = "List allocations, newest first",
            description = "Each query parameter at most once; any other parameter is a 400. The page also says "
                    + "which day it is by the service's clock (today, a day of the park's calendar), so that a client "
                    + "counts a contract's deadlines as the service does.",
            parameters = {
                @Parameter(name = "state", in = ParameterIn.QUERY, description = "Only allocations in this state.",
                        schema = @Schema(type = "string",
                                allowableValues = {"proposed", "approved", "rejected", "released", "contracted",
                                    "reviewed", "revoked"})),
                @Parameter(name = "parcel", in = ParameterIn.QUERY, description = "Only allocations of this parcel.",
                        example = "QOV-LI-001", schema = @Schema(type = "string")),
                @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Allocations per page.",
                        schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100")),
                @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Allocations to skip.",
                        schema = @Schema(type = "integer", minimum = "0", maximum = "1000000000",
                                defaultValue = "0"))})
    @ApiResponse(responseCode = "200", description = "A page of allocations.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AllocationApiSchemas.AllocationPage.class)))
    @ApiResponse(responseCode = "400", description = "An unknown or repeated parameter, an unknown state, a limit "
            + "or offset out of range.", content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                    schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
    @GetMapping(value = "/api/allocations", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.Page list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        for (String name : query.keySet()) {
            if (!LIST_PARAMETERS.contains(name) || query.get(name).size() > 1) {
                throw new InvalidInputException("unknown or repeated query parameter \"" + RefusedException.clip(name)
                        + "\"; accepted once each: limit, offset, parcel, state");
            }
        }
        AllocationState state = null;
        if (query.getFirst("state") != null) {
            state = AllocationState.fromWireName(query.getFirst("state")).orElseThrow(() -> new InvalidInputException(
                    "state must be proposed, approved, rejected, released, contracted, reviewed or revoked"));
        }
        int limit = QueryParameters.bounded(query.getFirst("limit"), "limit", 100, 1, 1000);
        int offset = QueryParameters.bounded(query.getFirst("offset"), "offset", 0, 0, 1_000_000_000);
        List<AllocationJson.View> items = allocations.list(state, query.getFirst("parcel"), offset, limit).stream()
                .map(AllocationJson::view).toList();
        return new AllocationJson.Page(items, limit, offset, LocalDate.now(clock).toString());
    }
}
