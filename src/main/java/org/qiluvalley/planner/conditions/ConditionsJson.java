package org.qiluvalley.planner.conditions;

import java.io.ByteArrayOutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The letter as JSON: every member of {@link PlanningConditions} but its map. Numbers as computed (areas rounded
 * to 0.01 m², 0.0001 ha, 0.01 mu; boundary points to 0.01 m; distances to places to 0.0001 km); absent values
 * ({@code status} in the public variant, a zone without pledges) are left out rather than written as null.
 */
final class ConditionsJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ConditionsJson() {
    }

    static byte[] write(PlanningConditions c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeStringProperty("parcelId", c.parcelId());
            out.writeBooleanProperty("draft", c.draft());
            if (c.status() != null) {
                out.writeStringProperty("status", c.status());
            }
            out.writeStringProperty("generatedAt", c.generatedAt().toString());
            out.writeObjectPropertyStart("zone");
            out.writeStringProperty("id", c.zone().id());
            out.writeStringProperty("nameEn", c.zone().nameEn());
            out.writeStringProperty("nameZh", c.zone().nameZh());
            out.writeEndObject();
            out.writeObjectPropertyStart("landUse");
            out.writeStringProperty("code", c.landUse().code());
            out.writeStringProperty("nameZh", c.landUse().nameZh());
            out.writeStringProperty("nameEn", c.landUse().nameEn());
            out.writeEndObject();
            out.writeNumberProperty("areaM2", c.areaM2());
            out.writeNumberProperty("areaHa", c.areaHa());
            out.writeNumberProperty("areaMu", c.areaMu());
            out.writeArrayPropertyStart("indicators");
            for (PlanningConditions.Indicator i : c.indicators()) {
                out.writeStartObject();
                out.writeStringProperty("key", i.key());
                out.writeStringProperty("nameEn", i.nameEn());
                out.writeStringProperty("nameZh", i.nameZh());
                if (i.min() != null) {
                    out.writeNumberProperty("min", i.min());
                }
                if (i.max() != null) {
                    out.writeNumberProperty("max", i.max());
                }
                out.writeStringProperty("unit", i.unit());
                out.writeStringProperty("source", i.source());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("roadSetbacks");
            for (PlanningConditions.RoadSetback r : c.roadSetbacks()) {
                out.writeStartObject();
                out.writeStringProperty("roadId", r.roadId());
                out.writeStringProperty("nameEn", r.nameEn());
                out.writeStringProperty("nameZh", r.nameZh());
                out.writeStringProperty("roadClass", r.roadClass());
                out.writeNumberProperty("redLineWidthMetres", r.redLineWidthMetres());
                out.writeStringProperty("side", r.side());
                out.writeNumberProperty("distanceMetres", r.distanceMetres());
                out.writeNumberProperty("setbackMetres", r.setbackMetres());
                out.writeStringProperty("source", r.source());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("adjoining");
            for (PlanningConditions.Adjoining a : c.adjoining()) {
                out.writeStartObject();
                out.writeStringProperty("side", a.side());
                out.writeStringProperty("kind", a.kind());
                if (a.id() != null) {
                    out.writeStringProperty("id", a.id());
                }
                out.writeStringProperty("nameEn", a.nameEn());
                out.writeStringProperty("nameZh", a.nameZh());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("controlLines");
            for (PlanningConditions.ControlLine l : c.controlLines()) {
                out.writeStartObject();
                out.writeStringProperty("id", l.id());
                out.writeStringProperty("kind", l.kind());
                out.writeStringProperty("nameEn", l.nameEn());
                out.writeStringProperty("nameZh", l.nameZh());
                out.writeStringProperty("relation", l.relation());
                out.writeNumberProperty("distanceMetres", l.distanceMetres());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("distances");
            for (PlanningConditions.Distance d : c.distances()) {
                out.writeStartObject();
                out.writeStringProperty("place", d.place());
                out.writeStringProperty("nameEn", d.nameEn());
                out.writeStringProperty("nameZh", d.nameZh());
                out.writeNumberProperty("km", d.km());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeObjectPropertyStart("leaseTerm");
            out.writeNumberProperty("maxYears", c.leaseTerm().maxYears());
            out.writeStringProperty("categoryEn", c.leaseTerm().categoryEn());
            out.writeStringProperty("categoryZh", c.leaseTerm().categoryZh());
            out.writeStringProperty("source", c.leaseTerm().source());
            out.writeEndObject();
            if (c.pledges() != null) {
                out.writeObjectPropertyStart("pledges");
                out.writeNumberProperty("investmentWanYuanPerMuMin", c.pledges().investmentWanYuanPerMuMin());
                out.writeNumberProperty("taxWanYuanPerMuMin", c.pledges().taxWanYuanPerMuMin());
                out.writeStringProperty("source", c.pledges().source());
                out.writeEndObject();
            }
            out.writeStringProperty("crs", c.crs());
            out.writeArrayPropertyStart("boundaryPoints");
            for (PlanningConditions.BoundaryPoint p : c.boundaryPoints()) {
                out.writeStartObject();
                out.writeStringProperty("name", p.name());
                out.writeNumberProperty("northing", p.northing());
                out.writeNumberProperty("easting", p.easting());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
