package org.qiluvalley.planner.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms geometries between CRS84 (lon/lat degrees) and EPSG:4548 (easting/northing metres) with Proj4J.
 *
 * <p>Proj4J transforms keep scratch state, so each thread gets its own pair. Results carry the target SRID.
 */
public final class CrsTransform {

    /** EPSG:4548 as Proj4J reads it; identical to the EPSG registry's definition. */
    static final String PLANAR_PROJ4 = "+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs";
    static final String CRS84_PROJ4 = "+proj=longlat +ellps=GRS80 +no_defs";

    /** Geometry factory for EPSG:4548 geometries (floating precision). */
    public static final GeometryFactory PLANAR = new GeometryFactory(new PrecisionModel(), Crs.PLANAR_SRID);
    /** Geometry factory for CRS84 geometries (floating precision). */
    public static final GeometryFactory CRS84 = new GeometryFactory(new PrecisionModel(), Crs.CRS84_SRID);

    private static final ThreadLocal<CoordinateTransform[]> TRANSFORMS = ThreadLocal.withInitial(() -> {
        CRSFactory factory = new CRSFactory();
        CoordinateReferenceSystem geographic = factory.createFromParameters("CRS84", CRS84_PROJ4);
        CoordinateReferenceSystem planar = factory.createFromParameters("EPSG:4548", PLANAR_PROJ4);
        return new CoordinateTransform[] {
            new BasicCoordinateTransform(geographic, planar), new BasicCoordinateTransform(planar, geographic)
        };
    });

    private CrsTransform() {
    }

    /** CRS84 (lon, lat) to EPSG:4548 (easting, northing) metres. */
    public static Geometry toPlanar(Geometry crs84) {
        return transform(crs84, TRANSFORMS.get()[0], PLANAR);
    }

    /** EPSG:4548 metres to CRS84 (lon, lat) degrees. */
    public static Geometry toCrs84(Geometry planar) {
        return transform(planar, TRANSFORMS.get()[1], CRS84);
    }

    private static Geometry transform(Geometry source, CoordinateTransform transform, GeometryFactory target) {
        Geometry copy = target.createGeometry(source);
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                transform.transform(in, out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
