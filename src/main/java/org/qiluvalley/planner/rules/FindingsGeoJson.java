package org.qiluvalley.planner.rules;

import java.util.List;
import java.util.function.Function;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geo.ResponseCrs;

import tools.jackson.core.JsonGenerator;

/**
 * Findings as a GeoJSON FeatureCollection: each finding a Feature whose geometry is the offending part (in the
 * client's CRS) and whose properties are {@code rule}, {@code severity}, {@code message}, {@code messageZh},
 * {@code measured}, {@code limit}, {@code unit}, {@code source}, {@code related} (and {@code subject} in the audit).
 */
public final class FindingsGeoJson {

    private FindingsGeoJson() {
    }

    /**
     * Writes the collection; {@code subject} gives the id of the feature each finding was found on (null to leave
     * the member out).
     */
    public static void write(JsonGenerator out, List<Finding> findings, ResponseCrs crs,
            Function<Finding, String> subject) {
        out.writeStartObject();
        out.writeStringProperty("type", "FeatureCollection");
        out.writeName("features");
        out.writeStartArray();
        int n = 0;
        for (Finding finding : findings) {
            out.writeStartObject();
            out.writeStringProperty("type", "Feature");
            out.writeStringProperty("id", "finding-" + (++n));
            out.writeName("geometry");
            Geometry planar = finding.planar();
            if (planar == null || planar.isEmpty()) {
                out.writeNull();
            } else {
                GeoJson.writeGeometry(out, crs.fromPlanar(planar), crs.decimals());
            }
            out.writeName("properties");
            out.writeStartObject();
            out.writeStringProperty("rule", finding.rule());
            out.writeStringProperty("severity", finding.severity().wireName());
            out.writeStringProperty("message", finding.message());
            out.writeStringProperty("messageZh", finding.messageZh());
            number(out, "measured", finding.measured());
            number(out, "limit", finding.limit());
            out.writeStringProperty("unit", finding.unit());
            out.writeStringProperty("source", finding.source());
            out.writeName("related");
            out.writeStartArray();
            for (String id : finding.related()) {
                out.writeString(id);
            }
            out.writeEndArray();
            if (subject != null) {
                String id = subject.apply(finding);
                if (id != null) {
                    out.writeStringProperty("subject", id);
                }
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void number(JsonGenerator out, String name, Double value) {
        out.writeName(name);
        if (value == null) {
            out.writeNull();
        } else {
            // Measured areas and distances: 1e-3 of a m² or a metre is below any planning significance.
            out.writeNumber(GeoJson.round(value, 3));
        }
    }
}
