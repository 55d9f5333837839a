package org.qiluvalley.planner.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.qiluvalley.planner.geo.CrsTransform;

/** (E)WKB to JTS and back; the common path for geometries between Java and either database. */
public final class WkbGeometries {

    private WkbGeometries() {
    }

    public static Geometry read(byte[] wkb, int srid) {
        if (wkb == null) {
            return null;
        }
        try {
            Geometry geometry = new WKBReader(srid == CrsTransform.PLANAR.getSRID() ? CrsTransform.PLANAR
                    : CrsTransform.CRS84).read(wkb);
            geometry.setSRID(srid);
            return geometry;
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry is not valid WKB", e);
        }
    }

    /** Extended WKB carrying the SRID, 2D. */
    public static byte[] writeExtended(Geometry geometry) {
        return new WKBWriter(2, true).write(geometry);
    }

    /** Plain ISO WKB, 2D. */
    public static byte[] write(Geometry geometry) {
        return new WKBWriter(2, false).write(geometry);
    }
}
