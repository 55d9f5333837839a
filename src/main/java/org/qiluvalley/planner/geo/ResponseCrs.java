package org.qiluvalley.planner.geo;

import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The CRS a client names for coordinates it sends and wants back: CRS84 (the default) or EPSG:4548. */
public enum ResponseCrs {
    CRS84(Crs.CRS84_URI, CrsTransform.CRS84, GeoJson.CRS84_DECIMALS),
    PLANAR(Crs.PLANAR_URI, CrsTransform.PLANAR, GeoJson.PLANAR_DECIMALS);

    private final String uri;
    private final GeometryFactory factory;
    private final int decimals;

    ResponseCrs(String uri, GeometryFactory factory, int decimals) {
        this.uri = uri;
        this.factory = factory;
        this.decimals = decimals;
    }

    /** Accepts the OGC URIs and the short forms {@code CRS84}, {@code OGC:CRS84}, {@code EPSG:4548}. */
    public static Optional<ResponseCrs> fromName(String name) {
        return switch (name) {
            case Crs.CRS84_URI, "CRS84", "OGC:CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84" -> Optional.of(CRS84);
            case Crs.PLANAR_URI, "EPSG:4548", "urn:ogc:def:crs:EPSG::4548" -> Optional.of(PLANAR);
            default -> Optional.empty();
        };
    }

    public String uri() {
        return uri;
    }

    /** Factory whose SRID marks geometries read in this CRS. */
    public GeometryFactory factory() {
        return factory;
    }

    public int decimals() {
        return decimals;
    }

    /** A geometry in this CRS, to EPSG:4548. */
    public Geometry toPlanar(Geometry geometry) {
        return this == PLANAR ? geometry : CrsTransform.toPlanar(geometry);
    }

    /** An EPSG:4548 geometry, to this CRS. */
    public Geometry fromPlanar(Geometry planar) {
        return this == PLANAR ? planar : CrsTransform.toCrs84(planar);
    }
}
