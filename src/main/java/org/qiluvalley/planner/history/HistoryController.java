package org.qiluvalley.planner.history;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code GET /api/history?feature=ID} (planners only): the feature's changes, oldest first, each with who, when,
 * what, and the feature before and after (GeoJSON Features for parcels, CRS84).
 */
@RestController
class HistoryController {

    private static final JsonFactory JSON = new JsonFactory();

    private final HistoryStore history;

    HistoryController(HistoryStore history) {
        this.history = history;
    }

    @GetMapping(value = "/api/history", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> history(@RequestParam MultiValueMap<String, String> query) {
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
