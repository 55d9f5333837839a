package org.qiluvalley.planner.seed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.geo.GeoJson;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a deterministic GeoJSON FeatureCollection file: CRS84 coordinates rounded to 8 decimals, properties in
 * insertion order, one feature per line so that diffs of the committed data stay readable.
 */
final class GeoJsonFileWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean first = true;

    GeoJsonFileWriter(String name) {
        // The envelope is written by hand so that each feature can sit on a line of its own.
        raw("{\"type\":\"FeatureCollection\",\"name\":");
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeString(name);
        }
        raw(",\"features\":[");
    }

    /** Adds one feature; {@code crs84} is in CRS84 lon/lat. Values are String, Boolean, Integer/Long or Double. */
    GeoJsonFileWriter feature(String id, Map<String, Object> properties, Geometry crs84) {
        raw(first ? "\n" : ",\n");
        first = false;
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeStringProperty("type", "Feature");
            out.writeStringProperty("id", id);
            out.writeName("properties");
            out.writeStartObject();
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                out.writeName(property.getKey());
                Object value = property.getValue();
                if (value instanceof String text) {
                    out.writeString(text);
                } else if (value instanceof Boolean flag) {
                    out.writeBoolean(flag);
                } else if (value instanceof Integer || value instanceof Long) {
                    out.writeNumber(((Number) value).longValue());
                } else if (value instanceof Double number) {
                    out.writeNumber(number);
                } else {
                    throw new IllegalArgumentException("unsupported property value " + value);
                }
            }
            out.writeEndObject();
            out.writeName("geometry");
            GeoJson.writeGeometry(out, crs84, GeoJson.CRS84_DECIMALS);
            out.writeEndObject();
        }
        return this;
    }

    byte[] finish() {
        raw("\n]}\n");
        return bytes.toByteArray();
    }

    private void raw(String text) {
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> properties() {
        return new LinkedHashMap<>();
    }
}
