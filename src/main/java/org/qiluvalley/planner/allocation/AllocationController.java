package org.qiluvalley.planner.allocation;

import java.net.URI;
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

/**
 * The allocation lifecycle for planners: {@code POST /api/allocations} (propose: 201 with {@code Location}, or 422
 * with the findings, or 409 when the parcel is not available), {@code POST /api/allocations/{id}/approve},
 * {@code /reject}, {@code /release} (409 for a transition the state machine does not allow), and reads.
 */
@RestController
class AllocationController {

    private static final Set<String> LIST_PARAMETERS = Set.of("state", "parcel", "limit", "offset");

    private final AllocationLifecycle lifecycle;
    private final AllocationStore allocations;
    private final ProposalParser parser;

    AllocationController(AllocationLifecycle lifecycle, AllocationStore allocations, ZoningRuleBook book) {
        this.lifecycle = lifecycle;
        this.allocations = allocations;
        this.parser = new ProposalParser(book);
    }

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

    @PostMapping(value = "/api/allocations/{id}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View approve(@PathVariable String id, Authentication who) {
        return AllocationJson.view(lifecycle.approve(id, who.getName()));
    }

    @PostMapping(value = "/api/allocations/{id}/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View reject(@PathVariable String id, Authentication who) {
        return AllocationJson.view(lifecycle.reject(id, who.getName()));
    }

    @PostMapping(value = "/api/allocations/{id}/release", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View release(@PathVariable String id, Authentication who) {
        return AllocationJson.view(lifecycle.release(id, who.getName()));
    }

    @GetMapping(value = "/api/allocations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.View one(@PathVariable String id) {
        return AllocationJson.view(lifecycle.find(id));
    }

    @GetMapping(value = "/api/allocations", produces = MediaType.APPLICATION_JSON_VALUE)
    AllocationJson.Page list(@RequestParam MultiValueMap<String, String> query) {
        for (String name : query.keySet()) {
            if (!LIST_PARAMETERS.contains(name) || query.get(name).size() > 1) {
                throw new InvalidInputException("unknown or repeated query parameter \"" + RefusedException.clip(name)
                        + "\"; accepted once each: limit, offset, parcel, state");
            }
        }
        AllocationState state = null;
        if (query.getFirst("state") != null) {
            state = AllocationState.fromWireName(query.getFirst("state")).orElseThrow(() -> new InvalidInputException(
                    "state must be proposed, approved, rejected or released"));
        }
        int limit = QueryParameters.bounded(query.getFirst("limit"), "limit", 100, 1, 1000);
        int offset = QueryParameters.bounded(query.getFirst("offset"), "offset", 0, 0, 1_000_000_000);
        List<AllocationJson.View> items = allocations.list(state, query.getFirst("parcel"), offset, limit).stream()
                .map(AllocationJson::view).toList();
        return new AllocationJson.Page(items, limit, offset);
    }
}
