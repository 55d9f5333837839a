package org.qiluvalley.planner.testsupport;

import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;

import tools.jackson.databind.JsonNode;

/**
 * Geometry text for tests that draw sites in EPSG:4548 (metres) and send them as the API takes them: GeoJSON in
 * CRS84, with full double precision so that a site drawn to the millimetre arrives to the millimetre.
 */
public final class PlanarGeoJson {

    private PlanarGeoJson() {
    }

    /** An axis-aligned rectangle in EPSG:4548, metres. */
    public static Polygon rectangle(double minX, double minY, double widthMetres, double heightMetres) {
        return (Polygon) CrsTransform.PLANAR.toGeometry(new Envelope(minX, minX + widthMetres, minY,
                minY + heightMetres));
    }

    /** A GeoJSON Polygon in CRS84 of a polygon given in EPSG:4548. */
    public static String polygonCrs84(Polygon planar) {
        Geometry crs84 = CrsTransform.toCrs84(planar);
        StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[");
        Polygon polygon = (Polygon) crs84;
        ring(json, polygon.getExteriorRing().getCoordinates());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            json.append(',');
            ring(json, polygon.getInteriorRingN(i).getCoordinates());
        }
        return json.append("]}").toString();
    }

    /** A GeoJSON geometry (CRS84) as read from a response, in EPSG:4548. */
    public static Geometry readPlanar(JsonNode geometry) {
        return CrsTransform.toPlanar(GeoJson.readGeometry(geometry, CrsTransform.CRS84));
    }

    private static void ring(StringBuilder json, Coordinate[] coordinates) {
        json.append('[');
        for (int i = 0; i < coordinates.length; i++) {
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.10f,%.10f]", coordinates[i].x,
                    coordinates[i].y));
        }
        json.append(']');
    }
}
