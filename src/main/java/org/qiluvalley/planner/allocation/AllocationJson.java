package org.qiluvalley.planner.allocation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** An allocation as the API shows it to planners, and as its audit events record it. */
final class AllocationJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AllocationJson() {
    }

    static Map<String, Object> view(Allocation a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", a.id());
        body.put("parcelId", a.parcelId());
        body.put("state", a.state().wireName());
        Map<String, Object> allottee = new LinkedHashMap<>();
        allottee.put("name", a.allotteeName());
        allottee.put("type", a.allotteeType());
        body.put("allottee", allottee);
        body.put("intendedUse", a.intendedUse());
        body.put("landUse", a.landUse());
        Map<String, Object> indicators = new LinkedHashMap<>();
        putIfSet(indicators, "far", a.indicators().far());
        putIfSet(indicators, "coverage", a.indicators().coverage());
        putIfSet(indicators, "greenRatio", a.indicators().greenRatio());
        putIfSet(indicators, "heightMetres", a.indicators().heightMetres());
        body.put("indicators", indicators);
        Map<String, Object> pledges = new LinkedHashMap<>();
        putIfSet(pledges, "investmentWanYuanPerMu", a.pledges().investmentWanYuanPerMu());
        putIfSet(pledges, "taxWanYuanPerMu", a.pledges().taxWanYuanPerMu());
        body.put("pledges", pledges);
        body.put("termYears", a.termYears());
        body.put("proposed", step(a.proposedBy(), a.proposedAt()));
        if (a.decidedBy() != null) {
            body.put(a.state() == AllocationState.REJECTED ? "rejected" : "approved", step(a.decidedBy(), a.decidedAt()));
        }
        if (a.releasedBy() != null) {
            body.put("released", step(a.releasedBy(), a.releasedAt()));
        }
        body.put("version", a.version());
        body.put("links", java.util.List.of(Map.of("rel", "self", "href", "/api/allocations/" + a.id()),
                Map.of("rel", "parcel", "href", "/ogc/collections/parcels/items/" + a.parcelId())));
        return body;
    }

    static String json(Allocation a) {
        return JSON.writeValueAsString(view(a));
    }

    private static Map<String, Object> step(String by, Instant at) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("by", by);
        step.put("at", at == null ? null : at.toString());
        return step;
    }

    private static void putIfSet(Map<String, Object> map, String name, Double value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
