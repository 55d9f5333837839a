package org.qiluvalley.planner.planning;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.PlanningIndicators;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** A parcel as a GeoJSON Feature (CRS84) with every stored field: the before/after of its audit events. */
public final class ParcelJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ParcelJson() {
    }

    public static String feature(Parcel parcel) {
        if (parcel == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            PlanningIndicators ind = parcel.indicators();
            out.writeStartObject();
            out.writeStringProperty("type", "Feature");
            out.writeStringProperty("id", parcel.id());
            out.writeName("geometry");
            GeoJson.writeGeometry(out, parcel.crs84(), GeoJson.CRS84_DECIMALS);
            out.writeName("properties");
            out.writeStartObject();
            out.writeStringProperty("zone", parcel.zone());
            out.writeStringProperty("landUse", parcel.landUse());
            out.writeStringProperty("status", parcel.status().wireName());
            out.writeNumberProperty("areaM2", GeoJson.round(parcel.areaSquareMetres(), 2));
            out.writeNumberProperty("farMin", ind.farMin());
            out.writeNumberProperty("farMax", ind.farMax());
            out.writeNumberProperty("coverageMin", ind.coverageMin());
            out.writeNumberProperty("coverageMax", ind.coverageMax());
            out.writeNumberProperty("greenRatioMin", ind.greenRatioMin());
            out.writeNumberProperty("greenRatioMax", ind.greenRatioMax());
            out.writeNumberProperty("heightMaxMetres", ind.heightMaxMetres());
            out.writeNumberProperty("setbackMetres", ind.setbackMetres());
            out.writeNumberProperty("version", parcel.version());
            out.writeStringProperty("updatedAt", parcel.updatedAt().toString());
            out.writeEndObject();
            out.writeEndObject();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
