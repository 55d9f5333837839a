package org.qiluvalley.planner.features;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/** A feature as the API shows it: id, the public properties in a fixed order, geometry in CRS84. */
public record FeatureView(String id, Map<String, Object> properties, Geometry crs84) {
}
