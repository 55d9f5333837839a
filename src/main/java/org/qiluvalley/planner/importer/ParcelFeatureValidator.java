package org.qiluvalley.planner.importer;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.qiluvalley.planner.geo.CadastralPrecision;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geo.InvalidGeometryException;
import org.qiluvalley.planner.geopackage.GeoPackageCrs;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.rules.Limit;
import org.qiluvalley.planner.rules.ZoneRules;
import org.qiluvalley.planner.rules.ZoningRuleBook;

import tools.jackson.databind.JsonNode;

/**
 * Turns one GeoJSON feature of an import file into a {@link Parcel}, or says in one sentence why it cannot be one.
 * Cheap checks (id, properties) run before the geometry work (parse, validity, transform to EPSG:4548).
 */
final class ParcelFeatureValidator {

    /** The parcels table's id column is {@code VARCHAR(32)} in both stores. */
    static final int MAX_ID_LENGTH = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * Area of use of EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E) in the EPSG registry, degrees. Outside it
     * the projection's scale error grows fast, so areas computed there would be wrong: such a parcel is rejected.
     */
    static final double MIN_LON = 115.5;
    static final double MAX_LON = 118.5;
    static final double MIN_LAT = 22.6;
    static final double MAX_LAT = 49.88;

    /** Statuses an imported parcel may have: a withdrawn parcel only arises from the allocation workflow. */
    private static final Set<ParcelStatus> IMPORTABLE = Set.of(ParcelStatus.AVAILABLE, ParcelStatus.RESERVED,
            ParcelStatus.ALLOCATED);

    private final ZoningRuleBook rules;
    private final Set<String> zoneIds;
    private final Instant importedAt;

    /**
     * @param zoneIds the zones present in the store (a parcel's zone is a foreign key)
     * @param importedAt the {@code updatedAt} of every parcel of this run
     */
    ParcelFeatureValidator(ZoningRuleBook rules, Set<String> zoneIds, Instant importedAt) {
        this.rules = rules;
        this.zoneIds = new TreeSet<>(zoneIds);
        this.importedAt = importedAt;
    }

    /** The feature's id, checked: the first thing read, so that a reject can name it and duplicates be found. */
    String id(JsonNode feature) {
        if (!feature.isObject()) {
            throw new Rejected("a feature must be a JSON object");
        }
        JsonNode type = feature.get("type");
        if (type == null || !type.isString() || !"Feature".equals(type.stringValue())) {
            throw new Rejected("\"type\" must be \"Feature\"");
        }
        JsonNode id = feature.get("id");
        if (id == null || id.isNull()) {
            throw new Rejected("the feature has no \"id\"");
        }
        if (!id.isString()) {
            throw new Rejected("\"id\" must be a string, not " + kind(id));
        }
        String text = id.stringValue();
        if (text.isEmpty() || text.length() > MAX_ID_LENGTH) {
            throw new Rejected("\"id\" must be 1 to " + MAX_ID_LENGTH + " characters long, this one has "
                    + text.length());
        }
        if (!ID.matcher(text).matches()) {
            throw new Rejected("\"id\" may contain only letters A-Z and a-z, digits and . _ -");
        }
        return text;
    }

    /** The parcel the feature describes; {@code id} is what {@link #id} returned for it. */
    Parcel parcel(String id, JsonNode feature) {
        Attributes attributes = attributes(feature);
        Polygon crs84 = polygon(feature.get("geometry"));
        return parcel(id, attributes, crs84);
    }

    /**
     * The parcel a feature of a GeoPackage layer describes, with the same checks as a GeoJSON feature's: {@code
     * feature} holds its id and properties as a GeoJSON feature would (its {@code geometry} member is not read), and
     * {@code geometry} is the geometry as the layer stores it.
     */
    Parcel parcel(String id, JsonNode feature, StoredGeometry geometry) {
        Attributes attributes = attributes(feature);
        if (geometry.unreadable() != null) {
            throw new Rejected("geometry: " + geometry.unreadable());
        }
        if (geometry.crs().lonLat()) {
            return parcel(id, attributes, crs84Polygon(storedGeometry(geometry.geometry())));
        }
        Polygon planar = snapped(planarPolygon(storedGeometry(geometry.geometry())));
        Polygon crs84;
        try {
            crs84 = (Polygon) CrsTransform.toCrs84(planar);
        } catch (RuntimeException e) {
            // Proj4J refuses some positions far outside the projection's domain.
            throw new Rejected("geometry: an EPSG:4548 position has no longitude, latitude (" + e.getMessage() + ")");
        }
        for (Coordinate c : crs84.getCoordinates()) {
            inAreaOfUse(c);
        }
        TopologyValidationError invalid = new IsValidOp(crs84).getValidationError();
        if (invalid != null) {
            throw new Rejected("invalid geometry: " + invalid);
        }
        return new Parcel(id, attributes.zone(), attributes.landUse(), attributes.status(), attributes.indicators(),
                planar.getArea(), 1, importedAt, planar, crs84);
    }

    /**
     * A geometry of a GeoPackage layer as stored there.
     *
     * @param geometry null for a feature without one
     * @param crs the layer's SRS: for EPSG:4326 and CRS84 the geometry is in (longitude, latitude)
     * @param unreadable why the geometry could not be read, or null
     */
    record StoredGeometry(Geometry geometry, GeoPackageCrs crs, String unreadable) {
    }

    /** What a feature's properties say, checked. */
    private record Attributes(String zone, String landUse, ParcelStatus status, PlanningIndicators indicators) {
    }

    private Attributes attributes(JsonNode feature) {
        JsonNode properties = feature.get("properties");
        if (properties == null || !properties.isObject()) {
            throw new Rejected("\"properties\" must be an object");
        }
        String zone = text(properties, "zone");
        if (!zoneIds.contains(zone)) {
            throw new Rejected("zone " + Texts.quote(zone) + " does not exist (zones: " + String.join(", ", zoneIds)
                    + ")");
        }
        ZoneRules zoneRules = rules.zone(zone)
                .orElseThrow(() -> new Rejected("zone " + Texts.quote(zone) + " has no entry in the rule book"));
        String landUse = text(properties, "landUse");
        if (rules.landUse(landUse).isEmpty()) {
            throw new Rejected("land-use code " + Texts.quote(landUse) + " is not in the rule book");
        }
        String statusName = text(properties, "status");
        ParcelStatus status = ParcelStatus.fromWireName(statusName).filter(IMPORTABLE::contains)
                .orElseThrow(() -> new Rejected("status " + Texts.quote(statusName)
                        + " is not one of available, reserved, allocated"));
        PlanningIndicators indicators = indicators(properties, zoneRules);
        return new Attributes(zone, landUse, status, indicators);
    }

    /** The parcel of a valid CRS84 outline: transformed to EPSG:4548 and checked there. */
    private Parcel parcel(String id, Attributes attributes, Polygon crs84) {
        Polygon unsnapped = (Polygon) CrsTransform.toPlanar(crs84);
        TopologyValidationError invalid = new IsValidOp(unsnapped).getValidationError();
        if (invalid != null) {
            throw new Rejected("invalid geometry in EPSG:4548: " + invalid);
        }
        Polygon planar = snapped(unsnapped);
        // Areas are planar truth: square metres in EPSG:4548, as everywhere in the service; the CRS84 copy is made
        // from the outline as stored (on the 0.01 m grid).
        return new Parcel(id, attributes.zone(), attributes.landUse(), attributes.status(), attributes.indicators(),
                planar.getArea(), 1, importedAt, planar, (Polygon) CrsTransform.toCrs84(planar));
    }

    /** The outline on the register's 0.01 m grid; one that does not survive it is rejected with the reason. */
    private static Polygon snapped(Polygon planar) {
        try {
            return CadastralPrecision.snap(planar);
        } catch (InvalidGeometryException e) {
            throw new Rejected("geometry: " + e.getMessage());
        }
    }

    private Polygon polygon(JsonNode geometry) {
        Geometry crs84;
        try {
            crs84 = GeoJson.readGeometry(geometry, CrsTransform.CRS84);
        } catch (InvalidGeometryException e) {
            throw new Rejected("geometry: " + e.getMessage());
        }
        return crs84Polygon(crs84);
    }

    /** A CRS84 outline, checked: a polygon of longitudes and latitudes in the area of use of EPSG:4548, valid. */
    private static Polygon crs84Polygon(Geometry crs84) {
        if (!(crs84 instanceof Polygon polygon)) {
            throw new Rejected("geometry must be a Polygon, not a " + crs84.getGeometryType());
        }
        for (Coordinate c : polygon.getCoordinates()) {
            if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                throw new Rejected("geometry: position (" + c.x + ", " + c.y + ") is not a CRS84 longitude, latitude "
                        + "(longitude -180..180, latitude -90..90)");
            }
            inAreaOfUse(c);
        }
        TopologyValidationError invalid = new IsValidOp(polygon).getValidationError();
        if (invalid != null) {
            throw new Rejected("invalid geometry: " + invalid);
        }
        return polygon;
    }

    /** A CRS84 position outside the area of use of EPSG:4548 (or not a number) is a reject. */
    private static void inAreaOfUse(Coordinate c) {
        if (!(c.x >= MIN_LON && c.x <= MAX_LON && c.y >= MIN_LAT && c.y <= MAX_LAT)) {
            throw new Rejected("geometry: position (" + c.x + ", " + c.y + ") is outside the area of use of "
                    + "EPSG:4548 (longitude " + MIN_LON + ".." + MAX_LON + " E, latitude " + MIN_LAT + ".."
                    + MAX_LAT + " N), where parcel areas are computed");
        }
    }

    /** An EPSG:4548 outline of a GeoPackage layer, checked: a polygon, valid in EPSG:4548. */
    private static Polygon planarPolygon(Geometry planar) {
        if (!(planar instanceof Polygon polygon)) {
            throw new Rejected("geometry must be a Polygon, not a " + planar.getGeometryType());
        }
        TopologyValidationError invalid = new IsValidOp(polygon).getValidationError();
        if (invalid != null) {
            throw new Rejected("invalid geometry in EPSG:4548: " + invalid);
        }
        return polygon;
    }

    /**
     * A geometry read from a GeoPackage, held to what the GeoJSON reader asks of a geometry ({@link GeoJson}'s
     * messages): present, not empty, finite coordinates, at most {@link GeoJson#MAX_VERTICES} vertices.
     */
    private static Geometry storedGeometry(Geometry geometry) {
        if (geometry == null) {
            throw new Rejected("geometry: the feature has no geometry");
        }
        if (geometry.getNumPoints() > GeoJson.MAX_VERTICES) {
            throw new Rejected("geometry: geometry has more than " + GeoJson.MAX_VERTICES + " vertices");
        }
        if (geometry.isEmpty()) {
            throw new Rejected("geometry: the " + geometry.getGeometryType() + " is empty");
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new Rejected("geometry: coordinates must be finite numbers");
            }
        }
        return geometry;
    }

    /**
     * The planning indicators: each given one is checked; each absent one is the zone's rule book value. The rule
     * book gives setbacks per road class and an imported parcel's frontage road is not known, so an absent setback
     * is the branch-road setback, the rule book's smallest.
     */
    private PlanningIndicators indicators(JsonNode properties, ZoneRules zone) {
        double farMin = indicator(properties, "farMin", min(zone.far()), zone, false);
        double farMax = indicator(properties, "farMax", max(zone.far()), zone, false);
        double coverageMin = indicator(properties, "coverageMin", min(zone.coverage()), zone, true);
        double coverageMax = indicator(properties, "coverageMax", max(zone.coverage()), zone, true);
        double greenMin = indicator(properties, "greenRatioMin", min(zone.greenRatio()), zone, true);
        double greenMax = indicator(properties, "greenRatioMax", max(zone.greenRatio()), zone, true);
        double height = indicator(properties, "heightMaxMetres", max(zone.heightMaxMetres()), zone, false);
        double setback = indicator(properties, "setbackMetres", rules.roadSetbacks().branchMetres(), zone, false);
        ordered("farMin", farMin, "farMax", farMax);
        ordered("coverageMin", coverageMin, "coverageMax", coverageMax);
        ordered("greenRatioMin", greenMin, "greenRatioMax", greenMax);
        return new PlanningIndicators(farMin, farMax, coverageMin, coverageMax, greenMin, greenMax, height, setback);
    }

    private static double indicator(JsonNode properties, String key, Double fallback, ZoneRules zone,
            boolean fraction) {
        JsonNode node = properties.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new Rejected(key + " is missing and zone " + zone.id() + " has no rule book value for it");
            }
            return fallback;
        }
        if (!node.isNumber()) {
            throw new Rejected(key + " must be a number, not " + kind(node));
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value) || value < 0) {
            throw new Rejected(key + " must be a finite number >= 0, got " + value);
        }
        if (fraction && value > 1) {
            throw new Rejected(key + " is a fraction of the parcel area between 0 and 1 (e.g. 0.4 for 40%), got "
                    + value);
        }
        return value;
    }

    private static void ordered(String minKey, double min, String maxKey, double max) {
        if (min > max) {
            throw new Rejected(minKey + " " + min + " is above " + maxKey + " " + max);
        }
    }

    private static Double min(Limit limit) {
        return limit == null ? null : limit.min();
    }

    private static Double max(Limit limit) {
        return limit == null ? null : limit.max();
    }

    private static String text(JsonNode properties, String key) {
        JsonNode node = properties.get(key);
        if (node == null || node.isNull()) {
            throw new Rejected("property \"" + key + "\" is missing");
        }
        if (!node.isString()) {
            throw new Rejected("property \"" + key + "\" must be a string, not " + kind(node));
        }
        return node.stringValue();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The feature cannot be imported; the message is the reason written to the rejects file. */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            // Expected outcome, not a fault: no stack trace to fill in.
            super(reason, null, false, false);
        }
    }
}
