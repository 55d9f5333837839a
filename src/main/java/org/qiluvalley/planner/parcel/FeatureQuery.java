package org.qiluvalley.planner.parcel;

import java.util.Map;

import org.locationtech.jts.geom.Envelope;

/**
 * A page request against one layer.
 *
 * @param bboxCrs84 features whose CRS84 geometry intersects this lon/lat rectangle; null for all
 * @param propertyEquals equality filters on the layer's {@link Layer#filterableProperties()}
 * @param offset features to skip, in the layer's stable order
 * @param limit maximum features to return
 */
public record FeatureQuery(Envelope bboxCrs84, Map<String, String> propertyEquals, int offset, int limit) {

    public FeatureQuery {
        propertyEquals = Map.copyOf(propertyEquals);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    public static FeatureQuery all() {
        return new FeatureQuery(null, Map.of(), 0, Integer.MAX_VALUE);
    }
}
