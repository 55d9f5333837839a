package org.qiluvalley.planner.parcel;

import java.util.List;

/**
 * A kind of stored feature, typed by its domain record. The store contract is written against these constants, so
 * a caller names a layer, never a table.
 */
public final class Layer<T> {

    public static final Layer<ValleyPart> VALLEY = new Layer<>("valley", ValleyPart.class, List.of("kind"));
    public static final Layer<Zone> ZONES = new Layer<>("zones", Zone.class, List.of("category"));
    public static final Layer<Parcel> PARCELS = new Layer<>("parcels", Parcel.class, List.of("zone", "landUse", "status"));
    public static final Layer<ConstraintArea> CONSTRAINTS = new Layer<>("constraints", ConstraintArea.class, List.of("kind"));
    public static final Layer<Road> ROADS = new Layer<>("roads", Road.class, List.of("kind"));
    public static final Layer<Place> PLACES = new Layer<>("places", Place.class, List.of("kind"));

    public static final List<Layer<?>> ALL = List.of(VALLEY, ZONES, PARCELS, CONSTRAINTS, ROADS, PLACES);

    private final String name;
    private final Class<T> type;
    private final List<String> filterableProperties;

    private Layer(String name, Class<T> type, List<String> filterableProperties) {
        this.name = name;
        this.type = type;
        this.filterableProperties = filterableProperties;
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** Property names that {@link FeatureQuery#propertyEquals()} may use on this layer. */
    public List<String> filterableProperties() {
        return filterableProperties;
    }

    @Override
    public String toString() {
        return name;
    }
}
