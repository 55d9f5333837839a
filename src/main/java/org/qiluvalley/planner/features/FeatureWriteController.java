package org.qiluvalley.planner.features;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.ReadOnlyException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.errors.StaleVersionException;
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
    @PostMapping(value = "/api/parcels/validate", consumes = {OgcApi.GEO_JSON, MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> validate(@RequestBody byte[] body,
            @RequestHeader(value = "Content-Crs", required = false) String contentCrs) {
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
        return FeatureJsonWriter.feature(view, List.of(new FeatureJsonWriter.Link(
                reads.base() + "/collections/parcels/items/" + parcel.id(), OgcApi.REL_SELF,
                OgcApi.GEO_JSON, "This feature")), findings);
    }

    private void writable(String collectionId) {
        FeatureCollections.Collection<?> collection = reads.collection(collectionId);
        if (!collection.id().equals("parcels")) {
            throw new ReadOnlyException("collection "
                    + collection.id() + " is read-only; parcels are written through /ogc/collections/parcels/items");
        }
    }

    private Parcel existing(String featureId) {
        return store.findById(Layer.PARCELS, featureId).orElseThrow(() -> new NotFoundException(
                "collection parcels has no feature \"" + RefusedException.clip(featureId) + "\""));
    }

    /** {@code Content-Crs} (OGC API Features Part 2), with or without angle brackets; CRS84 when absent. */
    private static ResponseCrs crs(String contentCrs) {
        if (contentCrs == null || contentCrs.isBlank()) {
            return ResponseCrs.CRS84;
        }
        String name = contentCrs.strip();
        if (name.startsWith("<") && name.endsWith(">")) {
            name = name.substring(1, name.length() - 1);
        }
        String crsName = name;
        return ResponseCrs.fromName(crsName).orElseThrow(() -> new InvalidInputException("Content-Crs \""
                + RefusedException.clip(crsName) + "\" is not supported; use " + ResponseCrs.CRS84.uri() + " or "
                + ResponseCrs.PLANAR.uri()));
    }
}
