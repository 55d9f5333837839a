package org.qiluvalley.planner.geo;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequences;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * GeoJSON (RFC 7946) geometry codec over Jackson's streaming writer and tree reader.
 *
 * <p>Writing rounds each ordinate to a fixed number of decimals so that output is deterministic and compact
 * (8 decimals of a degree is about 1 mm; 3 decimals of a metre is 1 mm). Reading checks what a hostile or broken
 * document could do: wrong types, non-finite numbers, unclosed rings, too many vertices.
 */
public final class GeoJson {

    /** Decimals written for CRS84 degrees: 1e-8 degree is about 1.1 mm of latitude. */
    public static final int CRS84_DECIMALS = 8;
    /** Decimals written for EPSG:4548 metres: 1 mm. */
    public static final int PLANAR_DECIMALS = 3;
    /** Upper bound on vertices in one geometry a client or file may send. */
    public static final int MAX_VERTICES = 100_000;

    private GeoJson() {
    }

    /** Rounds half away from zero to {@code decimals} places; the double printed back is the short decimal. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    public static void writeGeometry(JsonGenerator out, Geometry geometry, int decimals) {
        out.writeStartObject();
        if (geometry instanceof Point point) {
            out.writeStringProperty("type", "Point");
            out.writeName("coordinates");
            writePosition(out, point.getCoordinateSequence(), 0, decimals);
        } else if (geometry instanceof LineString line) {
            out.writeStringProperty("type", "LineString");
            out.writeName("coordinates");
            writeSequence(out, line.getCoordinateSequence(), decimals);
        } else if (geometry instanceof Polygon polygon) {
            out.writeStringProperty("type", "Polygon");
            out.writeName("coordinates");
            writePolygon(out, polygon, decimals);
        } else if (geometry instanceof MultiPolygon multi) {
            out.writeStringProperty("type", "MultiPolygon");
            out.writeName("coordinates");
            out.writeStartArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                writePolygon(out, (Polygon) multi.getGeometryN(i), decimals);
            }
            out.writeEndArray();
        } else if (geometry instanceof MultiLineString multi) {
            out.writeStringProperty("type", "MultiLineString");
            out.writeName("coordinates");
            out.writeStartArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                writeSequence(out, ((LineString) multi.getGeometryN(i)).getCoordinateSequence(), decimals);
            }
            out.writeEndArray();
        } else if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint)) {
            out.writeStringProperty("type", "GeometryCollection");
            out.writeName("geometries");
            out.writeStartArray();
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                writeGeometry(out, collection.getGeometryN(i), decimals);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("no GeoJSON writer for " + geometry.getGeometryType());
        }
        out.writeEndObject();
    }

    private static void writePolygon(JsonGenerator out, Polygon polygon, int decimals) {
        out.writeStartArray();
        if (polygon.getNumInteriorRing() == 0 && !polygon.isEmpty()) {
            writeShell(out, polygon.getExteriorRing().getCoordinateSequence(), decimals);
        } else {
            // RFC 7946 section 3.1.6: exterior rings counter-clockwise, holes clockwise.
            Polygon oriented = (Polygon) polygon.copy();
            oriented.normalize();
            writeSequence(out, oriented.getExteriorRing().reverse().getCoordinateSequence(), decimals);
            for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
                writeSequence(out, oriented.getInteriorRingN(i).reverse().getCoordinateSequence(), decimals);
            }
        }
        out.writeEndArray();
    }

    /**
     * The exterior ring of a polygon without holes as the general case above writes it ({@link Polygon#normalize}
     * on a copy, then reversed), without the three copies of its coordinates that takes: normalizing starts the
     * ring at its least coordinate ({@link CoordinateSequences#scroll}) and makes it clockwise, so the ring
     * written is the scrolled ring itself when that is counter-clockwise, else the scrolled ring reversed. The
     * orientation is decided by the same {@link Orientation#isCCW} on the same scrolled coordinates, so rings
     * whose orientation is degenerate come out as before too.
     */
    private static void writeShell(JsonGenerator out, CoordinateSequence ring, int decimals) {
        int size = ring.size();
        int last = size - 1;
        int first = CoordinateSequences.minCoordinateIndex(ring, 0, size - 2);
        double[] scrolled = new double[2 * size];
        for (int i = 0; i < size; i++) {
            // scroll() leaves a ring that starts at its least coordinate as it is, closing point included.
            int from = first <= 0 ? i : i == last ? first : (first + i) % last;
            scrolled[2 * i] = ring.getX(from);
            scrolled[2 * i + 1] = ring.getY(from);
        }
        boolean counterClockwise = Orientation.isCCW(new PackedCoordinateSequence.Double(scrolled, 2, 0));
        char[] text = new char[JsonNumbers.MAX_LENGTH];
        out.writeStartArray();
        for (int i = 0; i < size; i++) {
            int at = 2 * (counterClockwise ? i : last - i);
            writePosition(out, scrolled[at], scrolled[at + 1], decimals, text);
        }
        out.writeEndArray();
    }

    private static void writeSequence(JsonGenerator out, CoordinateSequence seq, int decimals) {
        char[] text = new char[JsonNumbers.MAX_LENGTH];
        out.writeStartArray();
        for (int i = 0; i < seq.size(); i++) {
            writePosition(out, seq.getX(i), seq.getY(i), decimals, text);
        }
        out.writeEndArray();
    }

    private static void writePosition(JsonGenerator out, CoordinateSequence seq, int i, int decimals) {
        writePosition(out, seq.getX(i), seq.getY(i), decimals, new char[JsonNumbers.MAX_LENGTH]);
    }

    /** A position, each ordinate rounded as {@link #round} and written as {@code writeNumber(double)} would. */
    private static void writePosition(JsonGenerator out, double x, double y, int decimals, char[] text) {
        out.writeStartArray();
        JsonNumbers.write(out, round(x, decimals), text);
        JsonNumbers.write(out, round(y, decimals), text);
        out.writeEndArray();
    }

    /**
     * Reads a GeoJSON geometry object. The factory decides the SRID of the result; the caller knows the CRS.
     *
     * @throws InvalidGeometryException when the document is not a well-formed GeoJSON geometry
     */
    public static Geometry readGeometry(JsonNode node, GeometryFactory factory) {
        if (node == null || !node.isObject()) {
            throw new InvalidGeometryException("geometry must be a GeoJSON geometry object");
        }
        JsonNode type = node.get("type");
        JsonNode coordinates = node.get("coordinates");
        if (type == null || !type.isString()) {
            throw new InvalidGeometryException("geometry has no \"type\"");
        }
        if (coordinates == null || !coordinates.isArray()) {
            throw new InvalidGeometryException("geometry has no \"coordinates\" array");
        }
        int[] budget = {MAX_VERTICES};
        return switch (type.stringValue()) {
            case "Point" -> factory.createPoint(position(coordinates, budget));
            case "LineString" -> factory.createLineString(positions(coordinates, 2, budget));
            case "Polygon" -> polygon(coordinates, factory, budget);
            case "MultiPolygon" -> {
                List<Polygon> parts = new ArrayList<>();
                for (JsonNode part : coordinates) {
                    parts.add(polygon(part, factory, budget));
                }
                if (parts.isEmpty()) {
                    throw new InvalidGeometryException("MultiPolygon has no polygons");
                }
                yield factory.createMultiPolygon(parts.toArray(Polygon[]::new));
            }
            case "MultiLineString" -> {
                List<LineString> parts = new ArrayList<>();
                for (JsonNode part : coordinates) {
                    parts.add(factory.createLineString(positions(part, 2, budget)));
                }
                yield factory.createMultiLineString(parts.toArray(LineString[]::new));
            }
            default -> throw new InvalidGeometryException("unsupported geometry type \"" + type.stringValue() + "\"");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory, int[] budget) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidGeometryException("Polygon needs at least one linear ring");
        }
        LinearRing shell = ring(rings.get(0), factory, budget);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory, budget);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode node, GeometryFactory factory, int[] budget) {
        Coordinate[] coordinates = positions(node, 4, budget);
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new InvalidGeometryException("linear ring is not closed (first and last positions differ)");
        }
        return factory.createLinearRing(coordinates);
    }

    private static Coordinate[] positions(JsonNode node, int minimum, int[] budget) {
        if (node == null || !node.isArray() || node.size() < minimum) {
            throw new InvalidGeometryException("coordinate array needs at least " + minimum + " positions");
        }
        budget[0] -= node.size();
        if (budget[0] < 0) {
            throw new InvalidGeometryException("geometry has more than " + MAX_VERTICES + " vertices");
        }
        Coordinate[] result = new Coordinate[node.size()];
        for (int i = 0; i < node.size(); i++) {
            result[i] = position(node.get(i), budget);
        }
        return result;
    }

    private static Coordinate position(JsonNode node, int[] budget) {
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > 3) {
            throw new InvalidGeometryException("a position is an array of 2 (or 3) numbers");
        }
        double x = number(node.get(0));
        double y = number(node.get(1));
        return new Coordinate(x, y);
    }

    private static double number(JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw new InvalidGeometryException("coordinates must be numbers");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new InvalidGeometryException("coordinates must be finite numbers");
        }
        return value;
    }
}
