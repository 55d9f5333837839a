package org.qiluvalley.planner.features;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.planning.ParcelDraft;
import org.qiluvalley.planner.planning.SiteGeometry;
import org.qiluvalley.planner.rules.Limit;
import org.qiluvalley.planner.rules.ZoneRules;
import org.qiluvalley.planner.rules.ZoningRuleBook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parcel write's body, a GeoJSON Feature: {@code geometry} a Polygon (CRS84, or EPSG:4548 with
 * {@code Content-Crs}), {@code properties} zone, landUse and the planning conditions. Read-only properties a client
 * may echo from a GET (areaM2, version, updatedAt, the allocation fields) are ignored; anything else unknown is a
 * 400. Planning conditions left out take the zone's limits from the rule book (setback: 5 m).
 */
final class ParcelFeatureParser {

    /** Parcel ids: upper-case letters, digits and dashes, as {@code QOV-LI-014}. */
    static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    /** The building line setback used when a write gives none, metres (the park plan's general setback). */
    static final double DEFAULT_SETBACK_METRES = 5;

    private static final Set<String> MEMBERS = Set.of("type", "id", "geometry", "properties", "links", "findings");
    private static final Set<String> WRITABLE = Set.of("zone", "landUse", "status", "farMin", "farMax", "coverageMin",
            "coverageMax", "greenRatioMin", "greenRatioMax", "heightMaxMetres", "setbackMetres");
    private static final Set<String> READ_ONLY = Set.of("areaM2", "version", "updatedAt", "allocationId",
            "allocationState", "allottee", "allotteeType");

    private final ZoningRuleBook book;

    ParcelFeatureParser(ZoningRuleBook book) {
        this.book = book;
    }

    /** A whole feature (POST, PUT). {@code pathId} is the id in the URL (PUT), or null (POST). */
    ParcelDraft parse(JsonNode feature, ResponseCrs crs, String pathId) {
        checkFeature(feature);
        String id = pathId;
        JsonNode idNode = feature.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isString() || !ID.matcher(idNode.stringValue()).matches()) {
                throw new InvalidInputException("id must be 2 to 32 upper-case letters, digits and dashes, as QOV-LI-014");
            }
            if (pathId != null && !pathId.equals(idNode.stringValue())) {
                throw new InvalidInputException("the feature's id differs from the id in the URL");
            }
            id = idNode.stringValue();
        }
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || geometry.isNull()) {
            throw new InvalidInputException("geometry is required: a GeoJSON Polygon");
        }
        return draft(id, SiteGeometry.parse(geometry, crs), feature.get("properties"));
    }

    /**
     * A JSON Merge Patch (RFC 7396) of a feature: {@code properties} members replace or (with null) reset the
     * current ones; a {@code geometry} replaces the outline.
     */
    ParcelDraft patch(Parcel current, JsonNode patch, ResponseCrs crs) {
        checkFeature(patch);
        if (patch.has("id") && !patch.get("id").isNull() && !current.id().equals(patch.get("id").asString())) {
            throw new InvalidInputException("the id of a parcel cannot be changed");
        }
        ObjectNode properties = currentProperties(current, patch.get("properties"));
        JsonNode geometry = patch.get("geometry");
        Polygon planar = geometry == null || geometry.isNull() ? current.planar() : SiteGeometry.parse(geometry, crs);
        return draft(current.id(), planar, properties);
    }

    private ObjectNode currentProperties(Parcel current, JsonNode changes) {
        ObjectNode merged = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        PlanningIndicators ind = current.indicators();
        merged.put("zone", current.zone());
        merged.put("landUse", current.landUse());
        merged.put("farMin", ind.farMin());
        merged.put("farMax", ind.farMax());
        merged.put("coverageMin", ind.coverageMin());
        merged.put("coverageMax", ind.coverageMax());
        merged.put("greenRatioMin", ind.greenRatioMin());
        merged.put("greenRatioMax", ind.greenRatioMax());
        merged.put("heightMaxMetres", ind.heightMaxMetres());
        merged.put("setbackMetres", ind.setbackMetres());
        if (changes == null || changes.isNull()) {
            return merged;
        }
        if (!changes.isObject()) {
            throw new InvalidInputException("properties must be an object");
        }
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            if (change.getValue().isNull()) {
                merged.remove(change.getKey());
            } else {
                merged.set(change.getKey(), change.getValue());
            }
        }
        return merged;
    }

    private static void checkFeature(JsonNode feature) {
        if (feature == null || !feature.isObject()) {
            throw new InvalidInputException("the body must be a GeoJSON Feature object");
        }
        for (String name : feature.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw new InvalidInputException("unknown member \"" + RefusedException.clip(name)
                        + "\"; a parcel is a GeoJSON Feature with id, geometry, properties");
            }
        }
        JsonNode type = feature.get("type");
        if (type != null && !(type.isString() && type.stringValue().equals("Feature"))) {
            throw new InvalidInputException("type must be Feature");
        }
    }

    private ParcelDraft draft(String id, Polygon planar, JsonNode properties) {
        if (properties == null || !properties.isObject()) {
            throw new InvalidInputException("properties are required: zone, landUse and the planning conditions");
        }
        for (String name : properties.propertyNames()) {
            if (!WRITABLE.contains(name) && !READ_ONLY.contains(name)) {
                throw new InvalidInputException("unknown property \"" + RefusedException.clip(name) + "\"; writable: "
                        + String.join(", ", WRITABLE.stream().sorted().toList()));
            }
        }
        String zone = text(properties, "zone");
        ZoneRules rules = book.zone(zone).orElseThrow(() -> new InvalidInputException("unknown zone \""
                + RefusedException.clip(zone) + "\"; zones: " + String.join(", ", book.zoneIds())));
        String landUse = text(properties, "landUse");
        if (book.landUse(landUse).isEmpty()) {
            throw new InvalidInputException("unknown land-use code \"" + RefusedException.clip(landUse) + "\"; codes: "
                    + String.join(", ", book.landUseCodes().keySet()));
        }
        ParcelStatus status = null;
        if (properties.has("status") && !properties.get("status").isNull()) {
            String wire = properties.get("status").asString();
            status = ParcelStatus.fromWireName(wire).orElseThrow(() -> new InvalidInputException(
                    "status must be available, reserved, allocated or withdrawn"));
        }
        PlanningIndicators indicators = new PlanningIndicators(
                number(properties, "farMin", rules.far(), true, 100),
                number(properties, "farMax", rules.far(), false, 100),
                number(properties, "coverageMin", rules.coverage(), true, 1),
                number(properties, "coverageMax", rules.coverage(), false, 1),
                number(properties, "greenRatioMin", rules.greenRatio(), true, 1),
                number(properties, "greenRatioMax", rules.greenRatio(), false, 1),
                number(properties, "heightMaxMetres", rules.heightMaxMetres(), false, 1000),
                number(properties, "setbackMetres", null, true, 1000));
        range(indicators.farMin(), indicators.farMax(), "far");
        range(indicators.coverageMin(), indicators.coverageMax(), "coverage");
        range(indicators.greenRatioMin(), indicators.greenRatioMax(), "greenRatio");
        return new ParcelDraft(id, planar, zone, landUse, status, indicators);
    }

    private static void range(double min, double max, String name) {
        if (min > max) {
            throw new InvalidInputException(name + "Min must not exceed " + name + "Max");
        }
    }

    /** A number property; absent means the zone's limit (its lower or upper end), or the default setback. */
    private static double number(JsonNode properties, String name, Limit zoneLimit, boolean lower, double max) {
        JsonNode node = properties.get(name);
        if (node == null || node.isNull()) {
            if (zoneLimit == null) {
                if (name.equals("setbackMetres")) {
                    return DEFAULT_SETBACK_METRES;
                }
                throw new InvalidInputException(name + " is required: the zone has no limit to default to");
            }
            Double value = lower ? zoneLimit.min() : zoneLimit.max();
            if (value == null) {
                value = lower ? 0.0 : max;
            }
            return value;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < 0
                || node.doubleValue() > max) {
            throw new InvalidInputException(name + " must be a number from 0 to " + GeoJson.round(max, 2)
                    + (max == 1 ? " (a fraction: 0.45 for 45%)" : ""));
        }
        return node.doubleValue();
    }

    private static String text(JsonNode properties, String name) {
        JsonNode node = properties.get(name);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new InvalidInputException(name + " is required (a string)");
        }
        return node.stringValue();
    }
}
