package org.qiluvalley.planner.allocation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The shapes of the allocation endpoints' bodies as the OpenAPI document of {@code /api} shows them
 * ({@code /api/openapi}), and the shapes every {@code /api} endpoint shares: the problem details of an error, the
 * rule book's findings and a GeoJSON geometry. Documentation only: nothing is bound to or written from these
 * records. The bodies are read by {@link ProposalParser} and {@link ValidationRequestParser} and written by
 * {@link AllocationJson} and {@code rules/FindingsGeoJson}; {@code OpenApiDocumentIT} checks that the members named
 * here are exactly the members those accept, and that real answers carry no member the document does not name.
 * The other controllers refer to the shared shapes by their names ({@code #/components/schemas/Problem}, ...).
 */
final class AllocationApiSchemas {

    /** The media type of every error answer. */
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "#/components/schemas/Problem";
    static final String RULE_BOOK_REFUSAL = "#/components/schemas/RuleBookRefusal";
    static final String GEOJSON_GEOMETRY = "#/components/schemas/GeoJsonGeometry";
    static final String VALIDATION_REPORT = "#/components/schemas/ValidationReport";
    static final String LINK = "#/components/schemas/Link";

    private AllocationApiSchemas() {
    }

    // ---- Shared by every /api endpoint --------------------------------------------------------------------------

    @Schema(description = "An RFC 9457 problem document (application/problem+json): every error answer of the "
            + "service has this shape, whoever answered (the controllers, the security chain, the request-body gate). "
            + "The detail says what to fix; it never carries a stack trace.")
    record Problem(
            @Schema(description = "Absent, which RFC 9457 reads as about:blank: the status says it all.",
                    example = "about:blank") String type,
            @Schema(description = "A short summary of the kind of problem.", requiredMode = RequiredMode.REQUIRED,
                    example = "Invalid request") String title,
            @Schema(description = "The HTTP status code.", requiredMode = RequiredMode.REQUIRED, example = "400")
            int status,
            @Schema(description = "What is wrong with this request, and what to change.",
                    requiredMode = RequiredMode.REQUIRED,
                    example = "unknown or repeated query parameter \"foo\"; accepted once each: limit, offset, "
                            + "parcel, state") String detail,
            @Schema(description = "The path of the request.", example = "/api/allocations") String instance) {
    }

    @Schema(description = "A change the rule book refuses (422): the problem details and, as for a validation, "
            + "valid (always false) and every finding, errors and warnings, with its geometry in CRS84. Nothing was "
            + "stored.")
    record RuleBookRefusal(
            @Schema(example = "about:blank") String type,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Refused by the rule book") String title,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "422") int status,
            @Schema(requiredMode = RequiredMode.REQUIRED,
                    example = "1 rule of the rule book refuse this change; nothing was stored. See findings.")
            String detail,
            @Schema(example = "/api/allocations") String instance,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "false") boolean valid,
            @Schema(requiredMode = RequiredMode.REQUIRED) FindingCollection findings) {
    }

    @Schema(description = "A GeoJSON geometry (RFC 7946). In CRS84 (longitude, latitude in degrees) unless the "
            + "request named EPSG:4548 (easting, northing in metres).")
    record GeoJsonGeometry(
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"Point", "LineString", "Polygon",
                "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"}, example = "Polygon")
            String type,
            @ArraySchema(arraySchema = @Schema(description = "Positions nested as the type requires (a Polygon: a "
                    + "list of rings, each a closed list of [x, y] positions, the outer ring first)."),
                    schema = @Schema(description = "A position, or a list of positions or of lists of them."))
            List<Object> coordinates,
            @ArraySchema(arraySchema = @Schema(description = "The members of a GeometryCollection."))
            List<GeoJsonGeometry> geometries) {
    }

    @Schema(description = "A check by the rule book: whether the allocation or parcel would be valid, and why not.")
    record ValidationReport(
            @Schema(description = "True when no finding is an error (warnings do not make it invalid).",
                    requiredMode = RequiredMode.REQUIRED) boolean valid,
            @Schema(requiredMode = RequiredMode.REQUIRED) FindingCollection findings) {
    }

    @Schema(description = "The rule book's findings as a GeoJSON FeatureCollection, in the rule book's report "
            + "order.")
    record FindingCollection(
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "FeatureCollection") String type,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<Finding> features) {
    }

    @Schema(description = "One finding: a rule that fails (error) or warns, by how much, where and on what "
            + "authority.")
    record Finding(
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "Feature") String type,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "finding-1") String id,
            @Schema(description = "The offending part: the overlap polygon, the part outside the zone, the line to "
                    + "the nearest road; null when the finding has no place (an indicator, say). In the request's "
                    + "CRS (CRS84 for the audit and for a refusal).") GeoJsonGeometry geometry,
            @Schema(requiredMode = RequiredMode.REQUIRED) FindingProperties properties) {
    }

    @Schema(description = "What a finding says.")
    record FindingProperties(
            @Schema(description = "The rule, in report order: geometry.valid, valley.contains, zone.contains, "
                    + "parcel.overlap, constraint.redline, constraint.udb, constraint.corridor, road.access, "
                    + "landuse.permitted, parcel.area, indicator.far, indicator.coverage, indicator.green, "
                    + "indicator.height, indicator.admin-share, indicator.building-coefficient, zone.capacity, "
                    + "pledge.minimum, allocation.term, parcel.status, sliver.gap.",
                    requiredMode = RequiredMode.REQUIRED, example = "constraint.redline") String rule,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"error", "warning"}) String severity,
            @Schema(description = "In English.", requiredMode = RequiredMode.REQUIRED) String message,
            @Schema(description = "In Chinese.", requiredMode = RequiredMode.REQUIRED) String messageZh,
            @Schema(description = "The measured value (for overlap and control-line rules the offending area in m², "
                    + "computed in EPSG:4548), or null.", types = {"number", "null"}) Double measured,
            @Schema(description = "The limit it is measured against, or null.", types = {"number", "null"})
            Double limit,
            @Schema(description = "The unit of measured and limit.", example = "m²", types = {"string", "null"})
            String unit,
            @Schema(description = "The authority of the limit, from the rule book.", types = {"string", "null"})
            String source,
            @ArraySchema(arraySchema = @Schema(description = "Ids of the other features involved (the parcel "
                    + "overlapped, the control line crossed).", requiredMode = RequiredMode.REQUIRED))
            List<String> related,
            @Schema(description = "The audit only: the id of the parcel the finding was found on.") String subject) {
    }

    @Schema(description = "A link to a related resource.")
    record Link(@Schema(requiredMode = RequiredMode.REQUIRED, example = "/api/allocations/AL-3f2a9c0b1d4e5f607182")
            String href,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "self") String rel) {
    }

    // ---- The site check: POST /api/allocations/validate ---------------------------------------------------------

    @Schema(description = "An allocation to check (nothing is stored): an existing parcel, a drawn site, or a "
            + "parcel with a changed outline. Unknown members, members named twice and values of the wrong JSON type "
            + "are a 400.")
    record SiteCheck(
            @Schema(description = "An existing parcel. Required unless geometry is given.", example = "QOV-LI-001")
            String parcelId,
            @Schema(description = "The site as a GeoJSON Polygon, in the CRS named by crs (CRS84 by default). "
                    + "Required unless parcelId is given; with both, this outline replaces the parcel's.")
            GeoJsonGeometry geometry,
            @Schema(description = "The CRS of geometry and of the findings' geometries in the answer: CRS84 "
                    + "(http://www.opengis.net/def/crs/OGC/1.3/CRS84, the default; also CRS84, OGC:CRS84) or "
                    + "EPSG:4548 (http://www.opengis.net/def/crs/EPSG/0/4548, metres; also EPSG:4548).",
                    example = "http://www.opengis.net/def/crs/EPSG/0/4548") String crs,
            @Schema(description = "A zone of the park; defaults to the parcel's, required for a drawn site.",
                    example = "laser-industry") String zone,
            @Schema(description = "A land-use code of the rule book (GET /api/land-use-codes); defaults to the "
                    + "parcel's, required for a drawn site.", example = "100101") String landUse,
            Indicators indicators,
            @Schema(description = "Who would hold the land; an enterprise is held to the standard-land pledges.",
                    allowableValues = {"enterprise", "facility"}) String allotteeType,
            @Schema(description = "The term of the grant to check, 1 to 70 years; held to the maximum for the land "
                    + "use's category (rule allocation.term: commerce, tourism and entertainment 40, industry 50, "
                    + "residential 70). Absent: not checked.", minimum = "1", maximum = "70", example = "40")
            Integer termYears) {
    }

    @Schema(description = "Proposed planning indicators; an absent one is not checked. Ratios are fractions. "
            + "adminShare and buildingCoefficient are checked on industrial land (codes 10...) when proposed. An "
            + "allocation keeps the indicators it was proposed with and shows them here; one not proposed is absent.")
    record Indicators(
            @Schema(description = "Floor area ratio, 0 to 100.", example = "1.8") Double far,
            @Schema(description = "Building coverage, a fraction 0 to 1.", example = "0.5") Double coverage,
            @Schema(description = "Green ratio, a fraction 0 to 1.", example = "0.15") Double greenRatio,
            @Schema(description = "Building height, metres, 0 to 1000.", example = "30") Double heightMetres,
            @Schema(description = "Share of the parcel for administrative offices and living-service facilities, a "
                    + "fraction 0 to 1 (rule indicator.admin-share: at most 0.07 on industrial land).",
                    example = "0.05") Double adminShare,
            @Schema(description = "Building coefficient (建筑系数: buildings, structures and open storage yards over "
                    + "the parcel; not building coverage), a fraction 0 to 1 (rule indicator.building-coefficient: at "
                    + "least 0.30 on industrial land).", example = "0.45") Double buildingCoefficient) {
    }

    // ---- The lifecycle: POST /api/allocations and the reads ----------------------------------------------------

    @Schema(description = "A proposal: the parcel, who would hold it, for what, and their pledges. Validated with "
            + "the whole rule book; unknown members, members named twice and values of the wrong JSON type are a 400.")
    record Proposal(
            @Schema(description = "An available parcel.", requiredMode = RequiredMode.REQUIRED,
                    example = "QOV-LI-001") String parcelId,
            @Schema(description = "Required unless inquiryId is given; then, when given, it must be the inquiry's "
                    + "company as an enterprise.") Allottee allottee,
            @Schema(description = "1 to 200 characters.", requiredMode = RequiredMode.REQUIRED,
                    example = "fibre-laser plant") String intendedUse,
            @Schema(description = "A land-use code of the rule book; defaults to the parcel's.", example = "100101")
            String landUse,
            Indicators indicators,
            Pledges pledges,
            @Schema(description = "The term of the grant, 1 to 70 years; held to the maximum for the land use's "
                    + "category (rule allocation.term, a 422: commerce, tourism and entertainment 40, industry 50, "
                    + "residential 70).", requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "70",
                    example = "50") Integer termYears,
            @Schema(description = "An open inquiry about this parcel to propose it from: the allottee is taken from it "
                    + "(its company, an enterprise), and it is closed with the note \"proposed as allocation AL-...\" "
                    + "in the same transaction. An unknown inquiry or one about another parcel is a 400, a closed one "
                    + "a 409.", example = "IQ-5e0c1d2b3a4f59687a1b") String inquiryId) {
    }

    @Schema(description = "Who would hold the land.")
    record Allottee(
            @Schema(description = "1 to 200 characters.", requiredMode = RequiredMode.REQUIRED,
                    example = "Jinan Beam Works") String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"enterprise", "facility"}) String type) {
    }

    @Schema(description = "The \"standard land\" pledges of an enterprise, 万元/亩 (10,000 yuan per mu), 0 to "
            + "1,000,000; checked against the zone's minimums (rule pledge.minimum). One not made is absent.")
    record Pledges(@Schema(example = "350") Double investmentWanYuanPerMu,
            @Schema(example = "30") Double taxWanYuanPerMu) {
    }

    @Schema(description = "An allocation of a parcel, as planners see it.")
    record Allocation(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "AL-3f2a9c0b1d4e5f607182") String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "QOV-LI-001") String parcelId,
            @Schema(description = "proposed -> approved -> released, or proposed -> rejected; approved -> contracted "
                    + "-> reviewed; contracted or reviewed -> revoked.", requiredMode = RequiredMode.REQUIRED,
                    allowableValues = {"proposed", "approved", "rejected", "released", "contracted", "reviewed",
                        "revoked"}) String state,
            @Schema(requiredMode = RequiredMode.REQUIRED) Allottee allottee,
            @Schema(requiredMode = RequiredMode.REQUIRED) String intendedUse,
            @Schema(description = "The proposed land-use code, or the parcel's.") String landUse,
            @Schema(requiredMode = RequiredMode.REQUIRED) Indicators indicators,
            @Schema(requiredMode = RequiredMode.REQUIRED) Pledges pledges,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "70") int termYears,
            @Schema(description = "The investor's inquiry this was proposed from (closed by the proposal); absent "
                    + "when it was proposed without one.", example = "IQ-5e0c1d2b3a4f59687a1b") String inquiryId,
            @Schema(requiredMode = RequiredMode.REQUIRED) Step proposed,
            @Schema(description = "Once approved.") Step approved,
            @Schema(description = "Once rejected.") Step rejected,
            @Schema(description = "Once released.") Step released,
            @Schema(description = "Once contracted: the transfer contract.") AllocationContract contract,
            @ArraySchema(arraySchema = @Schema(description = "Once contracted: the milestones reached, in order "
                    + "(empty until the land is handed over)."))
            List<Milestone> milestones,
            @Schema(description = "Once reviewed: the review at full production.") AllocationReview review,
            @Schema(description = "Once revoked: the land recovered.") Revocation revoked,
            @Schema(description = "Rises by one with each step.", requiredMode = RequiredMode.REQUIRED) long version,
            @Schema(description = "self (this allocation) and parcel (its parcel in the OGC API).",
                    requiredMode = RequiredMode.REQUIRED) List<Link> links) {
    }

    @Schema(description = "The transfer contract (出让合同) as recorded: dates are yyyy-MM-dd.")
    record AllocationContract(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "QOV-CR-2026-017") String number,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date") String signedOn,
            @Schema(description = "万元.", requiredMode = RequiredMode.REQUIRED, example = "1850") double priceWanYuan,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date") String handOverBy,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date") String startBy,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date") String completeBy,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date") String reviewOn,
            @Schema(description = "Who recorded it.", requiredMode = RequiredMode.REQUIRED) String by,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String at) {
    }

    @Schema(description = "A milestone reached.")
    record Milestone(
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"handed-over", "started", "completed"})
            String kind,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date") String on) {
    }

    @Schema(description = "The review at full production (达产): the figures reported, the parcel's area in mu "
            + "(EPSG:4548; 1 mu = 10,000/15 m²), the figures per mu, the percent of each pledge achieved (absent when "
            + "not pledged) and the findings pledge.investment and pledge.tax (error below the pledge, info at or "
            + "above it).")
    record AllocationReview(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date") String on,
            @Schema(description = "万元.", requiredMode = RequiredMode.REQUIRED) double investmentWanYuan,
            @Schema(description = "万元 a year.", requiredMode = RequiredMode.REQUIRED) double taxWanYuanPerYear,
            @Schema(requiredMode = RequiredMode.REQUIRED) double areaMu,
            @Schema(description = "万元/亩.", requiredMode = RequiredMode.REQUIRED) double investmentWanYuanPerMu,
            @Schema(description = "万元/亩 a year.", requiredMode = RequiredMode.REQUIRED) double taxWanYuanPerMu,
            @Schema(description = "Percent of the investment pledge achieved.") Double investmentPercent,
            @Schema(description = "Percent of the tax pledge achieved.") Double taxPercent,
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED),
                    schema = @Schema(implementation = ReviewFinding.class)) List<ReviewFinding> findings,
            @Schema(description = "Who recorded it.", requiredMode = RequiredMode.REQUIRED) String by,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String at) {
    }

    @Schema(description = "A finding of a review: the properties of a rule-book finding, without a geometry.")
    record ReviewFinding(
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"pledge.investment", "pledge.tax"})
            String rule,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"error", "info"}) String severity,
            @Schema(requiredMode = RequiredMode.REQUIRED) String message,
            @Schema(requiredMode = RequiredMode.REQUIRED) String messageZh,
            @Schema(description = "The figure per mu, 万元/亩.", requiredMode = RequiredMode.REQUIRED) Double measured,
            @Schema(description = "The pledge, 万元/亩.", requiredMode = RequiredMode.REQUIRED) Double limit,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "万元/亩") String unit,
            @Schema(requiredMode = RequiredMode.REQUIRED) String source,
            @ArraySchema(arraySchema = @Schema(description = "The parcel.", requiredMode = RequiredMode.REQUIRED))
            List<String> related) {
    }

    @Schema(description = "The land recovered (收回).")
    record Revocation(@Schema(requiredMode = RequiredMode.REQUIRED) String by,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String at,
            @Schema(requiredMode = RequiredMode.REQUIRED) String reason) {
    }

    // ---- After approval: the bodies of /contract, /milestones, /review, /revoke -------------------------------

    @Schema(description = "A transfer contract (出让合同). Dates yyyy-MM-dd with signedOn <= handOverBy <= startBy <= "
            + "completeBy <= reviewOn; signedOn not after today. Unknown members, members named twice and values of "
            + "the wrong JSON type are a 400.")
    record ContractBody(
            @Schema(description = "1 to 64 characters.", requiredMode = RequiredMode.REQUIRED,
                    example = "QOV-CR-2026-017") String contractNumber,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date", example = "2026-03-02") String signedOn,
            @Schema(description = "The price, 万元, above 0.", requiredMode = RequiredMode.REQUIRED,
                    example = "1850") Double priceWanYuan,
            @Schema(description = "Deadline for handing the land over.", requiredMode = RequiredMode.REQUIRED,
                    format = "date") String handOverBy,
            @Schema(description = "Deadline for starting construction (开工).", requiredMode = RequiredMode.REQUIRED,
                    format = "date") String startBy,
            @Schema(description = "Deadline for completion (竣工).", requiredMode = RequiredMode.REQUIRED,
                    format = "date") String completeBy,
            @Schema(description = "When the review at full production (达产) is due.",
                    requiredMode = RequiredMode.REQUIRED, format = "date") String reviewOn) {
    }

    @Schema(description = "A milestone: handed-over, started, completed, in that order, each once.")
    record MilestoneBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"handed-over", "started", "completed"})
            String kind,
            @Schema(description = "Not after today, not before the signing or the milestone before.",
                    requiredMode = RequiredMode.REQUIRED, format = "date", example = "2026-03-28") String on) {
    }

    @Schema(description = "The figures of the review at full production.")
    record ReviewBody(
            @Schema(description = "Not after today, not before the completion.", requiredMode = RequiredMode.REQUIRED,
                    format = "date") String on,
            @Schema(description = "The investment to date, 万元, 0 or more.", requiredMode = RequiredMode.REQUIRED,
                    example = "9500") Double investmentWanYuan,
            @Schema(description = "The tax paid in a year, 万元, 0 or more.", requiredMode = RequiredMode.REQUIRED,
                    example = "520") Double taxWanYuanPerYear) {
    }

    @Schema(description = "Why the land is recovered.")
    record RevokeBody(@Schema(description = "1 to 2,000 characters.", requiredMode = RequiredMode.REQUIRED)
            String reason) {
    }

    @Schema(description = "Who took a step of the lifecycle, and when.")
    record Step(@Schema(description = "The username.", requiredMode = RequiredMode.REQUIRED) String by,
            @Schema(description = "An RFC 3339 timestamp (UTC).", requiredMode = RequiredMode.REQUIRED,
                    format = "date-time") String at) {
    }

    @Schema(description = "A page of allocations, newest first.")
    record AllocationPage(@Schema(requiredMode = RequiredMode.REQUIRED) List<Allocation> allocations,
            @Schema(requiredMode = RequiredMode.REQUIRED) int limit,
            @Schema(requiredMode = RequiredMode.REQUIRED) int offset,
            @Schema(description = "Today by the service's clock, a day of the park's calendar "
                    + "(valley.allocations.time-zone): the day a contract's deadlines are counted to, and the last "
                    + "day a contract, milestone or review may be dated.", requiredMode = RequiredMode.REQUIRED,
                    format = "date", example = "2026-12-05") String today) {
    }

    @Schema(description = "A proposal accepted: the allocation (state proposed; the parcel is now reserved) and the "
            + "warnings it came with (no errors), in CRS84.")
    record ProposedAllocation(@JsonUnwrapped Allocation allocation,
            @Schema(requiredMode = RequiredMode.REQUIRED) FindingCollection findings) {
    }
}
