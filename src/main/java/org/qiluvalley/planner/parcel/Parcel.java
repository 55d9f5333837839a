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
 * @param offer its reserve price, deposit and readiness, or null when none is recorded
 */
public record Parcel(String id, String zone, String landUse, ParcelStatus status, PlanningIndicators indicators,
        double areaSquareMetres, long version, Instant updatedAt, Polygon planar, Polygon crs84, Offer offer) {

    /** A parcel without an offer. */
    public Parcel(String id, String zone, String landUse, ParcelStatus status, PlanningIndicators indicators,
            double areaSquareMetres, long version, Instant updatedAt, Polygon planar, Polygon crs84) {
        this(id, zone, landUse, status, indicators, areaSquareMetres, version, updatedAt, planar, crs84, null);
    }

    /** The same parcel with {@code offer} (null for none). */
    public Parcel withOffer(Offer offer) {
        return new Parcel(id, zone, landUse, status, indicators, areaSquareMetres, version, updatedAt, planar, crs84,
                offer);
    }

    /** The reserve price per mu of this parcel's area, 万元/亩 to 0.01; null without a reserve price. */
    public Double pricePerMuWanYuan() {
        return offer == null ? null : offer.pricePerMuWanYuan(areaSquareMetres);
    }

    /** True when every readiness item is ready; null when no readiness is recorded. */
    public Boolean fullyReady() {
        return offer == null ? null : offer.fullyReady();
    }
}
