package org.qiluvalley.planner.features;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geo.JsonNumbers;
import org.qiluvalley.planner.geo.OgcCrs;
import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.FindingsGeoJson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams GeoJSON features and feature collections with OGC API paging members: in CRS84 as RFC 7946 has it, or in
 * another CRS a client asked for (OGC API Features Part 2), in that CRS's axis order. Written by hand
 * with Jackson's generator rather than through DTO serialisation: the hot path of the read API, and byte-stable.
 */
final class FeatureJsonWriter {

    private static final JsonFactory JSON = new JsonFactory();

    /** A link object of OGC API responses; a null title is left out. */
    @JsonPropertyOrder({"href", "rel", "type", "title"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Link(String href, String rel, String type, String title) {
    }

    private FeatureJsonWriter() {
    }

    /** A feature collection with its features' coordinates in {@code crs}. */
    static byte[] collection(List<FeatureView> features, long numberMatched, String timeStamp, List<Link> links,
            OgcCrs crs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + features.size() * 1024);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeStringProperty("type", "FeatureCollection");
            out.writeName("features");
            out.writeStartArray();
            for (FeatureView feature : features) {
                writeFeature(out, feature, null, null, crs);
            }
            out.writeEndArray();
            out.writeNumberProperty("numberMatched", numberMatched);
            out.writeNumberProperty("numberReturned", features.size());
            out.writeStringProperty("timeStamp", timeStamp);
            writeLinks(out, links);
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * A feature with its coordinates in {@code crs}; with {@code findings} (not null), the findings of its write as
     * the foreign member {@code findings}, a FeatureCollection in CRS84, after the links.
     */
    static byte[] feature(FeatureView feature, List<Link> links, List<Finding> findings, OgcCrs crs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            writeFeature(out, feature, links, findings, crs);
        }
        return bytes.toByteArray();
    }

    private static void writeFeature(JsonGenerator out, FeatureView feature, List<Link> links,
            List<Finding> findings, OgcCrs crs) {
        out.writeStartObject();
        out.writeStringProperty("type", "Feature");
        out.writeStringProperty("id", feature.id());
        out.writeName("geometry");
        GeoJson.writeGeometry(out, crs.fromCrs84(feature.crs84()), crs.decimals());
        out.writeName("properties");
        out.writeStartObject();
        for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
            out.writeName(property.getKey());
            writeValue(out, property.getValue());
        }
        out.writeEndObject();
        if (links != null) {
            writeLinks(out, links);
        }
        if (findings != null) {
            out.writeName("findings");
            FindingsGeoJson.write(out, findings, ResponseCrs.CRS84, null);
        }
        out.writeEndObject();
    }

    private static void writeValue(JsonGenerator out, Object value) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            JsonNumbers.write(out, number.doubleValue());
        } else if (value instanceof Map<?, ?> object) {
            out.writeStartObject();
            for (Map.Entry<?, ?> member : object.entrySet()) {
                out.writeName(String.valueOf(member.getKey()));
                writeValue(out, member.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof java.util.List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                writeValue(out, item);
            }
            out.writeEndArray();
        } else {
            out.writeString(value.toString());
        }
    }

    private static void writeLinks(JsonGenerator out, List<Link> links) {
        out.writeName("links");
        out.writeStartArray();
        for (Link link : links) {
            out.writeStartObject();
            out.writeStringProperty("href", link.href());
            out.writeStringProperty("rel", link.rel());
            out.writeStringProperty("type", link.type());
            if (link.title() != null) {
                out.writeStringProperty("title", link.title());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }
}
