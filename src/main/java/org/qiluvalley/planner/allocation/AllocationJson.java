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
        "termYears", "inquiryId", "proposed", "approved", "rejected", "released", "contract", "milestones", "review",
        "revoked", "version", "links"})
    record View(String id, String parcelId, String state, Allottee allottee, String intendedUse, String landUse,
            Indicators indicators, Pledges pledges, int termYears,
            @JsonInclude(JsonInclude.Include.NON_NULL) String inquiryId, Step proposed,
            @JsonInclude(JsonInclude.Include.NON_NULL) Step approved,
            @JsonInclude(JsonInclude.Include.NON_NULL) Step rejected,
            @JsonInclude(JsonInclude.Include.NON_NULL) Step released,
            @JsonInclude(JsonInclude.Include.NON_NULL) Contract contract,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Milestone> milestones,
            @JsonInclude(JsonInclude.Include.NON_NULL) Review review,
            @JsonInclude(JsonInclude.Include.NON_NULL) Revoked revoked, long version, List<Link> links) {
    }

    /** The transfer contract: number, dates ({@code yyyy-MM-dd}), price in 万元, and who recorded it when. */
    @JsonPropertyOrder({"number", "signedOn", "priceWanYuan", "handOverBy", "startBy", "completeBy", "reviewOn",
        "by", "at"})
    record Contract(String number, String signedOn, double priceWanYuan, String handOverBy, String startBy,
            String completeBy, String reviewOn, String by, String at) {
    }

    /** A milestone reached: handed-over, started or completed, on a date. */
    @JsonPropertyOrder({"kind", "on"})
    record Milestone(String kind, String on) {
    }

    /**
     * The review at full production: the figures reported, the parcel's area in mu, the per-mu values, the percent
     * of each pledge achieved (absent when not pledged), and the findings {@code pledge.investment} and
     * {@code pledge.tax} (the properties of a rule-book finding, without a geometry).
     */
    @JsonPropertyOrder({"on", "investmentWanYuan", "taxWanYuanPerYear", "areaMu", "investmentWanYuanPerMu",
        "taxWanYuanPerMu", "investmentPercent", "taxPercent", "findings", "by", "at"})
    record Review(String on, double investmentWanYuan, double taxWanYuanPerYear, double areaMu,
            double investmentWanYuanPerMu, double taxWanYuanPerMu,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double investmentPercent,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double taxPercent, List<ReviewFinding> findings, String by,
            String at) {
    }

    /** A finding of a review, as the rule book's findings' properties. */
    @JsonPropertyOrder({"rule", "severity", "message", "messageZh", "measured", "limit", "unit", "source", "related"})
    record ReviewFinding(String rule, String severity, String message, String messageZh, Double measured,
            Double limit, String unit, String source, List<String> related) {
    }

    /** The land recovered: by whom, when, why. */
    @JsonPropertyOrder({"by", "at", "reason"})
    record Revoked(String by, String at, String reason) {
    }

    @JsonPropertyOrder({"name", "type"})
    record Allottee(String name, String type) {
    }

    /**
     * The proposed indicators, ratios as fractions; one not proposed is left out. {@code adminShare} and
     * {@code buildingCoefficient} are the industrial-land indicators (rules indicator.admin-share and
     * indicator.building-coefficient).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"far", "coverage", "greenRatio", "heightMetres", "adminShare", "buildingCoefficient"})
    record Indicators(Double far, Double coverage, Double greenRatio, Double heightMetres, Double adminShare,
            Double buildingCoefficient) {
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

    /** A page of allocations, and the service's today (yyyy-MM-dd, the park's calendar) when it was read. */
    @JsonPropertyOrder({"allocations", "limit", "offset", "today"})
    record Page(List<View> allocations, int limit, int offset, String today) {
    }

    private AllocationJson() {
    }

    static View view(Allocation a) {
        Step decided = a.decidedBy() == null ? null : step(a.decidedBy(), a.decidedAt());
        boolean rejected = a.state() == AllocationState.REJECTED;
        return new View(a.id(), a.parcelId(), a.state().wireName(), new Allottee(a.allotteeName(), a.allotteeType()),
                a.intendedUse(), a.landUse(),
                new Indicators(a.indicators().far(), a.indicators().coverage(), a.indicators().greenRatio(),
                        a.indicators().heightMetres(), a.indicators().adminShare(),
                        a.indicators().buildingCoefficient()),
                new Pledges(a.pledges().investmentWanYuanPerMu(), a.pledges().taxWanYuanPerMu()), a.termYears(),
                a.inquiryId(), step(a.proposedBy(), a.proposedAt()), rejected ? null : decided,
                rejected ? decided : null,
                a.releasedBy() == null ? null : step(a.releasedBy(), a.releasedAt()), contract(a.contract()),
                a.contract() == null ? null : milestones(a.milestones()), review(a), revoked(a.revocation()),
                a.version(),
                List.of(new Link("/api/allocations/" + a.id(), "self"),
                        new Link("/ogc/collections/parcels/items/" + a.parcelId(), "parcel")));
    }

    /** The contract as the API shows it, null without one. */
    static Contract contract(Allocation.Contract c) {
        return c == null ? null : new Contract(c.number(), c.signedOn().toString(), c.priceWanYuan(),
                c.handOverBy().toString(), c.startBy().toString(), c.completeBy().toString(), c.reviewOn().toString(),
                c.by(), c.at() == null ? null : c.at().toString());
    }

    private static List<Milestone> milestones(Allocation.Milestones m) {
        List<Milestone> reached = new java.util.ArrayList<>();
        if (m.handedOverOn() != null) {
            reached.add(new Milestone(ContractParser.Kind.HANDED_OVER.wireName(), m.handedOverOn().toString()));
        }
        if (m.startedOn() != null) {
            reached.add(new Milestone(ContractParser.Kind.STARTED.wireName(), m.startedOn().toString()));
        }
        if (m.completedOn() != null) {
            reached.add(new Milestone(ContractParser.Kind.COMPLETED.wireName(), m.completedOn().toString()));
        }
        return reached;
    }

    private static Review review(Allocation a) {
        Allocation.Review r = a.review();
        if (r == null) {
            return null;
        }
        PledgeReview.Result result = PledgeReview.of(a.parcelId(), a.pledges(), r);
        List<ReviewFinding> findings = result.findings().stream().map(f -> new ReviewFinding(f.rule(),
                f.severity().wireName(), f.message(), f.messageZh(), f.measured(), f.limit(), f.unit(), f.source(),
                f.related())).toList();
        return new Review(r.on().toString(), r.investmentWanYuan(), r.taxWanYuanPerYear(), r.areaMu(),
                result.investmentWanYuanPerMu(), result.taxWanYuanPerMu(), result.investmentPercent(),
                result.taxPercent(), findings, r.by(), r.at() == null ? null : r.at().toString());
    }

    private static Revoked revoked(Allocation.Revocation v) {
        return v == null ? null : new Revoked(v.by(), v.at() == null ? null : v.at().toString(), v.reason());
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
