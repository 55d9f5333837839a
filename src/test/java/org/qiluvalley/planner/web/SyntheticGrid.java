package org.qiluvalley.planner.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.PlanningIndicators;

/**
 * A large register for the browser tests: a square grid of synthetic laser-industry parcels east of the park, one
 * per cell, inset from the cell's edges (so neighbours never touch), inserted straight into the store. Every 7th
 * parcel is allocated, every 5th (of the rest) reserved, the others available.
 *
 * @param eastMetres the grid's south-west corner, EPSG:4548 easting
 * @param northMetres the grid's south-west corner, EPSG:4548 northing
 * @param cellMetres a cell's side, m
 * @param insetMetres the gap between a parcel and its cell's edge, m
 * @param cellsPerSide cells per side: the grid holds the square of it
 */
record SyntheticGrid(double eastMetres, double northMetres, double cellMetres, double insetMetres, int cellsPerSide) {

    private static final PlanningIndicators INDICATORS = new PlanningIndicators(1.0, 2.5, 0.3, 0.6, 0.1, 0.2, 40, 5);

    /** The id of the parcel of cell {@code n} ({@code i * cellsPerSide + j}), with {@code digits} digits. */
    static String id(int n, int digits) {
        return String.format(Locale.ROOT, "SYN-%0" + digits + "d", n);
    }

    /** A point given in EPSG:4548 metres, in CRS84: {lon, lat}. */
    static double[] lonLat(double easting, double northing) {
        Coordinate c = CrsTransform.toCrs84(CrsTransform.PLANAR.createPoint(new Coordinate(easting, northing)))
                .getCoordinate();
        return new double[] {c.x, c.y};
    }

    /** Inserts every parcel of the grid, {@code batch} at a time; ids have {@code digits} digits. */
    void insertInto(ParcelStore store, int batch, int digits) {
        List<Parcel> parcels = new ArrayList<>(batch);
        Instant now = Instant.now();
        double side = cellMetres - 2 * insetMetres;
        for (int i = 0; i < cellsPerSide; i++) {
            for (int j = 0; j < cellsPerSide; j++) {
                double x0 = eastMetres + i * cellMetres + insetMetres;
                double y0 = northMetres + j * cellMetres + insetMetres;
                Polygon planar = CrsTransform.PLANAR.createPolygon(new Coordinate[] {
                    new Coordinate(x0, y0), new Coordinate(x0 + side, y0), new Coordinate(x0 + side, y0 + side),
                    new Coordinate(x0, y0 + side), new Coordinate(x0, y0)
                });
                int n = i * cellsPerSide + j;
                ParcelStatus status = n % 7 == 0 ? ParcelStatus.ALLOCATED
                        : n % 5 == 0 ? ParcelStatus.RESERVED : ParcelStatus.AVAILABLE;
                parcels.add(new Parcel(id(n, digits), "laser-industry", "100101", status, INDICATORS, planar.getArea(),
                        1, now, planar, (Polygon) CrsTransform.toCrs84(planar)));
                if (parcels.size() == batch) {
                    store.insertParcelsIfAbsent(parcels);
                    parcels.clear();
                }
            }
        }
        store.insertParcelsIfAbsent(parcels);
    }
}
