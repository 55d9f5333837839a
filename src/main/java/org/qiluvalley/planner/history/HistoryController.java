package org.qiluvalley.planner.history;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.qiluvalley.planner.apidocs.SignedInOperation;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code GET /api/history?feature=ID} (planners only): the feature's changes, oldest first, each with who, when,
 * what, and the feature before and after (GeoJSON Features for parcels, CRS84).
 */
@RestController
@Tag(name = "History", description = "The audit history (planners): every change of a parcel, an allocation, an "
        + "inquiry or a user, written in the same transaction as the change.")
class HistoryController {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";

    /** The answer's shape, for the OpenAPI document only (the answer is written below, member by member). */
    @Schema(description = "A feature's changes, oldest first.")
    record History(@Schema(requiredMode = RequiredMode.REQUIRED, example = "QOV-LI-001") String feature,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<HistoryEvent> events) {
    }

    @Schema(description = "One change.")
    record HistoryEvent(
            @Schema(description = "Increasing: the order of changes.", requiredMode = RequiredMode.REQUIRED) long id,
            @Schema(description = "When it was committed.", requiredMode = RequiredMode.REQUIRED,
                    format = "date-time") String at,
            @Schema(description = "The username; anonymous for an inquiry sent without signing in.",
                    requiredMode = RequiredMode.REQUIRED) String actor,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"create", "update", "withdraw",
                "split", "merge", "retire", "reserve", "allocate", "make-available", "propose", "approve", "reject",
                "release", "inquire", "close"}) String action,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"parcel", "allocation", "inquiry",
                "user"}) String featureType,
            @Schema(requiredMode = RequiredMode.REQUIRED) String featureId,
            @Schema(description = "The feature before the change (a GeoJSON Feature in CRS84 for a parcel, the "
                    + "allocation, inquiry or user as the API shows it), or null when it did not exist.",
                    requiredMode = RequiredMode.REQUIRED, types = {"object", "null"}) Object before,
            @Schema(description = "The feature after the change.", requiredMode = RequiredMode.REQUIRED,
                    types = {"object", "null"}) Object after) {
    }

    private final HistoryStore history;

    HistoryController(HistoryStore history) {
        this.history = history;
    }

    @Operation(operationId = "getHistory", summary = "A feature's history (planners)",
            description = "Every change of the feature, oldest first, with who, when, what, and the feature before "
                    + "and after. An id with no changes has an empty list.",
            parameters = @Parameter(name = "feature", in = ParameterIn.QUERY, required = true,
                    description = "The id of a parcel, an allocation, an inquiry or a user (1 to 64 characters); "
                            + "exactly once, and no other parameter.",
                    example = "QOV-LI-001", schema = @Schema(type = "string", minLength = 1, maxLength = 64)))
    @SignedInOperation
    @ApiResponse(responseCode = "200", description = "The history.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = History.class)))
    @ApiResponse(responseCode = "400", description = "No feature, feature repeated or blank or too long, or "
            + "another parameter.", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Signed in, but not a planner.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(value = "/api/history", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> history(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        for (String name : query.keySet()) {
            if (!name.equals("feature")) {
                throw new InvalidInputException("unknown query parameter \"" + RefusedException.clip(name)
                        + "\"; accepted: feature");
            }
        }
        List<String> features = query.get("feature");
        if (features == null || features.size() != 1 || features.get(0).isBlank() || features.get(0).length() > 64) {
            throw new InvalidInputException("give one feature id: /api/history?feature=QOV-LI-001");
        }
        String feature = features.get(0);
        List<AuditEvent> events = history.forFeature(feature);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + events.size() * 2048);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeStringProperty("feature", feature);
            out.writeName("events");
            out.writeStartArray();
            for (AuditEvent event : events) {
                out.writeStartObject();
                out.writeNumberProperty("id", event.id());
                out.writeStringProperty("at", event.occurredAt().toString());
                out.writeStringProperty("actor", event.actor());
                out.writeStringProperty("action", event.action());
                out.writeStringProperty("featureType", event.featureType());
                out.writeStringProperty("featureId", event.featureId());
                // Stored as JSON written by the service itself, so it is embedded as is.
                out.writeName("before");
                writeRaw(out, event.beforeJson());
                out.writeName("after");
                writeRaw(out, event.afterJson());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes.toByteArray());
    }

    private static void writeRaw(JsonGenerator out, String json) {
        if (json == null) {
            out.writeNull();
        } else {
            out.writeRawValue(json);
        }
    }
}
