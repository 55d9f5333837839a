package org.qiluvalley.planner.parcel;

import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.geo.GeoJson;

/**
 * What a parcel is offered at and how ready it is for building: the reserve price (起始价) and the bidding deposit
 * (竞买保证金), both in 万元 (10,000 yuan), and the readiness of its utilities and site works (七通一平). Public for
 * available parcels only. Each part may be absent; a parcel with none of them has no offer (null).
 *
 * <p>The price per mu is derived, never stored by a client: the reserve price divided by the parcel's area in mu
 * (its EPSG:4548 area; 1 mu = 10,000/15 m²), rounded to 0.01 万元. The store keeps the derived value next to the
 * price so that a filter compares exactly what the API serves.
 *
 * @param reservePriceWanYuan the reserve price, 万元, above 0; null when not set
 * @param depositWanYuan the deposit, 万元, 0 or more and not above the reserve price; null when not set
 * @param readiness the readiness of the eight items, or null when not recorded
 */
public record Offer(Double reservePriceWanYuan, Double depositWanYuan, Readiness readiness) {

    /** The largest price or deposit the register takes, 万元 (1,000 亿元): a bound on typing errors. */
    public static final double MAX_WAN_YUAN = 10_000_000;

    public Offer {
        if (reservePriceWanYuan != null && (!Double.isFinite(reservePriceWanYuan) || reservePriceWanYuan <= 0
                || reservePriceWanYuan > MAX_WAN_YUAN)) {
            throw new IllegalArgumentException("a reserve price is above 0 and at most " + MAX_WAN_YUAN + " 万元");
        }
        if (depositWanYuan != null && (!Double.isFinite(depositWanYuan) || depositWanYuan < 0
                || depositWanYuan > MAX_WAN_YUAN)) {
            throw new IllegalArgumentException("a deposit is from 0 to " + MAX_WAN_YUAN + " 万元");
        }
        if (reservePriceWanYuan != null && depositWanYuan != null && depositWanYuan > reservePriceWanYuan) {
            throw new IllegalArgumentException("the deposit cannot exceed the reserve price");
        }
    }

    /** The offer of these parts, or null when all three are null (no offer). */
    public static Offer of(Double reservePriceWanYuan, Double depositWanYuan, Readiness readiness) {
        if (reservePriceWanYuan == null && depositWanYuan == null && readiness == null) {
            return null;
        }
        return new Offer(reservePriceWanYuan, depositWanYuan, readiness);
    }

    /**
     * The reserve price per mu of a parcel of {@code areaSquareMetres} (EPSG:4548), 万元/亩 rounded to 0.01; null
     * without a reserve price.
     */
    public Double pricePerMuWanYuan(double areaSquareMetres) {
        if (reservePriceWanYuan == null || !(areaSquareMetres > 0)) {
            return null;
        }
        return GeoJson.round(reservePriceWanYuan / (areaSquareMetres / Crs.SQUARE_METRES_PER_MU), 2);
    }

    /** True when every item is ready, false when one is not; null when readiness is not recorded. */
    public Boolean fullyReady() {
        return readiness == null ? null : readiness.fullyReady();
    }
}
