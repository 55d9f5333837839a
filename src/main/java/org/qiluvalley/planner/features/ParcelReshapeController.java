package org.qiluvalley.planner.features;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.geo.OgcCrs;
import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.history.ParcelLineageStore;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.planning.ParcelDraft;
import org.qiluvalley.planner.planning.ParcelReshaping;
import org.qiluvalley.planner.planning.SiteGeometry;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.web.JsonBodies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * Split, merge and lineage of parcels, for planners ({@code /api/parcels/**} is a planner's path). A split needs
 * {@code If-Match} with the parent's ETag (428 without, 412 when stale); a merge names each parcel's ETag in its
 * body. {@code dryRun=true} answers what would be stored, with every new parcel's findings, storing nothing (the
 * workspace's preview). Geometry in CRS84, or EPSG:4548 as [easting, northing] with {@code "crs"}, as in the
 * validation API.
 */
@RestController
@Tag(name = "Parcels", description = "Parcels shaped to demand (planners): split a parcel by a line or into given "
        + "parts, merge neighbours, and read the lineage; and the planning-conditions letter (规划条件) of a parcel, "
        + "public for available sites.")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@ApiResponse(responseCode = "401", description = "Not signed in, or wrong credentials.",
        content = @Content(mediaType = ParcelReshapeController.PROBLEM_JSON,
                schema = @Schema(ref = ParcelReshapeController.PROBLEM)))
@ApiResponse(responseCode = "403", description = "Signed in, but not a planner (or, for a request riding on a "
        + "browser session, without the X-XSRF-TOKEN header).",
        content = @Content(mediaType = ParcelReshapeController.PROBLEM_JSON,
                schema = @Schema(ref = ParcelReshapeController.PROBLEM)))
@ApiResponse(responseCode = "404", description = "No parcel of that id.",
        content = @Content(mediaType = ParcelReshapeController.PROBLEM_JSON,
                schema = @Schema(ref = ParcelReshapeController.PROBLEM)))
@ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = "integer")),
        content = @Content(mediaType = ParcelReshapeController.PROBLEM_JSON,
                schema = @Schema(ref = ParcelReshapeController.PROBLEM)))
class ParcelReshapeController {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "#/components/schemas/Problem";
    static final String RULE_BOOK_REFUSAL = "#/components/schemas/RuleBookRefusal";
    private static final String XSRF_HEADER = "X-XSRF-TOKEN";
    private static final String XSRF_DESCRIPTION = "The value of the XSRF-TOKEN cookie. Required when the request "
            + "is authenticated by the browser session (SESSION cookie); not needed with HTTP Basic.";
    private static final String DRY_RUN = "true: answer what would be stored, with every new parcel's findings, "
            + "storing nothing (no If-Match needed).";

    private static final JsonFactory JSON = new JsonFactory();
    private static final String GEOJSON_GEOMETRY = "#/components/schemas/GeoJsonGeometry";

    private final ParcelReshaping reshaping;
    private final ParcelLineageStore lineage;
    private final ParcelFeatureParser parser;
    private final PlannerParcelFields plannerFields;
    private final FeaturesController reads;

    ParcelReshapeController(ParcelReshaping reshaping, ParcelLineageStore lineage, ZoningRuleBook book,
            PlannerParcelFields plannerFields, FeaturesController reads) {
        this.reshaping = reshaping;
        this.lineage = lineage;
        this.parser = new ParcelFeatureParser(book);
        this.plannerFields = plannerFields;
        this.reads = reads;
    }

    /** The body of a split: a cutting line, or the parts; optional ids and per-part property overrides. */
    @JsonBodies.UnknownMember("unknown member \"{name}\"; a split takes line or parts, and crs, ids, overrides")
    record SplitBody(JsonNode line, List<JsonNode> parts,
            @JsonBodies.WrongType("crs must be a CRS URI (a string)") String crs,
            @JsonBodies.WrongType("ids must be an array of parcel ids") List<String> ids,
            @JsonBodies.WrongType("overrides must be an array of objects of parcel properties (or nulls)")
            List<JsonNode> overrides) {
    }

    /** One parcel to merge and the ETag the planner read it with. */
    @JsonBodies.UnknownMember("unknown member \"{name}\" in parcels[]; each is {\"id\", \"etag\"}")
    record MergeRef(@JsonBodies.WrongType("parcels[].id must be a string") String id,
            @JsonBodies.WrongType("parcels[].etag must be a string (the ETag header's value)") String etag) {
    }

    @JsonBodies.UnknownMember("unknown member \"{name}\"; a merge takes parcels, id and properties")
    record MergeBody(@JsonBodies.WrongType("parcels must be an array of {\"id\", \"etag\"}") List<MergeRef> parcels,
            @JsonBodies.WrongType("id must be a string") String id, JsonNode properties) {
    }

    @Operation(operationId = "splitParcel", summary = "Split an available parcel by a line or into given parts",
            description = "Body {\"line\": LineString} or {\"parts\": [Polygon, ...]}, optional \"crs\" (CRS84 or "
                    + "EPSG:4548 as [easting, northing]), \"ids\" (default: the parent's id with -1, -2, ... north-west "
                    + "first) and \"overrides\" (per part, parcel properties such as landUse or farMax). Parts "
                    + "inherit the zone, land use and conditions, not the price, deposit or readiness (set them "
                    + "per part in overrides, or later); areas in EPSG:4548 sum to the parent's within "
                    + "0.01 m². 201 {parent, children} with Location (the first part) and a Link rel=item per part; "
                    + "the parent is retired. dryRun=true: "
                    + "200 {valid, parent, children} with each part's findings, nothing stored. 400 bad body or a "
                    + "line that does not cut; 409 not available or an id taken; 412 stale If-Match; 428 none; "
                    + "422 a part fails the rule book (findings per part).",
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The cut: a line or the parts; at most 2 MiB.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object"), schemaProperties = {
                        @SchemaProperty(name = "line", schema = @Schema(description = "A GeoJSON LineString "
                                + "crossing the parcel (either this or parts).", ref = GEOJSON_GEOMETRY)),
                        @SchemaProperty(name = "parts", array = @ArraySchema(schema = @Schema(description = "A GeoJSON "
                                + "Polygon; together the parts tile the parcel to 0.01 m².", ref = GEOJSON_GEOMETRY))),
                        @SchemaProperty(name = "crs", schema = @Schema(type = "string", description = "The CRS of the "
                                + "geometry: CRS84 (default) or EPSG:4548 as [easting, northing].",
                                example = "http://www.opengis.net/def/crs/EPSG/0/4548")),
                        @SchemaProperty(name = "ids", array = @ArraySchema(schema = @Schema(type = "string",
                                description = "The parts' ids, north-west part first.", example = "QOV-LI-014-1"))),
                        @SchemaProperty(name = "overrides", array = @ArraySchema(schema = @Schema(type = "object",
                                description = "Per part, parcel properties replacing the inherited ones (landUse, "
                                        + "farMax, ...), or null.")))})))
    @ApiResponse(responseCode = "201", description = "Split: {parent, children} as GeoJSON Features.",
            headers = {@Header(name = "Location", description = "The first part.", schema = @Schema(type = "string")),
                @Header(name = "Link", description = "Each part, rel=\"item\".", schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "200", description = "dryRun=true: {valid, parent, children}, each child with its "
            + "areaM2, areaMu and findings; nothing stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "A malformed body, a line that does not cut the parcel in "
            + "two, parts that do not tile it, ids of the wrong number or form.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The parcel is not available, or a part's id is taken.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "412", description = "If-Match names another version of the parcel.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is over 2 MiB.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "422", description = "A part fails the rule book: the findings, and per part "
            + "(parts[]) its own; nothing stored.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = RULE_BOOK_REFUSAL)))
    @ApiResponse(responseCode = "428", description = "No If-Match (or If-Match: *).",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping(value = "/api/parcels/{id}/split", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> split(
            @Parameter(description = "The parcel to split.", example = "QOV-LI-014") @PathVariable String id,
            @RequestBody byte[] body,
            @Parameter(description = "The parcel's ETag (required unless dryRun).", example = "\"v1\"")
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = DRY_RUN) @RequestParam(value = "dryRun", defaultValue = "false") boolean dryRun,
            Authentication who) {
        Long version = dryRun ? null : ETags.versionFromIfMatch(ifMatch);
        Parcel parent = reshaping.parcel(id);
        SplitBody split = JsonBodies.read(body, SplitBody.class);
        ResponseCrs crs = crs(split.crs());
        List<Polygon> pieces;
        if ((split.line() == null) == (split.parts() == null)) {
            throw new InvalidInputException("send either line (a LineString cutting the parcel) or parts (Polygons "
                    + "tiling it), not both and not neither");
        } else if (split.line() != null) {
            LineString line = SiteGeometry.parseLine(split.line(), crs);
            pieces = reshaping.cut(parent, line);
        } else {
            List<Polygon> parts = new ArrayList<>();
            for (JsonNode part : split.parts()) {
                parts.add(SiteGeometry.parse(part, crs));
            }
            pieces = reshaping.checkParts(parent, parts);
        }
        if (pieces.size() > ParcelReshaping.MAX_PARCELS) {
            throw new InvalidInputException("the cut makes " + pieces.size() + " parts; at most "
                    + ParcelReshaping.MAX_PARCELS);
        }
        List<String> ids = childIds(id, split.ids(), pieces.size());
        List<JsonNode> overrides = split.overrides();
        if (overrides != null && overrides.size() != pieces.size()) {
            throw new InvalidInputException("overrides has " + overrides.size() + " entries for " + pieces.size()
                    + " parts (one per part, null for none)");
        }
        List<ParcelDraft> drafts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Polygon piece = pieces.get(i);
            // A part takes the parent's zone, land use and conditions, not its offer: the reserve price and deposit
            // were set for the parent's whole area and the readiness for its boundary, so a part's are set anew
            // (its overrides may give them).
            Parcel base = new Parcel(ids.get(i), parent.zone(), parent.landUse(), parent.status(),
                    parent.indicators(), piece.getArea(), 0, parent.updatedAt(), piece, null);
            drafts.add(parser.derived(base, overrides == null ? null : overrides.get(i), "overrides[" + i + "]"));
        }
        if (dryRun) {
            ParcelReshaping.Result preview = reshaping.previewSplit(parent, drafts);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(preview(preview, "children"));
        }
        ParcelReshaping.Result result = reshaping.split(id, version, drafts, who.getName());
        // Location is a singleton field (RFC 9110 §10.2.2): Chromium refuses a response with two
        // (net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION), so it names the first part and a Link rel="item" each part.
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create(itemUrl(result.created().get(0).parcel().id())));
        for (ParcelReshaping.NewParcel child : result.created()) {
            headers.add(HttpHeaders.LINK, "<" + itemUrl(child.parcel().id()) + ">; rel=\"item\"");
        }
        return ResponseEntity.status(HttpStatus.CREATED).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(written(result));
    }

    @Operation(operationId = "mergeParcels", summary = "Merge neighbouring available parcels of one zone",
            description = "Body {\"parcels\": [{\"id\", \"etag\"}, ...], \"id\"?, \"properties\"?}: at least two "
                    + "available parcels of one zone, each sharing part of its boundary with another, whose union is "
                    + "one polygon without holes. The new parcel takes the largest parcel's land use and conditions "
                    + "unless properties override them, and no price, deposit or readiness unless properties give "
                    + "them; its id defaults to the first parcel's id with -M. 201 with "
                    + "the new parcel (Location, ETag); the parcels are retired. dryRun=true: 200 {valid, feature} "
                    + "with its findings, nothing stored. 400, 409, 412 (naming the stale parcel), 422.",
            parameters = @Parameter(name = XSRF_HEADER, in = ParameterIn.HEADER, description = XSRF_DESCRIPTION,
                    schema = @Schema(type = "string")),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The parcels to merge; at most 64 KiB.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object", requiredProperties = "parcels"), schemaProperties = {
                        @SchemaProperty(name = "parcels", array = @ArraySchema(schema = @Schema(type = "object",
                                description = "{\"id\", \"etag\"}: a parcel and the ETag it was read with (etag "
                                        + "optional in a dry run)."), minItems = 2, maxItems = 20)),
                        @SchemaProperty(name = "id", schema = @Schema(type = "string", description = "The new "
                                + "parcel's id (default: the first parcel's id with -M).")),
                        @SchemaProperty(name = "properties", schema = @Schema(type = "object", description = "Parcel "
                                + "properties replacing those taken from the largest parcel."))})))
    @ApiResponse(responseCode = "201", description = "Merged: the new parcel as a GeoJSON Feature.",
            headers = {@Header(name = "Location", description = "The new parcel.", schema = @Schema(type = "string")),
                @Header(name = "ETag", description = "Its version.", schema = @Schema(type = "string"))},
            content = @Content(mediaType = OgcApi.GEO_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "200", description = "dryRun=true: {valid, parents, feature} with its areaM2, "
            + "areaMu and findings; nothing stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "A malformed body, fewer than two parcels, a parcel listed "
            + "twice or unknown, parcels of different zones, not sharing boundaries, or leaving a hole.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "A parcel is not available, or the new id is taken.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "412", description = "An ETag is stale: the detail names the parcel.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is over 64 KiB.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The merged parcel fails the rule book; nothing stored.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = RULE_BOOK_REFUSAL)))
    @PostMapping(value = "/api/parcels/merge", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> merge(@RequestBody byte[] body,
            @Parameter(description = DRY_RUN) @RequestParam(value = "dryRun", defaultValue = "false") boolean dryRun,
            Authentication who) {
        MergeBody merge = JsonBodies.read(body, MergeBody.class);
        if (merge.parcels() == null) {
            throw new InvalidInputException("parcels is required: [{\"id\", \"etag\"}, ...]");
        }
        List<ParcelReshaping.Ref> refs = new ArrayList<>();
        for (MergeRef ref : merge.parcels()) {
            if (ref == null || ref.id() == null) {
                throw new InvalidInputException("each of parcels needs an id");
            }
            refs.add(new ParcelReshaping.Ref(ref.id(), dryRun && ref.etag() == null ? -1
                    : ETags.versionFromIfMatch(ref.etag())));
        }
        if (merge.id() != null && !ParcelFeatureParser.ID.matcher(merge.id()).matches()) {
            throw new InvalidInputException("id must be 2 to 32 upper-case letters, digits and dashes");
        }
        java.util.function.Function<Parcel, ParcelDraft> draft = base -> parser.derived(base, merge.properties(),
                "properties");
        if (dryRun) {
            ParcelReshaping.Result preview = reshaping.previewMerge(refs, merge.id(), draft);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(preview(preview, "feature"));
        }
        ParcelReshaping.Result result = reshaping.merge(refs, merge.id(), draft, who.getName());
        Parcel merged = result.created().get(0).parcel();
        return ResponseEntity.created(URI.create(itemUrl(merged.id()))).eTag(ETags.of(merged.version(), true))
                .contentType(MediaType.parseMediaType(OgcApi.GEO_JSON))
                .body(feature(merged, result.created().get(0).findings(), List.of()));
    }

    @Operation(operationId = "parcelLineage", summary = "A parcel's ancestors and descendants through splits and "
            + "merges, with when and by whom")
    @ApiResponse(responseCode = "200", description = "{parcelId, ancestors: [{id, child, operation, at, by, "
            + "depth}], descendants: [{id, parent, operation, at, by, depth}]}, nearest first, at most 500 each.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @GetMapping(value = "/api/parcels/{id}/lineage", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> lineage(
            @Parameter(description = "The parcel.", example = "QOV-LI-014-1") @PathVariable String id) {
        reshaping.parcel(id);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeStringProperty("parcelId", id);
            writeEdges(out, "ancestors", lineage.ancestors(id), true);
            writeEdges(out, "descendants", lineage.descendants(id), false);
            out.writeEndObject();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes.toByteArray());
    }

    private static void writeEdges(JsonGenerator out, String name, List<ParcelLineageStore.Edge> edges, boolean up) {
        out.writeArrayPropertyStart(name);
        for (ParcelLineageStore.Edge edge : edges) {
            out.writeStartObject();
            out.writeStringProperty("id", up ? edge.parent() : edge.child());
            out.writeStringProperty(up ? "child" : "parent", up ? edge.child() : edge.parent());
            out.writeStringProperty("operation", edge.operation());
            out.writeStringProperty("at", edge.at().toString());
            out.writeStringProperty("by", edge.actor());
            out.writeNumberProperty("depth", edge.depth());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** The children's ids: the client's (checked), or the parent's id with -1, -2, ... */
    private static List<String> childIds(String parentId, List<String> given, int count) {
        if (given != null) {
            if (given.size() != count) {
                throw new InvalidInputException("ids has " + given.size() + " entries; the split makes " + count
                        + " parts");
            }
            for (String id : given) {
                if (id == null || !ParcelFeatureParser.ID.matcher(id).matches()) {
                    throw new InvalidInputException("each of ids must be 2 to 32 upper-case letters, digits and "
                            + "dashes, as QOV-LI-014-1");
                }
            }
            return given;
        }
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String id = ParcelReshaping.partId(parentId, n);
            if (!ParcelFeatureParser.ID.matcher(id).matches()) {
                throw new InvalidInputException("the parts' default ids (" + RefusedException.clip(id) + ") are too "
                        + "long: send ids");
            }
            ids.add(id);
        }
        return ids;
    }

    private static ResponseCrs crs(String name) {
        if (name == null) {
            return ResponseCrs.CRS84;
        }
        return ResponseCrs.fromName(name).orElseThrow(() -> new InvalidInputException("crs \""
                + RefusedException.clip(name) + "\" is not supported; use " + ResponseCrs.CRS84.uri() + " or "
                + ResponseCrs.PLANAR.uri()));
    }

    private String itemUrl(String id) {
        return reads.base() + "/collections/parcels/items/" + id;
    }

    /** {"parent": Feature, "children": [Feature, ...]} after a split, as stored. */
    private byte[] written(ParcelReshaping.Result result) {
        StringBuilder json = new StringBuilder("{\"parent\":");
        json.append(text(feature(result.replaced().get(0), List.of(), List.of())));
        json.append(",\"children\":[");
        for (int i = 0; i < result.created().size(); i++) {
            ParcelReshaping.NewParcel child = result.created().get(i);
            json.append(i == 0 ? "" : ",").append(text(feature(child.parcel(), child.findings(), List.of())));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A preview: {"valid", "parent"?, "children" | "feature"}; lineage as it would be, from the request. */
    private byte[] preview(ParcelReshaping.Result result, String member) {
        List<String> replaced = result.replaced().stream().map(Parcel::id).toList();
        StringBuilder json = new StringBuilder("{\"valid\":").append(result.valid());
        if (member.equals("children")) {
            json.append(",\"parent\":").append(text(feature(result.replaced().get(0), List.of(), List.of())));
            json.append(",\"children\":[");
        } else {
            json.append(",\"parents\":[");
            for (int i = 0; i < result.replaced().size(); i++) {
                json.append(i == 0 ? "" : ",").append(text(feature(result.replaced().get(i), List.of(),
                        List.of())));
            }
            json.append("],\"feature\":");
        }
        for (int i = 0; i < result.created().size(); i++) {
            ParcelReshaping.NewParcel created = result.created().get(i);
            json.append(i == 0 ? "" : ",").append(text(feature(created.parcel(), created.findings(), replaced)));
        }
        return json.append(member.equals("children") ? "]}" : "}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The parcel as planners see it, with its area in mu and the findings of its write as the foreign member
     * {@code findings}; {@code derivedFrom} given for a preview (the stored lineage otherwise).
     */
    private byte[] feature(Parcel parcel, List<org.qiluvalley.planner.rules.Finding> findings,
            List<String> derivedFrom) {
        FeatureView view = FeatureCollections.parcel(parcel, true);
        plannerFields.addAllocations(List.of(view));
        plannerFields.addLineage(List.of(view));
        if (!derivedFrom.isEmpty()) {
            view.properties().put("derivedFrom", derivedFrom);
        }
        view.properties().put("areaMu", Math.round(parcel.areaSquareMetres() / Crs.SQUARE_METRES_PER_MU * 100) / 100.0);
        return FeatureJsonWriter.feature(view, List.of(new FeatureJsonWriter.Link(itemUrl(parcel.id()),
                OgcApi.REL_SELF, OgcApi.GEO_JSON, "This feature")), findings, OgcCrs.CRS84);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
