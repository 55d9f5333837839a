package org.qiluvalley.planner.features;

import java.util.Map;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.geo.OgcCrs;
import org.qiluvalley.planner.parcel.Offer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Readiness;
import org.qiluvalley.planner.planning.ParcelDraft;
import org.qiluvalley.planner.planning.SiteGeometry;
import org.qiluvalley.planner.rules.Limit;
import org.qiluvalley.planner.rules.ZoneRules;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.web.JsonBodies;
import org.qiluvalley.planner.web.JsonBodies.UnknownMember;
import org.qiluvalley.planner.web.JsonBodies.WrongType;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parcel write's body, a GeoJSON Feature: {@code geometry} a Polygon (CRS84, or EPSG:4548 with
 * {@code Content-Crs}), {@code properties} zone, landUse, the planning conditions and the offer (reserve price,
 * deposit, readiness). Read-only members a client may echo from a GET or a write (links, findings; the properties
 * areaM2, version, updatedAt, the allocation fields, and the offer's derived pricePerMuWanYuan and fullyReady) are
 * ignored, so that a feature read can be written back as it is: the service derives those again from what is
 * stored. Anything else unknown is a 400. Planning conditions left out take the zone's limits from the rule book
 * (setback: 5 m); an offer member left out is not set.
 * The feature and its properties are bound strictly ({@link JsonBodies}); the geometry is read by hand, with the
 * guards of {@link SiteGeometry}, and a patch is merged as a JSON document (RFC 7396, into the readiness object too)
 * before its properties are bound.
 */
final class ParcelFeatureParser {

    /** Parcel ids: upper-case letters, digits and dashes, as {@code QOV-LI-014}. */
    static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    /** The building line setback used when a write gives none, metres (the park plan's general setback). */
    static final double DEFAULT_SETBACK_METRES = 5;
    static final double MAX_FAR = 100;
    static final double MAX_FRACTION = 1;
    static final double MAX_METRES = 1000;

    private static final String ID_RULE = "id must be 2 to 32 upper-case letters, digits and dashes, as QOV-LI-014";
    private static final String TEXT = "{name} is required (a string)";
    private static final String FAR = "{name} must be a number from 0 to " + MAX_FAR;
    private static final String FRACTION = "{name} must be a number from 0 to " + MAX_FRACTION
            + " (a fraction: 0.45 for 45%)";
    private static final String METRES = "{name} must be a number from 0 to " + MAX_METRES;
    private static final String PRICE = "reservePriceWanYuan must be a number above 0 and at most 10,000,000 (万元)";
    private static final String DEPOSIT = "depositWanYuan must be a number from 0 to 10,000,000 (万元)";
    /** The readiness items, as {@link Readiness#ITEMS} names them (a constant: annotations quote it). */
    private static final String ITEMS = "road, waterSupply, drainage, power, telecom, gas, heating, siteLevelling";
    private static final String READINESS = "readiness must be an object of the eight items " + ITEMS
            + ", each {\"ready\": true or false, \"capacity\": optional text}";
    private static final String READY = "ready must be true or false";
    private static final String CAPACITY = "capacity must be text of at most " + Readiness.MAX_CAPACITY_CHARACTERS
            + " characters without control characters";

    /** The feature as sent; {@code type}, when given, must be {@code "Feature"}. */
    @WrongType("the body must be a GeoJSON Feature object")
    @UnknownMember("unknown member \"{name}\"; a parcel is a GeoJSON Feature with id, geometry, properties")
    @JsonIgnoreProperties({"links", "findings"})
    record ParcelFeature(@WrongType("type must be Feature") String type,
            @WrongType(ID_RULE) String id, JsonNode geometry, JsonNode properties) {
    }

    /** The properties as sent; a planning condition left out is null. */
    @WrongType("properties are required: zone, landUse and the planning conditions")
    @UnknownMember("unknown property \"{name}\"; writable: {accepted}")
    @JsonIgnoreProperties({"areaM2", "version", "updatedAt", "allocationId", "allocationState", "allottee",
        "allotteeType", "pricePerMuWanYuan", "fullyReady"})
    record ParcelProperties(@WrongType(TEXT) String zone, @WrongType(TEXT) String landUse,
            @WrongType("status must be available, reserved, allocated, withdrawn or retired") String status,
            @WrongType(FAR) Double farMin, @WrongType(FAR) Double farMax,
            @WrongType(FRACTION) Double coverageMin, @WrongType(FRACTION) Double coverageMax,
            @WrongType(FRACTION) Double greenRatioMin, @WrongType(FRACTION) Double greenRatioMax,
            @WrongType(METRES) Double heightMaxMetres, @WrongType(METRES) Double setbackMetres,
            @WrongType(PRICE) Double reservePriceWanYuan, @WrongType(DEPOSIT) Double depositWanYuan,
            @WrongType(READINESS) ReadinessBody readiness) {
    }

    /** The readiness as sent: every one of the eight items is required. */
    @WrongType(READINESS)
    @UnknownMember("unknown readiness item \"{name}\"; the items are {accepted}")
    record ReadinessBody(ItemBody road, ItemBody waterSupply, ItemBody drainage, ItemBody power, ItemBody telecom,
            ItemBody gas, ItemBody heating, ItemBody siteLevelling) {

        /** The item sent under the member {@code wireName} (a readiness item's), or null. */
        ItemBody of(String wireName) {
            return switch (wireName) {
                case "road" -> road;
                case "waterSupply" -> waterSupply;
                case "drainage" -> drainage;
                case "power" -> power;
                case "telecom" -> telecom;
                case "gas" -> gas;
                case "heating" -> heating;
                case "siteLevelling" -> siteLevelling;
                default -> throw new IllegalArgumentException("not a readiness item: " + wireName);
            };
        }
    }

    /** One readiness item as sent. */
    @WrongType("each readiness item must be an object {\"ready\": true or false, \"capacity\": optional text}")
    @UnknownMember("unknown member \"{name}\" of a readiness item; accepted: {accepted}")
    record ItemBody(@WrongType(READY) Boolean ready, @WrongType(CAPACITY) String capacity) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ZoningRuleBook book;

    ParcelFeatureParser(ZoningRuleBook book) {
        this.book = book;
    }

    /** A whole feature (POST, PUT). {@code pathId} is the id in the URL (PUT), or null (POST). */
    ParcelDraft parse(byte[] body, OgcCrs crs, String pathId) {
        ParcelFeature feature = feature(body);
        String id = pathId;
        if (feature.id() != null) {
            if (!ID.matcher(feature.id()).matches()) {
                throw new InvalidInputException(ID_RULE);
            }
            if (pathId != null && !pathId.equals(feature.id())) {
                throw new InvalidInputException("the feature's id differs from the id in the URL");
            }
            id = feature.id();
        }
        if (absent(feature.geometry())) {
            throw new InvalidInputException("geometry is required: a GeoJSON Polygon");
        }
        Polygon planar = SiteGeometry.parse(feature.geometry(), crs);
        return draft(id, planar, JsonBodies.bind(feature.properties(), ParcelProperties.class));
    }

    /**
     * A JSON Merge Patch (RFC 7396) of a feature: {@code properties} members replace or (with null) reset the
     * current ones; a {@code geometry} replaces the outline.
     */
    ParcelDraft patch(Parcel current, byte[] body, OgcCrs crs) {
        ParcelFeature patch = feature(body);
        if (patch.id() != null && !current.id().equals(patch.id())) {
            throw new InvalidInputException("the id of a parcel cannot be changed");
        }
        ObjectNode properties = merged(current, patch.properties());
        Polygon planar = absent(patch.geometry()) ? current.planar() : SiteGeometry.parse(patch.geometry(), crs);
        return draft(current.id(), planar, JsonBodies.bind(properties, ParcelProperties.class));
    }

    /**
     * A part of a split or the result of a merge: {@code base}'s zone, land use, conditions and offer (callers give a
     * base without one: a new parcel's price is set anew) with the client's {@code overrides} for this part (a JSON
     * object of parcel properties, merged as JSON Merge Patch; null for none), and {@code base}'s outline. The status
     * is not the client's to set.
     */
    ParcelDraft derived(Parcel base, JsonNode overrides, String what) {
        if (overrides != null && !overrides.isNull() && !overrides.isObject()) {
            throw new InvalidInputException(what + " must be an object of parcel properties");
        }
        if (overrides != null && overrides.has("status")) {
            throw new InvalidInputException(what + ": status cannot be set; a new parcel is available");
        }
        ObjectNode properties = merged(base, overrides == null || overrides.isNull() ? null : overrides);
        return draft(base.id(), base.planar(), JsonBodies.bind(properties, ParcelProperties.class));
    }

    private static ParcelFeature feature(byte[] body) {
        JsonNode json = JsonBodies.tree(body);
        ParcelFeature feature = JsonBodies.bind(json, ParcelFeature.class);
        // A type given must be Feature: null is no type (which binding alone would take for a type left out).
        if (json.has("type") && !"Feature".equals(feature.type())) {
            throw new InvalidInputException("type must be Feature");
        }
        return feature;
    }

    /**
     * The current properties with the patch's changes (RFC 7396): a member replaced, or removed by a null; an object
     * (the readiness) merged member by member.
     */
    private static ObjectNode merged(Parcel current, JsonNode changes) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
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
        Offer offer = current.offer();
        if (offer != null) {
            if (offer.reservePriceWanYuan() != null) {
                merged.put("reservePriceWanYuan", offer.reservePriceWanYuan());
            }
            if (offer.depositWanYuan() != null) {
                merged.put("depositWanYuan", offer.depositWanYuan());
            }
            if (offer.readiness() != null) {
                merged.set("readiness", readinessJson(offer.readiness()));
            }
        }
        if (absent(changes)) {
            return merged;
        }
        if (!changes.isObject()) {
            throw new InvalidInputException("properties must be an object");
        }
        mergePatch(merged, changes);
        return merged;
    }

    /** RFC 7396 section 2: {@code changes} (an object) merged into {@code target}, in place. */
    private static void mergePatch(ObjectNode target, JsonNode changes) {
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            JsonNode value = change.getValue();
            if (value.isNull()) {
                target.remove(change.getKey());
            } else if (value.isObject()) {
                JsonNode existing = target.get(change.getKey());
                ObjectNode into = existing != null && existing.isObject() ? (ObjectNode) existing
                        : target.putObject(change.getKey());
                mergePatch(into, value);
            } else {
                target.set(change.getKey(), value);
            }
        }
    }

    private static JsonNode readinessJson(Readiness readiness) {
        return JSON.valueToTree(readiness.asJsonObject());
    }

    private ParcelDraft draft(String id, Polygon planar, ParcelProperties properties) {
        String zone = text(properties.zone(), "zone");
        ZoneRules rules = book.zone(zone).orElseThrow(() -> new InvalidInputException("unknown zone \""
                + RefusedException.clip(zone) + "\"; zones: " + String.join(", ", book.zoneIds())));
        String landUse = text(properties.landUse(), "landUse");
        if (book.landUse(landUse).isEmpty()) {
            throw new InvalidInputException("unknown land-use code \"" + RefusedException.clip(landUse) + "\"; codes: "
                    + String.join(", ", book.landUseCodes().keySet()));
        }
        ParcelStatus status = null;
        if (properties.status() != null) {
            status = ParcelStatus.fromWireName(properties.status()).orElseThrow(() -> new InvalidInputException(
                    "status must be available, reserved, allocated, withdrawn or retired"));
        }
        PlanningIndicators indicators = new PlanningIndicators(
                number(properties.farMin(), "farMin", rules.far(), true, MAX_FAR, FAR),
                number(properties.farMax(), "farMax", rules.far(), false, MAX_FAR, FAR),
                number(properties.coverageMin(), "coverageMin", rules.coverage(), true, MAX_FRACTION, FRACTION),
                number(properties.coverageMax(), "coverageMax", rules.coverage(), false, MAX_FRACTION, FRACTION),
                number(properties.greenRatioMin(), "greenRatioMin", rules.greenRatio(), true, MAX_FRACTION, FRACTION),
                number(properties.greenRatioMax(), "greenRatioMax", rules.greenRatio(), false, MAX_FRACTION, FRACTION),
                number(properties.heightMaxMetres(), "heightMaxMetres", rules.heightMaxMetres(), false, MAX_METRES,
                        METRES),
                number(properties.setbackMetres(), "setbackMetres", null, true, MAX_METRES, METRES));
        range(indicators.farMin(), indicators.farMax(), "far");
        range(indicators.coverageMin(), indicators.coverageMax(), "coverage");
        range(indicators.greenRatioMin(), indicators.greenRatioMax(), "greenRatio");
        return new ParcelDraft(id, planar, zone, landUse, status, indicators, offer(properties));
    }

    /** The offer sent (null when none of its members is): bounds, the deposit within the price, each item. */
    private static Offer offer(ParcelProperties properties) {
        Double price = properties.reservePriceWanYuan();
        if (price != null && (!Double.isFinite(price) || price <= 0 || price > Offer.MAX_WAN_YUAN)) {
            throw new InvalidInputException(PRICE);
        }
        Double deposit = properties.depositWanYuan();
        if (deposit != null && (!Double.isFinite(deposit) || deposit < 0 || deposit > Offer.MAX_WAN_YUAN)) {
            throw new InvalidInputException(DEPOSIT);
        }
        if (price != null && deposit != null && deposit > price) {
            throw new InvalidInputException("depositWanYuan must not exceed reservePriceWanYuan");
        }
        return Offer.of(price, deposit, readiness(properties.readiness()));
    }

    private static Readiness readiness(ReadinessBody sent) {
        if (sent == null) {
            return null;
        }
        Map<Readiness.Item, Readiness.Status> items = new java.util.HashMap<>();
        for (Readiness.Item item : Readiness.ITEMS) {
            String name = "readiness." + item.wireName();
            ItemBody body = sent.of(item.wireName());
            if (body == null) {
                throw new InvalidInputException(name + " is required: readiness gives all eight items (" + ITEMS
                        + ")");
            }
            if (body.ready() == null) {
                throw new InvalidInputException(name + ".ready is required (true or false)");
            }
            // Checked as sent (a line break is refused, not trimmed away), then trimmed; blank is no capacity.
            String capacity = body.capacity();
            if (capacity != null && !Readiness.acceptableCapacity(capacity)) {
                throw new InvalidInputException(name + "." + CAPACITY);
            }
            capacity = capacity == null || capacity.isBlank() ? null : capacity.strip();
            items.put(item, new Readiness.Status(body.ready(), capacity));
        }
        return new Readiness(items);
    }

    private static void range(double min, double max, String name) {
        if (min > max) {
            throw new InvalidInputException(name + "Min must not exceed " + name + "Max");
        }
    }

    /**
     * A planning condition from 0 to {@code max} ({@code rule} says so); absent means the zone's limit (its lower
     * or upper end), or the default setback.
     */
    private static double number(Double value, String name, Limit zoneLimit, boolean lower, double max, String rule) {
        if (value == null) {
            if (zoneLimit == null) {
                if (name.equals("setbackMetres")) {
                    return DEFAULT_SETBACK_METRES;
                }
                throw new InvalidInputException(name + " is required: the zone has no limit to default to");
            }
            Double limit = lower ? zoneLimit.min() : zoneLimit.max();
            if (limit == null) {
                limit = lower ? 0.0 : max;
            }
            return limit;
        }
        if (!Double.isFinite(value) || value < 0 || value > max) {
            throw new InvalidInputException(rule.replace("{name}", name));
        }
        return value;
    }

    private static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(TEXT.replace("{name}", name));
        }
        return value;
    }

    /** A member left out, or null. */
    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
