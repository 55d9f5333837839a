package org.qiluvalley.planner.parcel;

/**
 * Sums over a set of parcels, computed in EPSG:4548.
 *
 * @param parcels how many parcels
 * @param areaSquareMetres their land area, m²
 * @param floorAreaCapacitySquareMetres their floor area at the maximum FAR of each (area x farMax), m²
 */
public record AreaTotals(long parcels, double areaSquareMetres, double floorAreaCapacitySquareMetres) {

    public static final AreaTotals NONE = new AreaTotals(0, 0, 0);

    public AreaTotals plus(AreaTotals other) {
        return new AreaTotals(parcels + other.parcels, areaSquareMetres + other.areaSquareMetres,
                floorAreaCapacitySquareMetres + other.floorAreaCapacitySquareMetres);
    }
}
