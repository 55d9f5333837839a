package org.qiluvalley.planner.parcel;

import org.locationtech.jts.geom.Envelope;

/**
 * One logged change of the parcel register (table {@code parcel_register_changes}, migrations V19): a parcel row
 * created ({@code before} null), changed, or deleted ({@code after} null) by the transaction numbered
 * {@code revision}; or, with {@code everything}, a change too wide to replay (a truncate, or a transaction that
 * changed more parcels than are logged one by one), after which a reader rebuilds what it derived.
 */
public record ParcelChange(long revision, boolean everything, Side before, Side after) {

    /** A marker that everything may have changed at {@code revision}. */
    public static ParcelChange everything(long revision) {
        return new ParcelChange(revision, true, null, null);
    }

    /**
     * A parcel row as far as derived views care: its status (wire name), its area (m², EPSG:4548), the bounding box
     * of its EPSG:4548 outline (metres) and of its CRS84 outline (degrees, x longitude, y latitude).
     */
    public record Side(String status, double areaM2, Envelope planar, Envelope crs84) {
    }
}
