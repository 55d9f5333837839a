package org.qiluvalley.planner.parcel;

import org.locationtech.jts.geom.Geometry;

/**
 * The park boundary (kind {@code boundary}) or one of its construction phases (kind {@code phase}).
 *
 * @param phase 1 or 2 for a phase, null for the boundary
 * @param areaSquareMetres area computed in EPSG:4548, m²
 */
public record ValleyPart(String id, String kind, Integer phase, String nameEn, String nameZh, double areaSquareMetres,
        Geometry planar, Geometry crs84) {
}
