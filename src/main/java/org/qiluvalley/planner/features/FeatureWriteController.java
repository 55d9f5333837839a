package org.qiluvalley.planner.features;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.ReadOnlyException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.errors.StaleVersionException;
import org.qiluvalley.planner.geo.OgcCrs;
import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.planning.ParcelDraft;
import org.qiluvalley.planner.planning.ParcelEdits;
import org.qiluvalley.planner.rules.AllocationValidator;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.FindingsGeoJson;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * OGC API Features Part 4 (Create, Replace, Update and Delete) on the {@code parcels} collection, for planners:
 * {@code POST} items (201 + Location + ETag), {@code PUT} and {@code PATCH} (JSON Merge Patch) an item with
 * {@code If-Match} (428 without, 412 when stale), {@code DELETE} (sets status withdrawn; 204). Every write runs the
 * rule book: an error finding refuses it with 422 and the findings. {@code POST /api/parcels/validate} is the dry
 * run the planner workspace calls before saving.
 */
@RestController
class FeatureWriteController {

    /** The one collection clients write to. */
    static final String WRITABLE = "parcels";

    private static final JsonFactory JSON = new JsonFactory();

    private final FeaturesController reads;
    private final ParcelStore store;
    private final ParcelEdits edits;
    private final ParcelFeatureParser parser;
    private final PlannerParcelFields plannerFields;

    FeatureWriteController(FeaturesController reads, ParcelStore store, ParcelEdits edits, ZoningRuleBook book,
            PlannerParcelFields plannerFields) {
        this.reads = reads;
        this.store = store;
        this.edits = edits;
        this.parser = new ParcelFeatureParser(book);
        this.plannerFields = plannerFields;
    }

    @PostMapping(value = OgcApi.ROOT + "/collections/{collectionId}/items",
            consumes = {OgcApi.GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> create(@PathVariable String collectionId, @RequestBody byte[] body,
            @RequestHeader(value = "Content-Crs", required = false) String contentCrs, Authentication who) {
        writable(collectionId);
        ParcelDraft draft = parser.parse(body, crs(contentCrs), null);
        ParcelEdits.Outcome outcome = edits.create(draft, who.getName());
        String location = reads.base() + "/collections/parcels/items/" + outcome.parcel().id();
        return ResponseEntity.created(URI.create(location)).contentType(MediaType.parseMediaType(OgcApi.GEO_JSON))
                .eTag(ETags.of(outcome.parcel().version(), true)).body(feature(outcome.parcel(), outcome.findings()));
    }

    @PutMapping(value = OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}",
            consumes = {OgcApi.GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> replace(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestBody byte[] body, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = "Content-Crs", required = false) String contentCrs, Authentication who) {
        writable(collectionId);
        long version = ETags.versionFromIfMatch(ifMatch);
        existing(featureId);
        ParcelDraft draft = parser.parse(body, crs(contentCrs), featureId);
        ParcelEdits.Outcome outcome = edits.replace(featureId, version, draft, who.getName());
        return written(outcome);
    }

    @PatchMapping(value = OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}",
            consumes = {"application/merge-patch+json", OgcApi.GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> update(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestBody byte[] body, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = "Content-Crs", required = false) String contentCrs, Authentication who) {
        writable(collectionId);
        long version = ETags.versionFromIfMatch(ifMatch);
        Parcel current = existing(featureId);
        if (current.version() != version) {
            throw new StaleVersionException("parcel " + featureId
                    + " has changed since that ETag was issued: fetch it again and re-apply your change");
        }
        ParcelDraft draft = parser.patch(current, body, crs(contentCrs));
        return written(edits.replace(featureId, version, draft, who.getName()));
    }

    @DeleteMapping(OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}")
    ResponseEntity<Void> delete(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication who) {
        writable(collectionId);
        long version = ETags.versionFromIfMatch(ifMatch);
        existing(featureId);
        edits.withdraw(featureId, version, who.getName());
        return ResponseEntity.noContent().build();
    }

    /** The dry run: the findings a parcel write would meet. Body as for POST/PUT; with an id, that parcel's edit. */
    @Tag(name = "Validation")
    @Operation(operationId = "validateParcel", summary = "Check a parcel write against the rule book (planners)",
            description = "The findings a POST or PUT of this feature to /ogc/collections/parcels/items would meet, "
                    + "storing nothing: the planner workspace's check before saving. With the id of an existing "
                    + "parcel it is checked as that parcel's edit (the parcel itself is not an overlap). At most "
                    + "2 MiB.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "A GeoJSON Feature, as for POST /ogc/collections/parcels/items: unknown or "
                            + "repeated members and values of the wrong type are a 400.",
                    content = @Content(schema = @Schema(type = "object",
                            requiredProperties = {"type", "geometry", "properties"}), schemaProperties = {
                        @SchemaProperty(name = "type", schema = @Schema(type = "string", allowableValues = "Feature")),
                        @SchemaProperty(name = "id", schema = @Schema(type = "string", description = "Optional: an "
                                + "existing parcel to check an edit of, or the id a new parcel would take.",
                                example = "QOV-LI-014")),
                        @SchemaProperty(name = "geometry", schema = @Schema(description = "A Polygon, in CRS84 or "
                                + "in the Content-Crs.", ref = "#/components/schemas/GeoJsonGeometry")),
                        @SchemaProperty(name = "properties", schema = @Schema(description = "zone and landUse, and "
                                + "the planning conditions (fractions; metres), which default to the zone's limits.",
                                implementation = ParcelFeatureParser.ParcelProperties.class))})),
            parameters = @Parameter(name = "X-XSRF-TOKEN", in = ParameterIn.HEADER, description = "The value of the "
                    + "XSRF-TOKEN cookie. Required when the request is authenticated by the browser session (SESSION "
                    + "cookie); not needed with HTTP Basic.", schema = @Schema(type = "string")))
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "session")
    @ApiResponse(responseCode = "200", description = "The report: valid, and the findings (geometries in CRS84).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(ref = "#/components/schemas/ValidationReport")))
    @ApiResponse(responseCode = "400", description = "Malformed input: not a GeoJSON Feature, an unknown or repeated "
            + "member, a value of the wrong type, bad geometry, an unknown zone or code, an unsupported Content-Crs.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "401", description = "Not signed in, or wrong credentials.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "403", description = "Signed in, but not a planner (or, for a request riding on a "
            + "browser session, without the X-XSRF-TOKEN header).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "413", description = "The body is over 2 MiB.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(value = "/api/parcels/validate", consumes = {OgcApi.GEO_JSON, MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> validate(@RequestBody byte[] body,
            @Parameter(description = "The CRS of the geometry (OGC API Features Part 2), as for the writes to /ogc: a "
                    + "CRS URI such as http://www.opengis.net/def/crs/EPSG/0/4548, with or without angle brackets; "
                    + "CRS84 when absent.") @RequestHeader(value = "Content-Crs", required = false) String contentCrs) {
        ParcelDraft draft = parser.parse(body, crs(contentCrs), null);
        String existing = draft.id() != null && store.findById(Layer.PARCELS, draft.id()).isPresent() ? draft.id()
                : null;
        List<Finding> findings = edits.check(draft, existing);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeBooleanProperty("valid", AllocationValidator.isValid(findings));
            out.writeName("findings");
            FindingsGeoJson.write(out, findings, ResponseCrs.CRS84, null);
            out.writeEndObject();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes.toByteArray());
    }

    private ResponseEntity<byte[]> written(ParcelEdits.Outcome outcome) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OgcApi.GEO_JSON))
                .eTag(ETags.of(outcome.parcel().version(), true)).body(feature(outcome.parcel(), outcome.findings()));
    }

    /** The parcel as planners see it, with the warnings of its write as the foreign member {@code findings}. */
    private byte[] feature(Parcel parcel, List<Finding> findings) {
        FeatureView view = FeatureCollections.parcel(parcel, true);
        plannerFields.addAllocations(List.of(view));
        plannerFields.addLineage(List.of(view));
        return FeatureJsonWriter.feature(view, List.of(new FeatureJsonWriter.Link(
                reads.base() + "/collections/parcels/items/" + parcel.id(), OgcApi.REL_SELF,
                OgcApi.GEO_JSON, "This feature")), findings, OgcCrs.CRS84);
    }

    private void writable(String collectionId) {
        FeatureCollections.Collection<?> collection = reads.collection(collectionId);
        if (!collection.id().equals(WRITABLE)) {
            throw new ReadOnlyException("collection "
                    + collection.id() + " is read-only; parcels are written through /ogc/collections/parcels/items");
        }
    }

    private Parcel existing(String featureId) {
        return store.findById(Layer.PARCELS, featureId).orElseThrow(() -> new NotFoundException(
                "collection parcels has no feature \"" + RefusedException.clip(featureId) + "\""));
    }

    /**
     * {@code Content-Crs} (OGC API Features Part 2), with or without angle brackets; CRS84 when absent. Positions are
     * in the CRS's axis order, as the reads answer them: EPSG:4548 northing first.
     */
    private static OgcCrs crs(String contentCrs) {
        if (contentCrs == null || contentCrs.isBlank()) {
            return OgcCrs.CRS84;
        }
        return OgcCrs.fromName(contentCrs).orElseThrow(() -> new InvalidInputException("Content-Crs \""
                + RefusedException.clip(contentCrs.strip()) + "\" is not supported; use one of "
                + String.join(", ", OgcCrs.ALL.stream().map(OgcCrs::uri).toList())));
    }
}
