package org.qiluvalley.planner.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.Place;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.planning.ParcelJson;
import org.springframework.stereotype.Component;

/**
 * The allow-list of collections the API serves: id, title, the layer behind it, fixed filters (available-sites is
 * parcels with status available; roads and road-reserves split the road layer by kind), the properties a client may
 * filter on with a query parameter of their own ({@code ?zone=...}; any queryable with CQL2, see
 * {@code filter.Queryables}), the one GeoJSON geometry type of its features, and the public view of a feature. A collection id a
 * client sends is looked up here and nowhere else.
 */
@Component
public class FeatureCollections {

    /** One published collection. */
    public record Collection<T>(String id, String title, String description, Layer<T> layer, Map<String, String> fixedFilters,
            List<String> propertyParameters, String geometryType, java.util.function.BiFunction<T, Boolean, FeatureView> view) {

        /** The feature as the public sees it ({@code planner} false) or as planners see it. */
        public FeatureView viewOf(Object record, boolean planner) {
            return view.apply(layer.type().cast(record), planner);
        }

        public boolean parcels() {
            return layer == Layer.PARCELS;
        }

        /** True when a stored feature belongs to this collection (fixed filters hold). */
        boolean admits(FeatureView view) {
            return fixedFilters.entrySet().stream()
                    .allMatch(f -> f.getValue().equals(String.valueOf(view.properties().get(f.getKey()))));
        }
    }

    /** GeoJSON geometry type names (RFC 7946, section 3.1). */
    public static final String POLYGON = "Polygon";
    public static final String MULTI_POLYGON = "MultiPolygon";
    public static final String LINE_STRING = "LineString";
    public static final String POINT = "Point";

    private final Map<String, Collection<?>> collections = new LinkedHashMap<>();

    FeatureCollections() {
        add(new Collection<>("valley", "Qilu Optics Valley boundary and phases",
                "The park boundary (487 ha, 齐鲁光谷) and its two construction phases (一期, 二期).",
                Layer.VALLEY, Map.of(), List.of("kind"), POLYGON, (v, planner) -> valley(v)));
        // Five zones are MultiPolygons (a facility on both sides of a road), one a Polygon: all are served as
        // MultiPolygons so that the collection has one geometry type, as GIS clients expect of a layer.
        add(new Collection<>("zones", "Functional zones",
                "The four facilities, laser-industry enterprise land and infrastructure (功能分区).",
                Layer.ZONES, Map.of(), List.of("category"), MULTI_POLYGON, (z, planner) -> zone(z)));
        add(new Collection<>("parcels", "Parcels",
                "Every live parcel (地块) with its zone, land-use code, status and planning conditions.",
                Layer.PARCELS, Map.of(), List.of("zone", "landUse", "status"), POLYGON, FeatureCollections::parcel));
        add(new Collection<>("available-sites", "Available sites",
                "Parcels open to investors (可供地块): status available.",
                Layer.PARCELS, Map.of("status", "available"), List.of("zone", "landUse"), POLYGON,
                FeatureCollections::parcel));
        add(new Collection<>("constraints", "Control lines",
                "Ecological red line, permanent basic farmland, urban development boundary, river blue line and the "
                        + "high-voltage corridor (三区三线与控制线).",
                Layer.CONSTRAINTS, Map.of(), List.of("kind"), POLYGON, (c, planner) -> constraint(c)));
        // The road layer holds each road twice, as a centre line and as its reserve: two collections, one geometry
        // type each.
        add(new Collection<>("roads", "Roads (centre lines)",
                "Road centre lines (道路中心线) inside the park, one line per road; the land between their red lines "
                        + "is the road-reserves collection.",
                Layer.ROADS, Map.of("kind", "centreline"), List.of(), LINE_STRING, (r, planner) -> road(r)));
        add(new Collection<>("road-reserves", "Road reserves",
                "The land between each road's red lines (道路红线) inside the park, one polygon per road: no parcel "
                        + "may take any of it.",
                Layer.ROADS, Map.of("kind", "reserve"), List.of(), POLYGON, (r, planner) -> road(r)));
        add(new Collection<>("places", "Places",
                "What investors measure a site against (地点): Jinan Yaoqiang International Airport, Jinan East railway "
                        + "station, the nearest expressway interchange and the park's service centre. Approximate "
                        + "positions; each names its source, or says it was placed by hand.",
                Layer.PLACES, Map.of(), List.of("kind"), POINT, (p, planner) -> place(p)));
    }

    private void add(Collection<?> collection) {
        collections.put(collection.id(), collection);
    }

    public List<Collection<?>> all() {
        return List.copyOf(collections.values());
    }

    public Optional<Collection<?>> find(String id) {
        return Optional.ofNullable(collections.get(id));
    }

    private static double area(double squareMetres) {
        return GeoJson.round(squareMetres, 2);
    }

    private static FeatureView valley(ValleyPart v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", v.kind());
        if (v.phase() != null) {
            p.put("phase", v.phase());
        }
        p.put("nameEn", v.nameEn());
        p.put("nameZh", v.nameZh());
        p.put("areaM2", area(v.areaSquareMetres()));
        return new FeatureView(v.id(), p, v.crs84());
    }

    private static FeatureView zone(Zone z) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nameEn", z.nameEn());
        p.put("nameZh", z.nameZh());
        p.put("category", z.category());
        p.put("allocatable", z.allocatable());
        p.put("areaM2", area(z.areaSquareMetres()));
        return new FeatureView(z.id(), p, multiPolygon(z.crs84()));
    }

    private static Geometry multiPolygon(Geometry geometry) {
        return geometry instanceof Polygon polygon
                ? geometry.getFactory().createMultiPolygon(new Polygon[] {polygon}) : geometry;
    }

    /** The status shown to the public for a parcel that is reserved or allocated: which of the two is not public. */
    static final String UNAVAILABLE = "unavailable";

    /**
     * A parcel: for the public, an available parcel's public fields (exactly these names, with its offer's when it
     * has one: price, deposit, price per mu, readiness) or, for a reserved or allocated one, only its zone, area and
     * {@code unavailable}; for planners every field, with the version and update time (allocation fields are added
     * by the controller).
     */
    static FeatureView parcel(Parcel parcel, boolean planner) {
        PlanningIndicators ind = parcel.indicators();
        Map<String, Object> p = new LinkedHashMap<>();
        if (!planner && parcel.status() != ParcelStatus.AVAILABLE) {
            p.put("zone", parcel.zone());
            p.put("status", UNAVAILABLE);
            p.put("areaM2", area(parcel.areaSquareMetres()));
            return new FeatureView(parcel.id(), p, parcel.crs84());
        }
        p.put("zone", parcel.zone());
        p.put("landUse", parcel.landUse());
        p.put("status", parcel.status().wireName());
        p.put("areaM2", area(parcel.areaSquareMetres()));
        p.put("farMin", ind.farMin());
        p.put("farMax", ind.farMax());
        p.put("coverageMin", ind.coverageMin());
        p.put("coverageMax", ind.coverageMax());
        p.put("greenRatioMin", ind.greenRatioMin());
        p.put("greenRatioMax", ind.greenRatioMax());
        p.put("heightMaxMetres", ind.heightMaxMetres());
        p.put("setbackMetres", ind.setbackMetres());
        p.putAll(ParcelJson.offerProperties(parcel));
        if (planner) {
            p.put("version", parcel.version());
            p.put("updatedAt", parcel.updatedAt().toString());
        }
        return new FeatureView(parcel.id(), p, parcel.crs84());
    }

    private static FeatureView constraint(ConstraintArea c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", c.kind().wireName());
        p.put("nameEn", c.nameEn());
        p.put("nameZh", c.nameZh());
        return new FeatureView(c.id(), p, c.crs84());
    }

    private static FeatureView place(Place p) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kind", p.kind());
        properties.put("nameEn", p.nameEn());
        properties.put("nameZh", p.nameZh());
        properties.put("source", p.source());
        return new FeatureView(p.id(), properties, p.crs84());
    }

    private static FeatureView road(Road r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", r.kind());
        p.put("nameEn", r.nameEn());
        p.put("nameZh", r.nameZh());
        p.put("roadClass", r.roadClass());
        p.put("redLineWidthMetres", r.redLineWidthMetres());
        return new FeatureView(r.id(), p, r.crs84());
    }
}
