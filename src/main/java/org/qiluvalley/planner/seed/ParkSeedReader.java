package org.qiluvalley.planner.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.qiluvalley.planner.geo.CadastralPrecision;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geo.InvalidGeometryException;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.ConstraintKind;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.parcel.Place;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.rules.ZoningRuleBook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the park's seed files (GeoJSON in CRS84) into a {@link ParkDataset}: every geometry is checked valid and
 * transformed to EPSG:4548, where areas are computed; every zone id and land-use code is checked against the rule
 * book. Available parcels get an illustrative price and readiness ({@link IllustrativeOffers}).
 */
public final class ParkSeedReader {

    /** The files of {@code gis-data/}, in load order. */
    public static final List<String> FILES = List.of("valley-boundary.geojson", "zones.geojson", "roads.geojson",
            "constraints.geojson", "parcels.geojson");
    public static final String DATASET_NAME = "qilu-optics-valley-plan";
    /**
     * The places investors measure sites against (airport, station, interchange, service centre): curated by hand
     * from the sources its features name, not written by the plan's generator, and loaded as a dataset of their own
     * ({@link #PLACES_DATASET_NAME}) so that a database seeded before they existed gets them too.
     */
    public static final String PLACES_FILE = "places.geojson";
    public static final String PLACES_DATASET_NAME = "qilu-optics-valley-places";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ZoningRuleBook rules;

    public ParkSeedReader(ZoningRuleBook rules) {
        this.rules = rules;
    }

    /** Reads the dataset; {@code open} gives the bytes of each file named in {@link #FILES}. */
    public ParkDataset read(Function<String, InputStream> open, Instant loadedAt) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (String name : FILES) {
            try (InputStream in = open.apply(name)) {
                byte[] bytes = in.readAllBytes();
                files.put(name, bytes);
                digest.update(bytes);
            } catch (IOException e) {
                throw new SeedFormatException(name + ": cannot be read: " + e.getMessage());
            }
        }
        List<ValleyPart> valley = new ArrayList<>();
        for (SeedFeature f : features("valley-boundary.geojson", files)) {
            valley.add(new ValleyPart(f.id, f.text("kind"), f.properties.has("phase") ? f.integer("phase") : null,
                    f.text("nameEn"), f.text("nameZh"), f.planar.getArea(), f.planar, f.crs84));
        }
        List<Zone> zones = new ArrayList<>();
        for (SeedFeature f : features("zones.geojson", files)) {
            var zoneRules = rules.zone(f.id).orElseThrow(() -> f.error("zone id is not in the rule book"));
            zones.add(new Zone(f.id, f.text("nameEn"), f.text("nameZh"), zoneRules.category().wireName(),
                    zoneRules.allocatable(), f.planar.getArea(), f.planar, f.crs84));
        }
        List<Road> roads = new ArrayList<>();
        for (SeedFeature f : features("roads.geojson", files)) {
            roads.add(new Road(f.id, f.text("kind"), f.text("nameEn"), f.text("nameZh"), f.text("roadClass"),
                    f.number("redLineWidthMetres"), f.planar, f.crs84));
        }
        List<ConstraintArea> constraints = new ArrayList<>();
        for (SeedFeature f : features("constraints.geojson", files)) {
            ConstraintKind kind = ConstraintKind.fromWireName(f.text("kind"))
                    .orElseThrow(() -> f.error("unknown constraint kind " + f.text("kind")));
            constraints.add(new ConstraintArea(f.id, kind, f.text("nameEn"), f.text("nameZh"), f.planar, f.crs84));
        }
        List<Parcel> parcels = new ArrayList<>();
        for (SeedFeature f : features("parcels.geojson", files)) {
            String zone = f.text("zone");
            if (rules.zone(zone).isEmpty()) {
                throw f.error("zone " + zone + " is not in the rule book");
            }
            String landUse = f.text("landUse");
            if (rules.landUse(landUse).isEmpty()) {
                throw f.error("land-use code " + landUse + " is not in the rule book");
            }
            ParcelStatus status = ParcelStatus.fromWireName(f.text("status"))
                    .orElseThrow(() -> f.error("unknown status " + f.text("status")));
            if (!(f.planar instanceof Polygon planar) || !(f.crs84 instanceof Polygon crs84)) {
                throw f.error("a parcel must be a Polygon");
            }
            PlanningIndicators indicators = new PlanningIndicators(f.number("farMin"), f.number("farMax"),
                    f.number("coverageMin"), f.number("coverageMax"), f.number("greenRatioMin"),
                    f.number("greenRatioMax"), f.number("heightMaxMetres"), f.number("setbackMetres"));
            // On the register's 0.01 m grid (geo/CadastralPrecision), with the CRS84 copy made from the snapped outline.
            Polygon snapped = CadastralPrecision.snap(planar);
            Parcel parcel = new Parcel(f.id, zone, landUse, status, indicators, snapped.getArea(), 1, loadedAt,
                    snapped, (Polygon) CrsTransform.toCrs84(snapped));
            parcels.add(status == ParcelStatus.AVAILABLE
                    ? parcel.withOffer(IllustrativeOffers.of(f.id, landUse, snapped.getArea())) : parcel);
        }
        return new ParkDataset(DATASET_NAME, HexFormat.of().formatHex(digest.digest()), valley, zones, roads,
                constraints, parcels);
    }

    /**
     * Reads the places file ({@link #PLACES_FILE}, GeoJSON Points in CRS84) into a dataset of places only: each
     * position is transformed to EPSG:4548, where distances are measured; each kind is one of {@link Place#KINDS}.
     */
    public ParkDataset readPlaces(InputStream in) {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new SeedFormatException(PLACES_FILE + ": cannot be read: " + e.getMessage());
        }
        MessageDigest digest = sha256();
        digest.update(bytes);
        List<Place> places = new ArrayList<>();
        for (SeedFeature f : features(PLACES_FILE, Map.of(PLACES_FILE, bytes))) {
            if (!(f.planar instanceof Point planar) || !(f.crs84 instanceof Point crs84)) {
                throw f.error("a place must be a Point");
            }
            String kind = f.text("kind");
            if (!Place.KINDS.contains(kind)) {
                throw f.error("unknown kind " + kind + " (one of " + String.join(", ", Place.KINDS) + ")");
            }
            places.add(new Place(f.id, kind, f.text("nameEn"), f.text("nameZh"), f.text("source"), planar, crs84));
        }
        return ParkDataset.ofPlaces(PLACES_DATASET_NAME, HexFormat.of().formatHex(digest.digest()), places);
    }

    private List<SeedFeature> features(String file, Map<String, byte[]> files) {
        JsonNode root;
        try {
            root = JSON.readTree(new ByteArrayInputStream(files.get(file)));
        } catch (RuntimeException e) {
            throw new SeedFormatException(file + ": not valid JSON: " + e.getMessage());
        }
        if (!"FeatureCollection".equals(root.path("type").asString(null)) || !root.path("features").isArray()) {
            throw new SeedFormatException(file + ": not a GeoJSON FeatureCollection");
        }
        List<SeedFeature> result = new ArrayList<>();
        for (JsonNode feature : root.path("features")) {
            String id = feature.path("id").asString(null);
            if (id == null || id.isBlank()) {
                throw new SeedFormatException(file + ": a feature has no id");
            }
            Geometry crs84;
            try {
                crs84 = GeoJson.readGeometry(feature.get("geometry"), CrsTransform.CRS84);
            } catch (InvalidGeometryException e) {
                throw new SeedFormatException(file + " feature " + id + ": " + e.getMessage());
            }
            TopologyValidationError invalid = new IsValidOp(crs84).getValidationError();
            if (invalid != null) {
                throw new SeedFormatException(file + " feature " + id + ": invalid geometry: " + invalid);
            }
            result.add(new SeedFeature(file, id, feature.path("properties"), crs84, CrsTransform.toPlanar(crs84)));
        }
        return result;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record SeedFeature(String file, String id, JsonNode properties, Geometry crs84, Geometry planar) {

        String text(String key) {
            JsonNode node = properties.get(key);
            if (node == null || !node.isString()) {
                throw error("property " + key + " must be a string");
            }
            return node.stringValue();
        }

        double number(String key) {
            JsonNode node = properties.get(key);
            if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue())) {
                throw error("property " + key + " must be a number");
            }
            return node.doubleValue();
        }

        int integer(String key) {
            return (int) number(key);
        }

        SeedFormatException error(String message) {
            return new SeedFormatException(file + " feature " + id + ": " + message);
        }
    }
}
