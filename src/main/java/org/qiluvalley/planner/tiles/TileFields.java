package org.qiluvalley.planner.tiles;

import java.util.LinkedHashMap;
import java.util.Map;

/** The properties of each collection's tile layer, for the tileset metadata ({@code propertiesSchema}). */
final class TileFields {

    private static final Map<String, Map<String, Object>> BY_COLLECTION = new LinkedHashMap<>();

    static {
        Map<String, Object> valley = new LinkedHashMap<>();
        valley.put("id", Map.of("type", "string", "description", "feature id"));
        valley.put("kind", Map.of("type", "string", "description", "boundary or phase"));
        valley.put("phase", Map.of("type", "integer", "description", "construction phase (1 or 2)"));
        valley.put("nameEn", Map.of("type", "string", "description", "name"));
        valley.put("nameZh", Map.of("type", "string", "description", "名称"));
        valley.put("areaM2", Map.of("type", "number", "description", "area, m² in EPSG:4548"));
        BY_COLLECTION.put("valley", valley);
        Map<String, Object> zones = new LinkedHashMap<>();
        zones.put("id", Map.of("type", "string", "description", "zone id"));
        zones.put("nameEn", Map.of("type", "string", "description", "name"));
        zones.put("nameZh", Map.of("type", "string", "description", "名称"));
        zones.put("category", Map.of("type", "string", "description", "facility, enterprise or infrastructure"));
        zones.put("allocatable", Map.of("type", "boolean", "description", "whether parcels are allocated in it"));
        zones.put("areaM2", Map.of("type", "number", "description", "area, m² in EPSG:4548"));
        BY_COLLECTION.put("zones", zones);
        Map<String, Object> parcels = new LinkedHashMap<>();
        parcels.put("id", Map.of("type", "string", "description", "parcel id, e.g. QOV-LI-014"));
        parcels.put("zone", Map.of("type", "string", "description", "zone id"));
        parcels.put("status", Map.of("type", "string", "description", "public: available or unavailable; planners: available, reserved or allocated"));
        parcels.put("areaM2", Map.of("type", "number", "description", "area, m² in EPSG:4548"));
        parcels.put("landUse", Map.of("type", "string", "description", "land-use code (available parcels, or planners)"));
        parcels.put("farMin", Map.of("type", "number", "description", "floor area ratio, minimum"));
        parcels.put("farMax", Map.of("type", "number", "description", "floor area ratio, maximum"));
        parcels.put("coverageMin", Map.of("type", "number", "description", "building coverage, minimum (fraction)"));
        parcels.put("coverageMax", Map.of("type", "number", "description", "building coverage, maximum (fraction)"));
        parcels.put("greenRatioMin", Map.of("type", "number", "description", "green ratio, minimum (fraction)"));
        parcels.put("greenRatioMax", Map.of("type", "number", "description", "green ratio, maximum (fraction)"));
        parcels.put("heightMaxMetres", Map.of("type", "number", "description", "building height limit, m"));
        parcels.put("setbackMetres", Map.of("type", "number", "description", "building line setback, m"));
        parcels.put("version", Map.of("type", "integer", "description", "planners only: the parcel's version"));
        parcels.put("allocationId", Map.of("type", "string", "description", "planners only: the live allocation"));
        parcels.put("allocationState", Map.of("type", "string", "description", "planners only: proposed or approved"));
        parcels.put("allottee", Map.of("type", "string", "description", "planners only: the allottee"));
        parcels.put("allotteeType", Map.of("type", "string", "description", "planners only: enterprise or facility"));
        BY_COLLECTION.put("parcels", parcels);
        Map<String, Object> constraints = new LinkedHashMap<>();
        constraints.put("id", Map.of("type", "string", "description", "control line id"));
        constraints.put("kind", Map.of("type", "string", "description", "ecological-red-line, permanent-basic-farmland, urban-development-boundary, river-blue-line, high-voltage-corridor"));
        constraints.put("nameEn", Map.of("type", "string", "description", "name"));
        constraints.put("nameZh", Map.of("type", "string", "description", "名称"));
        BY_COLLECTION.put("constraints", constraints);
        Map<String, Object> roads = new LinkedHashMap<>();
        roads.put("id", Map.of("type", "string", "description", "road id"));
        roads.put("kind", Map.of("type", "string", "description", "centreline or reserve"));
        roads.put("nameEn", Map.of("type", "string", "description", "name"));
        roads.put("nameZh", Map.of("type", "string", "description", "名称"));
        roads.put("roadClass", Map.of("type", "string", "description", "road class"));
        roads.put("redLineWidthMetres", Map.of("type", "number", "description", "width between the red lines, m"));
        BY_COLLECTION.put("roads", roads);
        Map<String, Object> availablesites = new LinkedHashMap<>();
        availablesites.put("id", Map.of("type", "string", "description", "parcel id, e.g. QOV-LI-014"));
        availablesites.put("zone", Map.of("type", "string", "description", "zone id"));
        availablesites.put("status", Map.of("type", "string", "description", "public: available or unavailable; planners: available, reserved or allocated"));
        availablesites.put("areaM2", Map.of("type", "number", "description", "area, m² in EPSG:4548"));
        availablesites.put("landUse", Map.of("type", "string", "description", "land-use code (available parcels, or planners)"));
        availablesites.put("farMin", Map.of("type", "number", "description", "floor area ratio, minimum"));
        availablesites.put("farMax", Map.of("type", "number", "description", "floor area ratio, maximum"));
        availablesites.put("coverageMin", Map.of("type", "number", "description", "building coverage, minimum (fraction)"));
        availablesites.put("coverageMax", Map.of("type", "number", "description", "building coverage, maximum (fraction)"));
        availablesites.put("greenRatioMin", Map.of("type", "number", "description", "green ratio, minimum (fraction)"));
        availablesites.put("greenRatioMax", Map.of("type", "number", "description", "green ratio, maximum (fraction)"));
        availablesites.put("heightMaxMetres", Map.of("type", "number", "description", "building height limit, m"));
        availablesites.put("setbackMetres", Map.of("type", "number", "description", "building line setback, m"));
        availablesites.put("version", Map.of("type", "integer", "description", "planners only: the parcel's version"));
        availablesites.put("allocationId", Map.of("type", "string", "description", "planners only: the live allocation"));
        availablesites.put("allocationState", Map.of("type", "string", "description", "planners only: proposed or approved"));
        availablesites.put("allottee", Map.of("type", "string", "description", "planners only: the allottee"));
        availablesites.put("allotteeType", Map.of("type", "string", "description", "planners only: enterprise or facility"));
        BY_COLLECTION.put("available-sites", availablesites);
    }

    private TileFields() {
    }

    static Map<String, Object> of(String collectionId) {
        return BY_COLLECTION.getOrDefault(collectionId, Map.of());
    }
}
