package org.qiluvalley.planner.tiles;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The properties of each collection's tile layer, for the tileset metadata ({@code propertiesSchema}). */
final class TileFields {

    /** One property: its JSON Schema type and what it is. */
    @JsonPropertyOrder({"type", "description"})
    record Field(String type, String description) {
    }

    private static final Map<String, Map<String, Field>> BY_COLLECTION = new LinkedHashMap<>();

    static {
        Map<String, Field> valley = new LinkedHashMap<>();
        valley.put("id", new Field("string", "feature id"));
        valley.put("kind", new Field("string", "boundary or phase"));
        valley.put("phase", new Field("integer", "construction phase (1 or 2)"));
        valley.put("nameEn", new Field("string", "name"));
        valley.put("nameZh", new Field("string", "名称"));
        valley.put("areaM2", new Field("number", "area, m² in EPSG:4548"));
        BY_COLLECTION.put("valley", valley);
        Map<String, Field> zones = new LinkedHashMap<>();
        zones.put("id", new Field("string", "zone id"));
        zones.put("nameEn", new Field("string", "name"));
        zones.put("nameZh", new Field("string", "名称"));
        zones.put("category", new Field("string", "facility, enterprise or infrastructure"));
        zones.put("allocatable", new Field("boolean", "whether parcels are allocated in it"));
        zones.put("areaM2", new Field("number", "area, m² in EPSG:4548"));
        BY_COLLECTION.put("zones", zones);
        Map<String, Field> parcels = new LinkedHashMap<>();
        parcels.put("id", new Field("string", "parcel id, e.g. QOV-LI-014"));
        parcels.put("zone", new Field("string", "zone id"));
        parcels.put("status", new Field("string", "public: available or unavailable; planners: available, reserved or allocated"));
        parcels.put("areaM2", new Field("number", "area, m² in EPSG:4548"));
        parcels.put("landUse", new Field("string", "land-use code (available parcels, or planners)"));
        parcels.put("farMin", new Field("number", "floor area ratio, minimum"));
        parcels.put("farMax", new Field("number", "floor area ratio, maximum"));
        parcels.put("coverageMin", new Field("number", "building coverage, minimum (fraction)"));
        parcels.put("coverageMax", new Field("number", "building coverage, maximum (fraction)"));
        parcels.put("greenRatioMin", new Field("number", "green ratio, minimum (fraction)"));
        parcels.put("greenRatioMax", new Field("number", "green ratio, maximum (fraction)"));
        parcels.put("heightMaxMetres", new Field("number", "building height limit, m"));
        parcels.put("setbackMetres", new Field("number", "building line setback, m"));
        parcels.put("version", new Field("integer", "planners only: the parcel's version"));
        parcels.put("allocationId", new Field("string", "planners only: the live allocation"));
        parcels.put("allocationState", new Field("string", "planners only: proposed or approved"));
        parcels.put("allottee", new Field("string", "planners only: the allottee"));
        parcels.put("allotteeType", new Field("string", "planners only: enterprise or facility"));
        BY_COLLECTION.put("parcels", parcels);
        Map<String, Field> constraints = new LinkedHashMap<>();
        constraints.put("id", new Field("string", "control line id"));
        constraints.put("kind", new Field("string", "ecological-red-line, permanent-basic-farmland, urban-development-boundary, river-blue-line, high-voltage-corridor"));
        constraints.put("nameEn", new Field("string", "name"));
        constraints.put("nameZh", new Field("string", "名称"));
        BY_COLLECTION.put("constraints", constraints);
        Map<String, Field> roads = new LinkedHashMap<>();
        roads.put("id", new Field("string", "road id"));
        roads.put("kind", new Field("string", "centreline or reserve"));
        roads.put("nameEn", new Field("string", "name"));
        roads.put("nameZh", new Field("string", "名称"));
        roads.put("roadClass", new Field("string", "road class"));
        roads.put("redLineWidthMetres", new Field("number", "width between the red lines, m"));
        BY_COLLECTION.put("roads", roads);
        Map<String, Field> availablesites = new LinkedHashMap<>();
        availablesites.put("id", new Field("string", "parcel id, e.g. QOV-LI-014"));
        availablesites.put("zone", new Field("string", "zone id"));
        availablesites.put("status", new Field("string", "public: available or unavailable; planners: available, reserved or allocated"));
        availablesites.put("areaM2", new Field("number", "area, m² in EPSG:4548"));
        availablesites.put("landUse", new Field("string", "land-use code (available parcels, or planners)"));
        availablesites.put("farMin", new Field("number", "floor area ratio, minimum"));
        availablesites.put("farMax", new Field("number", "floor area ratio, maximum"));
        availablesites.put("coverageMin", new Field("number", "building coverage, minimum (fraction)"));
        availablesites.put("coverageMax", new Field("number", "building coverage, maximum (fraction)"));
        availablesites.put("greenRatioMin", new Field("number", "green ratio, minimum (fraction)"));
        availablesites.put("greenRatioMax", new Field("number", "green ratio, maximum (fraction)"));
        availablesites.put("heightMaxMetres", new Field("number", "building height limit, m"));
        availablesites.put("setbackMetres", new Field("number", "building line setback, m"));
        availablesites.put("version", new Field("integer", "planners only: the parcel's version"));
        availablesites.put("allocationId", new Field("string", "planners only: the live allocation"));
        availablesites.put("allocationState", new Field("string", "planners only: proposed or approved"));
        availablesites.put("allottee", new Field("string", "planners only: the allottee"));
        availablesites.put("allotteeType", new Field("string", "planners only: enterprise or facility"));
        BY_COLLECTION.put("available-sites", availablesites);
    }

    private TileFields() {
    }

    static Map<String, Field> of(String collectionId) {
        return BY_COLLECTION.getOrDefault(collectionId, Map.of());
    }
}
