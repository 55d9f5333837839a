package org.qiluvalley.planner.planning;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.parcel.Offer;
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
            for (Map.Entry<String, Object> member : offerProperties(parcel).entrySet()) {
                out.writeName(member.getKey());
                writeValue(out, member.getValue());
            }
            out.writeNumberProperty("version", parcel.version());
            out.writeStringProperty("updatedAt", parcel.updatedAt().toString());
            out.writeEndObject();
            out.writeEndObject();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * A parcel's offer as members of its properties, in the API's order: {@code reservePriceWanYuan},
     * {@code depositWanYuan}, {@code pricePerMuWanYuan} (derived), {@code readiness} (an object of the eight items,
     * each {@code {"ready", "capacity"?}}) and {@code fullyReady} (derived); a member whose value is not set is left
     * out, and a parcel without an offer has none of them.
     */
    public static Map<String, Object> offerProperties(Parcel parcel) {
        Map<String, Object> members = new LinkedHashMap<>();
        Offer offer = parcel.offer();
        if (offer == null) {
            return members;
        }
        putIfSet(members, "reservePriceWanYuan", offer.reservePriceWanYuan());
        putIfSet(members, "depositWanYuan", offer.depositWanYuan());
        putIfSet(members, "pricePerMuWanYuan", parcel.pricePerMuWanYuan());
        if (offer.readiness() != null) {
            members.put("readiness", offer.readiness().asJsonObject());
            members.put("fullyReady", offer.readiness().fullyReady());
        }
        return members;
    }

    private static void putIfSet(Map<String, Object> members, String name, Object value) {
        if (value != null) {
            members.put(name, value);
        }
    }

    /** A value of {@link #offerProperties}: a number, a boolean, a string, or an object of them. */
    private static void writeValue(JsonGenerator out, Object value) {
        if (value instanceof Map<?, ?> object) {
            out.writeStartObject();
            for (Map.Entry<?, ?> member : object.entrySet()) {
                out.writeName(String.valueOf(member.getKey()));
                writeValue(out, member.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Number number) {
            out.writeNumber(number.doubleValue());
        } else {
            out.writeString(String.valueOf(value));
        }
    }
}
