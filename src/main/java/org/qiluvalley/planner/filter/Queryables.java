package org.qiluvalley.planner.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;

/**
 * The queryables of one collection: the properties a filter may name, for whom, and the columns they are read from.
 * The registry of every collection the API serves is {@link #forCollection}; a property a filter names is looked up
 * here and nowhere else, and the SQL of a filter takes its column names only from here.
 *
 * <p>What the public may filter on is exactly what the public sees (see {@code features/FeatureCollections} and
 * the README's "API overview"): a parcel's {@code zone}, {@code status} (as {@code available} or
 * {@code unavailable}) and {@code areaM2} always, its {@code landUse}, indicators, price and readiness on available
 * parcels only, no withdrawn parcel at all, and nothing planner-only. A filter naming a property the caller may not see is refused
 * exactly as one naming a property that does not exist.
 *
 * @param collectionId the collection's id in the API ({@code parcels}, {@code available-sites}...)
 * @param title the collection's title, for the schema
 * @param layer the name of the stored layer behind it ({@code parcel.Layer#name()}); the store checks a filter
 *     against the layer it is asked to read
 * @param properties in the order the schema lists them
 * @param scope which rows the layer shows each audience
 * @param fixedColumns the collection's rows among those: column, value (as {@code available-sites} is the parcels
 *     whose status is available); our own constants, bound as parameters
 */
public record Queryables(String collectionId, String title, String layer, List<Queryable> properties, Scope scope,
        Map<String, String> fixedColumns) {

    /** The rows of a layer an audience may see, whatever the filter. */
    public enum Scope {
        /** Every row. */
        ALL,
        /** Parcels: for the public, live parcels only (withdrawn ones are history); for planners every parcel. */
        PARCELS_LIVE_FOR_PUBLIC
    }

    /** JSON Schema's dialect of the queryables document (OGC API Features Part 3, /req/queryables). */
    public static final String JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

    public Queryables {
        properties = List.copyOf(properties);
        fixedColumns = Collections.unmodifiableMap(new java.util.TreeMap<>(fixedColumns));
    }

    private static final Map<String, Queryables> REGISTRY = registry();

    /** The queryables of a collection the API serves, by its id; empty for any other id. */
    public static Optional<Queryables> forCollection(String collectionId) {
        return Optional.ofNullable(REGISTRY.get(collectionId));
    }

    /** Every collection's queryables, in the order of the API's collections. */
    public static List<Queryables> all() {
        return List.copyOf(REGISTRY.values());
    }

    /** The property {@code name}, if {@code audience} may filter on it. */
    public Optional<Queryable> find(String name, Audience audience) {
        for (Queryable q : properties) {
            if (q.name().equals(name)) {
                return q.visibleTo(audience) ? Optional.of(q) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The properties {@code audience} may filter on, in order. */
    public List<Queryable> visibleTo(Audience audience) {
        return properties.stream().filter(q -> q.visibleTo(audience)).toList();
    }

    /**
     * Checks {@code filter} against these queryables for {@code audience}: every property it names must be one
     * {@code audience} may filter on (otherwise the same 400 whether it is unknown or hidden), every operand of the
     * type its predicate needs, every value compared with an enumerated property one of its values for
     * {@code audience}.
     *
     * @throws InvalidInputException when it is not
     */
    public BoundFilter bind(Filter filter, Audience audience) {
        return new BoundFilter(this, audience, filter);
    }

    /**
     * The queryables document for {@code audience}: a JSON Schema ({@code $schema}, {@code $id}, {@code type:
     * object}, {@code properties} with each property's {@code title}, {@code type}, {@code format} and
     * {@code enum}), to be served as {@code application/schema+json} at {@code /ogc/collections/{id}/queryables}.
     * Members are in a fixed order.
     *
     * @param id the absolute URI of the document itself, its {@code $id}
     */
    public Map<String, Object> jsonSchema(Audience audience, String id) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", JSON_SCHEMA_DIALECT);
        schema.put("$id", id);
        schema.put("type", "object");
        schema.put("title", title);
        Map<String, Object> members = new LinkedHashMap<>();
        for (Queryable q : visibleTo(audience)) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("title", q.title());
            if (q.type() == Queryable.Type.GEOMETRY) {
                member.put("format", q.geometryFormat());
                member.put("x-ogc-role", "primary-geometry");
            } else {
                member.put("type", q.type().jsonType());
                if (q.type().format() != null) {
                    member.put("format", q.type().format());
                }
                List<String> values = q.valuesFor(audience);
                if (!values.isEmpty()) {
                    member.put("enum", values);
                }
            }
            members.put(q.name(), Collections.unmodifiableMap(member));
        }
        schema.put("properties", Collections.unmodifiableMap(members));
        schema.put("additionalProperties", false);
        return Collections.unmodifiableMap(schema);
    }

    /** The refusal for a property {@code audience} may not filter on: the same whether it exists or not. */
    static InvalidInputException notQueryable(String name) {
        return new InvalidInputException("the filter names \"" + RefusedException.clip(name)
                + "\", which is not a queryable of this collection");
    }

    private static Map<String, Queryables> registry() {
        Map<String, Queryables> all = new LinkedHashMap<>();
        add(all, new Queryables("valley", "Qilu Optics Valley boundary and phases", "valley", List.of(
                Queryable.geometry("Outline", "geometry-polygon"),
                text("kind", "Kind (boundary or phase)", "kind"),
                Queryable.of("phase", "Construction phase", Queryable.Type.INTEGER, "phase", Queryable.Access.EVERYONE),
                text("nameEn", "Name (English)", "name_en"),
                text("nameZh", "Name (Chinese)", "name_zh"),
                area()), Scope.ALL, Map.of()));
        add(all, new Queryables("zones", "Functional zones", "zones", List.of(
                Queryable.geometry("Outline", "geometry-multipolygon"),
                text("nameEn", "Name (English)", "name_en"),
                text("nameZh", "Name (Chinese)", "name_zh"),
                text("category", "Category (facility, enterprise or infrastructure)", "category"),
                Queryable.of("allocatable", "Open to allocation", Queryable.Type.BOOLEAN, "allocatable",
                        Queryable.Access.EVERYONE),
                area()), Scope.ALL, Map.of()));
        add(all, new Queryables("parcels", "Parcels", "parcels", parcelProperties(), Scope.PARCELS_LIVE_FOR_PUBLIC,
                Map.of()));
        add(all, new Queryables("available-sites", "Available sites", "parcels", parcelProperties(),
                Scope.PARCELS_LIVE_FOR_PUBLIC, Map.of("status", "available")));
        add(all, new Queryables("constraints", "Control lines", "constraints", List.of(
                Queryable.geometry("Outline", "geometry-polygon"),
                text("kind", "Kind of control line", "kind"),
                text("nameEn", "Name (English)", "name_en"),
                text("nameZh", "Name (Chinese)", "name_zh")), Scope.ALL, Map.of()));
        add(all, new Queryables("roads", "Roads (centre lines)", "roads", roadProperties("Centre line",
                "geometry-linestring"), Scope.ALL, Map.of("kind", "centreline")));
        add(all, new Queryables("road-reserves", "Road reserves", "roads", roadProperties("Reserve between the red "
                + "lines", "geometry-polygon"), Scope.ALL, Map.of("kind", "reserve")));
        add(all, new Queryables("places", "Places", "places", List.of(
                Queryable.geometry("Position", "geometry-point"),
                text("kind", "Kind (airport, railway-station, expressway-interchange or service-centre)", "kind"),
                text("nameEn", "Name (English)", "name_en"),
                text("nameZh", "Name (Chinese)", "name_zh"),
                text("source", "Source of the position", "source")), Scope.ALL, Map.of()));
        return Collections.unmodifiableMap(all);
    }

    private static List<Queryable> roadProperties(String geometryTitle, String geometryFormat) {
        return List.of(
                Queryable.geometry(geometryTitle, geometryFormat),
                text("kind", "Kind (centreline or reserve)", "kind"),
                text("nameEn", "Name (English)", "name_en"),
                text("nameZh", "Name (Chinese)", "name_zh"),
                text("roadClass", "Road class (arterial, secondary or branch)", "road_class"),
                Queryable.of("redLineWidthMetres", "Width between the red lines (m)", Queryable.Type.NUMBER,
                        "red_line_width_m", Queryable.Access.EVERYONE));
    }

    private static Queryable text(String name, String title, String column) {
        return Queryable.of(name, title, Queryable.Type.STRING, column, Queryable.Access.EVERYONE);
    }

    private static void add(Map<String, Queryables> all, Queryables queryables) {
        all.put(queryables.collectionId(), queryables);
    }

    /** {@code areaM2}: served rounded to the centimetre (2 decimals), and compared as served. */
    private static Queryable area() {
        return new Queryable("areaM2", "Area (m², measured in EPSG:4548)", Queryable.Type.NUMBER, null, "area_m2",
                Queryable.Access.EVERYONE, 2, List.of());
    }

    private static List<Queryable> parcelProperties() {
        Queryable.Access whenAvailable = Queryable.Access.PUBLIC_WHEN_AVAILABLE;
        List<Queryable> properties = new ArrayList<>();
        properties.add(Queryable.geometry("Outline", "geometry-polygon"));
        properties.add(Queryable.of("zone", "Zone (id)", Queryable.Type.STRING, "zone_id", Queryable.Access.EVERYONE));
        properties.add(Queryable.of("landUse", "Land-use code (2023 national classification)", Queryable.Type.STRING,
                "land_use", whenAvailable));
        properties.add(new Queryable("status", "Status", Queryable.Type.STRING, null, "status",
                Queryable.Access.PUBLIC_AS_AVAILABILITY, -1, List.of("available", "reserved", "allocated", "withdrawn", "retired")));
        properties.add(area());
        properties.add(number("farMin", "Floor area ratio, minimum", "far_min"));
        properties.add(number("farMax", "Floor area ratio, maximum", "far_max"));
        properties.add(number("coverageMin", "Building coverage, minimum (fraction)", "coverage_min"));
        properties.add(number("coverageMax", "Building coverage, maximum (fraction)", "coverage_max"));
        properties.add(number("greenRatioMin", "Green ratio, minimum (fraction)", "green_ratio_min"));
        properties.add(number("greenRatioMax", "Green ratio, maximum (fraction)", "green_ratio_max"));
        properties.add(number("heightMaxMetres", "Building height limit (m)", "height_max_m"));
        properties.add(number("setbackMetres", "Building setback from the road red line (m)", "setback_m"));
        properties.add(number("reservePriceWanYuan", "Reserve price (万元)", "reserve_price_wan_yuan"));
        properties.add(number("depositWanYuan", "Bidding deposit (万元)", "deposit_wan_yuan"));
        properties.add(number("pricePerMuWanYuan", "Reserve price per mu (万元/亩, derived, to 0.01)",
                "price_per_mu_wan_yuan"));
        properties.add(Queryable.of("fullyReady", "Every utility and site work ready (七通一平)",
                Queryable.Type.BOOLEAN, "fully_ready", whenAvailable));
        properties.add(Queryable.of("version", "Version", Queryable.Type.INTEGER, "version", Queryable.Access.PLANNERS));
        properties.add(Queryable.of("updatedAt", "Last changed", Queryable.Type.TIMESTAMP, "updated_at",
                Queryable.Access.PLANNERS));
        return properties;
    }

    private static Queryable number(String name, String title, String column) {
        return Queryable.of(name, title, Queryable.Type.NUMBER, column, Queryable.Access.PUBLIC_WHEN_AVAILABLE);
    }
}
