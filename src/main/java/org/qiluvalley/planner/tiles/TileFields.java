package org.qiluvalley.planner.tiles;

import java.util.LinkedHashMap;
import java.util.Map;

import org.qiluvalley.planner.parcel.Layer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The properties of each layer's tiles, for the tileset metadata ({@code propertiesSchema}). */
final class TileFields {

    /** One property: its JSON Schema type and what it is. */
    @JsonPropertyOrder({"type", "description"})
    record Field(String type, String description) {
    }

    /**
     * By layer, not by collection: a collection over a layer (available-sites over parcels, a future one over roads)
     * has its layer's properties, whatever its id.
     */
    private static final Map<Layer<?>, Map<String, Field>> BY_LAYER = new LinkedHashMap<>();

    static {
        Map<String, Field> valley = new LinkedHashMap<>();
        valley.put("id", new Field("string", "feature id"));
        valley.put("kind", new Field("string", "boundary or phase"));
        valley.put("phase", new Field("integer", "construction phase (1 or 2)"));
        valley.put("nameEn", new Field("string", "name"));
        valley.put("nameZh", new Field("string", "名称"));
        valley.put("areaM2", new Field("number", "area, m² in EPSG:4548"));
        BY_LAYER.put(Layer.VALLEY, valley);
        Map<String, Field> zones = new LinkedHashMap<>();
        zones.put("id", new Field("string", "zone id"));
        zones.put("nameEn", new Field("string", "name"));
        zones.put("nameZh", new Field("string", "名称"));
        zones.put("category", new Field("string", "facility, enterprise or infrastructure"));
        zones.put("allocatable", new Field("boolean", "whether parcels are allocated in it"));
        zones.put("areaM2", new Field("number", "area, m² in EPSG:4548"));
        BY_LAYER.put(Layer.ZONES, zones);
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
        BY_LAYER.put(Layer.PARCELS, parcels);
        Map<String, Field> constraints = new LinkedHashMap<>();
        constraints.put("id", new Field("string", "control line id"));
        constraints.put("kind", new Field("string", "ecological-red-line, permanent-basic-farmland, urban-development-boundary, river-blue-line, high-voltage-corridor"));
        constraints.put("nameEn", new Field("string", "name"));
        constraints.put("nameZh", new Field("string", "名称"));
        BY_LAYER.put(Layer.CONSTRAINTS, constraints);
        Map<String, Field> roads = new LinkedHashMap<>();
        roads.put("id", new Field("string", "road id"));
        roads.put("kind", new Field("string", "centreline or reserve"));
        roads.put("nameEn", new Field("string", "name"));
        roads.put("nameZh", new Field("string", "名称"));
        roads.put("roadClass", new Field("string", "road class"));
        roads.put("redLineWidthMetres", new Field("number", "width between the red lines, m"));
        BY_LAYER.put(Layer.ROADS, roads);
        Map<String, Field> places = new LinkedHashMap<>();
        places.put("id", new Field("string", "place id"));
        places.put("kind", new Field("string", "airport, railway-station, expressway-interchange or service-centre"));
        places.put("nameEn", new Field("string", "name"));
        places.put("nameZh", new Field("string", "名称"));
        places.put("source", new Field("string", "where the approximate position comes from"));
        BY_LAYER.put(Layer.PLACES, places);
    }

    private TileFields() {
    }

    static Map<String, Field> of(Layer<?> layer) {
        return BY_LAYER.getOrDefault(layer, Map.of());
    }
}
