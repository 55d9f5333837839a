package org.qiluvalley.planner.parcel;

import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.filter.BoundFilter;

/**
 * A page request against one layer.
 *
 * @param bboxCrs84 features whose CRS84 geometry intersects this lon/lat rectangle; null for all
 * @param bboxPlanar features whose EPSG:4548 geometry intersects this rectangle (metres); null for all
 * @param propertyEquals equality filters on the layer's {@link Layer#filterableProperties()}
 * @param offset features to skip, in the layer's stable order
 * @param limit maximum features to return
 * @param propertyIn filters "property is one of these values" on the same properties (e.g. the statuses a public
 *     client may see); an empty set matches nothing
 * @param filter a CQL2 filter checked against the collection's queryables for its audience, ANDed with the rest;
 *     null for none. It must be bound to this layer's queryables (the store refuses another layer's)
 * @param planarOutlines false when the caller uses only the CRS84 geometries (a GeoJSON page): the store may then
 *     leave the EPSG:4548 geometry of each feature null instead of reading it
 */
public record FeatureQuery(Envelope bboxCrs84, Envelope bboxPlanar, Map<String, String> propertyEquals, int offset,
        int limit, Map<String, java.util.Set<String>> propertyIn, BoundFilter filter, boolean planarOutlines) {

    public FeatureQuery(Envelope bboxCrs84, Envelope bboxPlanar, Map<String, String> propertyEquals, int offset,
            int limit, Map<String, java.util.Set<String>> propertyIn, BoundFilter filter) {
        this(bboxCrs84, bboxPlanar, propertyEquals, offset, limit, propertyIn, filter, true);
    }

    public FeatureQuery(Envelope bboxCrs84, Envelope bboxPlanar, Map<String, String> propertyEquals, int offset,
            int limit, Map<String, java.util.Set<String>> propertyIn) {
        this(bboxCrs84, bboxPlanar, propertyEquals, offset, limit, propertyIn, null);
    }

    /** A query on CRS84 coordinates, as the API receives them. */
    public FeatureQuery(Envelope bboxCrs84, Map<String, String> propertyEquals, int offset, int limit) {
        this(bboxCrs84, null, propertyEquals, offset, limit, Map.of());
    }

    public FeatureQuery(Envelope bboxCrs84, Envelope bboxPlanar, Map<String, String> propertyEquals, int offset,
            int limit) {
        this(bboxCrs84, bboxPlanar, propertyEquals, offset, limit, Map.of());
    }

    public FeatureQuery {
        propertyEquals = Map.copyOf(propertyEquals);
        propertyIn = Map.copyOf(propertyIn);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** The same query with {@code filter} (null for none) in place of its filter. */
    public FeatureQuery withFilter(BoundFilter filter) {
        return new FeatureQuery(bboxCrs84, bboxPlanar, propertyEquals, offset, limit, propertyIn, filter,
                planarOutlines);
    }

    /** The same query for a caller that needs only the CRS84 geometries (see {@link #planarOutlines}). */
    public FeatureQuery withoutPlanarOutlines() {
        return new FeatureQuery(bboxCrs84, bboxPlanar, propertyEquals, offset, limit, propertyIn, filter, false);
    }

    public static FeatureQuery all() {
        return new FeatureQuery(null, Map.of(), 0, Integer.MAX_VALUE);
    }

    /** Every feature whose EPSG:4548 geometry intersects {@code planar}, found through the spatial index. */
    public static FeatureQuery intersectingPlanar(Envelope planar) {
        return new FeatureQuery(null, planar, Map.of(), 0, Integer.MAX_VALUE);
    }
}
