package org.qiluvalley.planner.allocation;

import java.time.Instant;
import java.util.List;

import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.FindingsGeoJson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * An allocation as the API shows it to planners ({@link View}), and as its audit events record it ({@link #json}).
 * Controllers' answers are written by Spring's mapper, which leaves null members out; {@link #json} and
 * {@link #bytes} by this class's own, which writes them ({@code "landUse": null}).
 */
final class AllocationJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One allocation; of {@code approved} and {@code rejected} only the decision taken is there, and
     * {@code inquiryId} only when it was proposed from an inquiry.
     */
    @JsonPropertyOrder({"id", "parcelId", "state", "allottee", "intendedUse", "landUse", "indicators", "pledges",
        "termYears", "inquiryId", "proposed", "approved", "rejected", "released", "version", "links"})
    record View(String id, String parcelId, String state, Allottee allottee, String intendedUse, String landUse,
            Indicators indicators, Pledges pledges, int termYears,
            @JsonInclude(JsonInclude.Include.NON_NULL) String inquiryId, Step proposed,
            @JsonInclude(JsonInclude.Include.NON_NULL) Step approved,
            @JsonInclude(JsonInclude.Include.NON_NULL) Step rejected,
            @JsonInclude(JsonInclude.Include.NON_NULL) Step released, long version, List<Link> links) {
    }

    @JsonPropertyOrder({"name", "type"})
    record Allottee(String name, String type) {
    }

    /** The proposed indicators; one not proposed is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"far", "coverage", "greenRatio", "heightMetres"})
    record Indicators(Double far, Double coverage, Double greenRatio, Double heightMetres) {
    }

    /** The pledges, 万元/亩; one not made is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"investmentWanYuanPerMu", "taxWanYuanPerMu"})
    record Pledges(Double investmentWanYuanPerMu, Double taxWanYuanPerMu) {
    }

    /** Who took a step of the lifecycle, and when. */
    @JsonPropertyOrder({"by", "at"})
    record Step(String by, String at) {
    }

    @JsonPropertyOrder({"href", "rel"})
    record Link(String href, String rel) {
    }

    /** A proposal's answer: the allocation and, after its members, the warnings it came with (CRS84). */
    @JsonPropertyOrder({"allocation", "findings"})
    record Proposed(@JsonUnwrapped View allocation,
            @JsonSerialize(using = FindingsCrs84.class) List<Finding> findings) {
    }

    /** A page of allocations. */
    @JsonPropertyOrder({"allocations", "limit", "offset"})
    record Page(List<View> allocations, int limit, int offset) {
    }

    private AllocationJson() {
    }

    static View view(Allocation a) {
        Step decided = a.decidedBy() == null ? null : step(a.decidedBy(), a.decidedAt());
        boolean rejected = a.state() == AllocationState.REJECTED;
        return new View(a.id(), a.parcelId(), a.state().wireName(), new Allottee(a.allotteeName(), a.allotteeType()),
                a.intendedUse(), a.landUse(),
                new Indicators(a.indicators().far(), a.indicators().coverage(), a.indicators().greenRatio(),
                        a.indicators().heightMetres()),
                new Pledges(a.pledges().investmentWanYuanPerMu(), a.pledges().taxWanYuanPerMu()), a.termYears(),
                a.inquiryId(), step(a.proposedBy(), a.proposedAt()), rejected ? null : decided,
                rejected ? decided : null,
                a.releasedBy() == null ? null : step(a.releasedBy(), a.releasedAt()), a.version(),
                List.of(new Link("/api/allocations/" + a.id(), "self"),
                        new Link("/ogc/collections/parcels/items/" + a.parcelId(), "parcel")));
    }

    /** The audit record of an allocation. */
    static String json(Allocation a) {
        return JSON.writeValueAsString(view(a));
    }

    /** A proposal's answer, written in one pass. */
    static byte[] bytes(Proposed proposed) {
        return JSON.writeValueAsBytes(proposed);
    }

    private static Step step(String by, Instant at) {
        return new Step(by, at == null ? null : at.toString());
    }

    /** Findings as the GeoJSON FeatureCollection of {@link FindingsGeoJson}, in CRS84, straight into the answer. */
    static final class FindingsCrs84 extends ValueSerializer<List<Finding>> {

        @Override
        public void serialize(List<Finding> findings, JsonGenerator out, SerializationContext context) {
            FindingsGeoJson.write(out, findings, ResponseCrs.CRS84, null);
        }
    }
}
