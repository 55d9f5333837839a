package org.qiluvalley.planner.parcel;

import java.time.Instant;

import org.locationtech.jts.geom.Polygon;

/**
 * A parcel (地块), the LADM spatial unit that is allocated.
 *
 * @param id stable id, e.g. {@code QOV-LI-014}
 * @param zone the id of the zone it lies in
 * @param landUse land-use code of the 2023 national classification, e.g. {@code 100101}
 * @param areaSquareMetres area computed in EPSG:4548, m²
 * @param version incremented on every change (the basis of ETags)
 * @param planar the outline in EPSG:4548 metres
 * @param crs84 the same outline in CRS84 lon/lat
 */
public record Parcel(String id, String zone, String landUse, ParcelStatus status, PlanningIndicators indicators,
        double areaSquareMetres, long version, Instant updatedAt, Polygon planar, Polygon crs84) {
}
