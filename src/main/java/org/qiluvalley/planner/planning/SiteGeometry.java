package org.qiluvalley.planner.planning;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geo.InvalidGeometryException;
import org.qiluvalley.planner.geo.OgcCrs;
import org.qiluvalley.planner.geo.ResponseCrs;

import tools.jackson.databind.JsonNode;

/**
 * A site outline sent by a client (a GeoJSON Polygon in CRS84 or another CRS), read and placed in EPSG:4548, or a
 * 400 saying what is wrong with it. An invalid polygon (self-intersecting...) is read as is: the rule
 * {@code geometry.valid} reports it as a finding with its location.
 */
public final class SiteGeometry {

    /** A site wider than this (degrees of CRS84, about 50 km here) is not a site: refused as absurd. */
    public static final double MAX_SPAN_DEGREES = 0.5;
    /** The same, metres of EPSG:4548. */
    public static final double MAX_SPAN_METRES = 50_000;
    /** A cutting line with more positions than this is not a planner's drawing. */
    public static final int MAX_LINE_VERTICES = 1_000;

    private static final GeometryFactory UNTYPED = new GeometryFactory();

    private SiteGeometry() {
    }

    /**
     * A site sent to the OGC API with {@code Content-Crs} (or without, in CRS84): positions in the axis order of the
     * CRS's definition, as the OGC API answers them (OGC API Features Part 2), so that a feature read with
     * {@code crs=...} can be written back unchanged: EPSG:4548 northing first, EPSG:4490 latitude first.
     */
    public static Polygon parse(JsonNode node, OgcCrs crs) {
        Geometry geometry;
        try {
            geometry = GeoJson.readGeometry(node, UNTYPED);
        } catch (InvalidGeometryException e) {
            throw new InvalidInputException("geometry: " + e.getMessage());
        }
        if (!(geometry instanceof Polygon)) {
            throw new InvalidInputException("geometry must be a GeoJSON Polygon, not " + geometry.getGeometryType());
        }
        if (crs == OgcCrs.CGCS2000_GK_CM_117E) {
            return placed(ResponseCrs.PLANAR, crs.toPlanar(geometry));
        }
        return placed(ResponseCrs.CRS84, crs.toCrs84(geometry));
    }

    /** A site sent to the allocation API: CRS84, or EPSG:4548 as [easting, northing] (see the README). */
    public static Polygon parse(JsonNode node, ResponseCrs crs) {
        Geometry geometry;
        try {
            geometry = GeoJson.readGeometry(node, crs.factory());
        } catch (InvalidGeometryException e) {
            throw new InvalidInputException("geometry: " + e.getMessage());
        }
        if (!(geometry instanceof Polygon)) {
            throw new InvalidInputException("geometry must be a GeoJSON Polygon, not " + geometry.getGeometryType());
        }
        return placed(crs, geometry);
    }

    /**
     * A cutting line sent to the split API: a GeoJSON LineString in CRS84, or EPSG:4548 as [easting, northing],
     * placed in EPSG:4548.
     */
    public static LineString parseLine(JsonNode node, ResponseCrs crs) {
        Geometry geometry;
        try {
            geometry = GeoJson.readGeometry(node, crs.factory());
        } catch (InvalidGeometryException e) {
            throw new InvalidInputException("line: " + e.getMessage());
        }
        if (!(geometry instanceof LineString line) || line.getNumPoints() < 2) {
            throw new InvalidInputException("line must be a GeoJSON LineString of at least two positions, not "
                    + geometry.getGeometryType());
        }
        if (line.getNumPoints() > MAX_LINE_VERTICES) {
            throw new InvalidInputException("line has more than " + MAX_LINE_VERTICES + " positions");
        }
        return (LineString) placedGeometry(crs, line);
    }

    /** Checks {@code geometry}, read in {@code crs} with x easting or longitude, and places it in EPSG:4548. */
    private static Polygon placed(ResponseCrs crs, Geometry geometry) {
        return (Polygon) placedGeometry(crs, geometry);
    }

    private static Geometry placedGeometry(ResponseCrs crs, Geometry geometry) {
        Envelope envelope = geometry.getEnvelopeInternal();
        if (crs == ResponseCrs.CRS84) {
            if (envelope.getMinX() < -180 || envelope.getMaxX() > 180 || envelope.getMinY() < -90
                    || envelope.getMaxY() > 90) {
                throw new InvalidInputException("geometry coordinates are outside longitude -180..180, latitude -90..90; "
                        + "CRS84 is longitude first");
            }
            if (envelope.getWidth() > MAX_SPAN_DEGREES || envelope.getHeight() > MAX_SPAN_DEGREES) {
                throw new InvalidInputException("the site spans more than " + MAX_SPAN_DEGREES + " degrees: not a site");
            }
        } else if (envelope.getWidth() > MAX_SPAN_METRES || envelope.getHeight() > MAX_SPAN_METRES) {
            throw new InvalidInputException("the site spans more than " + MAX_SPAN_METRES + " m: not a site");
        }
        Geometry planar = crs.toPlanar(geometry);
        for (Coordinate c : planar.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new InvalidInputException("geometry cannot be placed in EPSG:4548 (coordinates out of range)");
            }
        }
        return planar;
    }
}
