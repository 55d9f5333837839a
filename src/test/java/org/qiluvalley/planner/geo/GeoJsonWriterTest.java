package org.qiluvalley.planner.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@link GeoJson#writeGeometry} writes a polygon without holes exactly as the general way does (a copy normalized by
 * JTS, its rings reversed, each ordinate through {@code writeNumber(double)}), which is kept here as the reference:
 * rings starting anywhere, in either orientation, with repeated least coordinates, collinear and degenerate ones.
 */
class GeoJsonWriterTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Test
    void polygonsAsTheNormalizedCopyWritesThem() {
        SplittableRandom random = new SplittableRandom(4548);
        for (int i = 0; i < 20_000; i++) {
            Polygon polygon = randomPolygon(random);
            for (int decimals : new int[] {8, 3}) {
                assertThat(write(out -> GeoJson.writeGeometry(out, polygon, decimals)))
                        .as("%s", polygon).isEqualTo(write(out -> reference(out, polygon, decimals)));
            }
        }
    }

    @Test
    void multiPolygonsAndPolygonsWithHolesToo() {
        SplittableRandom random = new SplittableRandom(84);
        for (int i = 0; i < 2_000; i++) {
            Polygon a = randomPolygon(random);
            Polygon b = randomPolygon(random);
            Geometry multi = FACTORY.createMultiPolygon(new Polygon[] {a, b});
            assertThat(write(out -> GeoJson.writeGeometry(out, multi, 8)))
                    .isEqualTo(write(out -> {
                        out.writeStartObject();
                        out.writeStringProperty("type", "MultiPolygon");
                        out.writeName("coordinates");
                        out.writeStartArray();
                        referenceRings(out, a, 8);
                        referenceRings(out, b, 8);
                        out.writeEndArray();
                        out.writeEndObject();
                    }));
        }
        Polygon withHole = FACTORY.createPolygon(ring(new double[] {0, 0, 10, 0, 10, 10, 0, 10}),
                new LinearRing[] {ring(new double[] {2, 2, 2, 4, 4, 4, 4, 2})});
        assertThat(write(out -> GeoJson.writeGeometry(out, withHole, 8)))
                .isEqualTo(write(out -> reference(out, withHole, 8)));
    }

    private static Polygon randomPolygon(SplittableRandom random) {
        int corners = random.nextInt(3, 9);
        double x = 117 + random.nextDouble(), y = 36 + random.nextDouble();
        double[] xy = new double[2 * corners];
        boolean degenerate = random.nextInt(20) == 0;
        for (int c = 0; c < corners; c++) {
            double angle = 2 * Math.PI * c / corners;
            double radius = 0.001 * (0.5 + random.nextDouble());
            xy[2 * c] = degenerate ? x + c * 1e-4 : x + radius * Math.cos(angle);
            xy[2 * c + 1] = degenerate ? y : y + radius * Math.sin(angle);
            if (random.nextInt(6) == 0 && c > 0) {
                // the same least x again, or a flat top: ties for normalize() and isCCW()
                xy[2 * c] = xy[2 * (c - 1)];
            }
        }
        if (random.nextBoolean()) {
            // clockwise
            for (int c = 0; c < corners / 2; c++) {
                int d = corners - 1 - c;
                double tx = xy[2 * c], ty = xy[2 * c + 1];
                xy[2 * c] = xy[2 * d];
                xy[2 * c + 1] = xy[2 * d + 1];
                xy[2 * d] = tx;
                xy[2 * d + 1] = ty;
            }
        }
        int start = random.nextInt(corners);
        double[] rotated = new double[xy.length];
        for (int c = 0; c < corners; c++) {
            rotated[2 * c] = xy[2 * ((start + c) % corners)];
            rotated[2 * c + 1] = xy[2 * ((start + c) % corners) + 1];
        }
        return FACTORY.createPolygon(ring(rotated));
    }

    private static LinearRing ring(double[] xy) {
        Coordinate[] coordinates = new Coordinate[xy.length / 2 + 1];
        for (int c = 0; c < xy.length / 2; c++) {
            coordinates[c] = new Coordinate(xy[2 * c], xy[2 * c + 1]);
        }
        coordinates[coordinates.length - 1] = coordinates[0].copy();
        return FACTORY.createLinearRing(coordinates);
    }

    /** The general way, as GeoJson wrote every polygon before F12. */
    private static void reference(JsonGenerator out, Polygon polygon, int decimals) {
        out.writeStartObject();
        out.writeStringProperty("type", "Polygon");
        out.writeName("coordinates");
        referenceRings(out, polygon, decimals);
        out.writeEndObject();
    }

    private static void referenceRings(JsonGenerator out, Polygon polygon, int decimals) {
        out.writeStartArray();
        Polygon oriented = (Polygon) polygon.copy();
        oriented.normalize();
        List<CoordinateSequence> rings = new ArrayList<>();
        rings.add(oriented.getExteriorRing().reverse().getCoordinateSequence());
        for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
            rings.add(oriented.getInteriorRingN(i).reverse().getCoordinateSequence());
        }
        for (CoordinateSequence seq : rings) {
            out.writeStartArray();
            for (int i = 0; i < seq.size(); i++) {
                out.writeStartArray();
                out.writeNumber(GeoJson.round(seq.getX(i), decimals));
                out.writeNumber(GeoJson.round(seq.getY(i), decimals));
                out.writeEndArray();
            }
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    private static String write(java.util.function.Consumer<JsonGenerator> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            writer.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
