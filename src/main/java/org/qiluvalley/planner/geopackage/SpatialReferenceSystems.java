package org.qiluvalley.planner.geopackage;

import java.util.List;

/**
 * The rows of {@code gpkg_spatial_ref_sys} in a GeoPackage written here: the three the standard requires (OGC
 * 12-128r18, requirements 11: EPSG:4326, the undefined Cartesian SRS -1 and the undefined geographic SRS 0) and
 * EPSG:4548, the SRS of every layer written here.
 *
 * <p>The WKT definitions are PROJ's (PROJ 9.1 with its EPSG database, through GDAL 3.6.2 on Debian 12), printed by
 * {@code gdalsrsinfo -o wkt1 --single-line EPSG:4548} and {@code gdalsrsinfo -o wkt1 --single-line EPSG:4326}: the
 * same WKT 1 text GDAL's own GeoPackage driver writes into this table. The EPSG definition of 4548 lists northing
 * first (its AXIS lines); GeoPackage geometries are always x = easting, y = northing, as GIS clients read them.
 */
final class SpatialReferenceSystems {

    /** A row of {@code gpkg_spatial_ref_sys}. */
    record Row(String srsName, int srsId, String organization, int organizationCoordsysId, String definition,
            String description) {
    }

    /** EPSG:4548, from {@code gdalsrsinfo -o wkt1 --single-line EPSG:4548} (GDAL 3.6.2, PROJ 9.1). */
    static final String EPSG_4548_WKT = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 117E\","
            + "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]],"
            + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
            + "PARAMETER[\"central_meridian\",117],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],"
            + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
            + "AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"4548\"]]";

    /** EPSG:4326, from {@code gdalsrsinfo -o wkt1 --single-line EPSG:4326} (GDAL 3.6.2, PROJ 9.1). */
    static final String EPSG_4326_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
            + "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    static final int EPSG_4548_SRS_ID = 4548;

    static final List<Row> ROWS = List.of(
            new Row("WGS 84 geodetic", 4326, "EPSG", 4326, EPSG_4326_WKT,
                    "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
            new Row("Undefined Cartesian SRS", -1, "NONE", -1, "undefined",
                    "undefined Cartesian coordinate reference system"),
            new Row("Undefined geographic SRS", 0, "NONE", 0, "undefined",
                    "undefined geographic coordinate reference system"),
            new Row("CGCS2000 / 3-degree Gauss-Kruger CM 117E", EPSG_4548_SRS_ID, "EPSG", 4548, EPSG_4548_WKT,
                    "CGCS2000 / 3-degree Gauss-Kruger CM 117E: x easting, y northing, metres"));

    private SpatialReferenceSystems() {
    }
}
