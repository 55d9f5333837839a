package org.qiluvalley.planner.geo;

import java.util.List;

/**
 * The two coordinate reference systems the service speaks.
 *
 * <p>Planar truth is EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E, metres, false easting 500000). The EPSG
 * definition lists northing first; everywhere in this code base x is the easting and y the northing. The API and the
 * seed files speak CRS84 (longitude, latitude; RFC 7946). CGCS2000 and WGS84 differ by centimetres, so CRS84 is used
 * for display as if it were on the CGCS2000 datum.
 */
public final class Crs {

    /** SRID used for CRS84 geometries in the stores (lon/lat axis order, WGS84/CGCS2000 datum). */
    public static final int CRS84_SRID = 4326;

    /** SRID of the planar CRS in which every area, distance and overlap is computed. */
    public static final int PLANAR_SRID = 4548;

    public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public static final String PLANAR_URI = "http://www.opengis.net/def/crs/EPSG/0/4548";

    /** Every CRS a client may name, in the order the API advertises them. */
    public static final List<String> SUPPORTED_URIS = List.of(CRS84_URI, PLANAR_URI);

    /** Square metres in one hectare. */
    public static final double SQUARE_METRES_PER_HECTARE = 10_000.0;

    /** Square metres in one mu (亩): 1 ha = 15 mu. */
    public static final double SQUARE_METRES_PER_MU = 10_000.0 / 15.0;

    private Crs() {
    }
}
