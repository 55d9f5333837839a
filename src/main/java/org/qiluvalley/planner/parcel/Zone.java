package org.qiluvalley.planner.parcel;

import org.locationtech.jts.geom.Geometry;

/**
 * A functional zone of the park (one of the four facilities, enterprise land, or infrastructure).
 *
 * @param category {@code facility}, {@code enterprise} or {@code infrastructure}
 * @param areaSquareMetres area computed in EPSG:4548, m²
 * @param planar Polygon or MultiPolygon in EPSG:4548
 * @param crs84 the same in CRS84
 */
public record Zone(String id, String nameEn, String nameZh, String category, boolean allocatable,
        double areaSquareMetres, Geometry planar, Geometry crs84) {
}
