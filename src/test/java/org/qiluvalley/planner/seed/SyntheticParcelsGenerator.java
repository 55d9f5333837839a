package org.qiluvalley.planner.seed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.rules.ZoneRules;
import org.qiluvalley.planner.rules.ZoningRuleBook;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes N synthetic parcels as a GeoJSON FeatureCollection (CRS84, 8 decimals, one feature per line) for import
 * and scale benchmarks. Not committed data: {@code scripts/make-synthetic-parcels.sh N OUT.geojson [SEED]}.
 *
 * <p>The parcels tile a jittered grid in EPSG:4548 centred on E 520000 / N 4067000 (Jinan): column widths and row
 * heights are drawn from 75..322 m, and each parcel is its cell with every corner moved 3..10 m inwards along both
 * axes. So parcels never overlap, are always valid convex quadrilaterals, and their areas lie within
 * (75-20)² = 3,025 m² and (322-6)² = 99,856 m², i.e. 0.3..10 ha. The grid is at most {@link #MAX_COLUMNS} cells
 * wide (about 200 km), so that even a million parcels stay well inside the longitude band of EPSG:4548; more
 * parcels make it taller.
 *
 * <p>Deterministic for a given count and seed. Streams: memory holds the grid's column and row sizes only, never the
 * parcels, so a million parcels (about 450 MB of GeoJSON) need no more memory than a hundred.
 */
public final class SyntheticParcelsGenerator {

    public static final long DEFAULT_SEED = 4548L;
    public static final long MAX_COUNT = 10_000_000L;

    /** Grid centre, EPSG:4548 metres (about 117.22 E, 36.74 N). */
    static final double CENTRE_EASTING = 520_000;
    static final double CENTRE_NORTHING = 4_067_000;
    /** Cell sizes, metres: see the class comment for how they bound parcel areas. */
    static final double MIN_CELL_METRES = 75;
    static final double MAX_CELL_METRES = 322;
    /** How far each corner moves inwards along each axis, metres. */
    static final double MIN_INSET_METRES = 3;
    static final double MAX_INSET_METRES = 10;
    /** About 200 km at the mean cell width: the grid then spans 116.1..118.3 E, inside EPSG:4548's 115.5..118.5. */
    static final int MAX_COLUMNS = 1000;

    /** Allocatable zones and how often each is drawn: mostly enterprise land, as in the park. */
    private static final List<String> ZONES = List.of("laser-industry", "incubator", "research-institute",
            "exchange-center", "exhibition");
    private static final double[] ZONE_WEIGHTS = {0.72, 0.07, 0.07, 0.07, 0.07};
    private static final List<String> STATUSES = List.of("available", "reserved", "allocated");
    private static final double[] STATUS_WEIGHTS = {0.80, 0.12, 0.08};

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final ZoningRuleBook rules;
    private final long seed;

    public SyntheticParcelsGenerator(ZoningRuleBook rules, long seed) {
        for (String zone : ZONES) {
            ZoneRules zoneRules = rules.zone(zone)
                    .orElseThrow(() -> new IllegalArgumentException("the rule book has no zone " + zone));
            if (!zoneRules.allocatable()) {
                throw new IllegalArgumentException("zone " + zone + " is not allocatable in the rule book");
            }
        }
        this.rules = rules;
        this.seed = seed;
    }

    /** Usage: {@code SyntheticParcelsGenerator N OUT.geojson [SEED]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: SyntheticParcelsGenerator N OUT.geojson [SEED]   (N from 1 to " + MAX_COUNT
                    + ", SEED default " + DEFAULT_SEED + ")");
            System.exit(2);
        }
        long count;
        long seed;
        try {
            count = Long.parseLong(args[0].replace("_", ""));
            seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        } catch (NumberFormatException e) {
            System.err.println("N and SEED must be whole numbers: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (count < 1 || count > MAX_COUNT) {
            System.err.println("N must be from 1 to " + MAX_COUNT + ", got " + count);
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        long start = System.nanoTime();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            new SyntheticParcelsGenerator(bundledRuleBook(), seed).write(count, file);
        }
        System.err.printf("wrote %,d synthetic parcels (seed %d) to %s: %.1f MB in %.1f s%n", count, seed, out,
                Files.size(out) / 1e6, (System.nanoTime() - start) / 1e9);
    }

    /** The rule book bundled with the application ({@code gis-data/zoning-rules.yaml} on the class path). */
    static ZoningRuleBook bundledRuleBook() throws IOException {
        try (InputStream in = SyntheticParcelsGenerator.class.getClassLoader()
                .getResourceAsStream("gis-data/zoning-rules.yaml")) {
            if (in == null) {
                throw new IOException("gis-data/zoning-rules.yaml is not on the class path");
            }
            return ZoningRuleBook.load(in, "zoning-rules.yaml");
        }
    }

    /** Writes {@code count} parcels to {@code out} (not closed). */
    public void write(long count, OutputStream out) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be from 1 to " + MAX_COUNT + ", got " + count);
        }
        Random random = new Random(seed);
        int columns = (int) Math.min(MAX_COLUMNS, (long) Math.ceil(Math.sqrt(count)));
        int rows = (int) ((count + columns - 1) / columns);
        double[] xs = edges(random, columns, CENTRE_EASTING);
        double[] ys = edges(random, rows, CENTRE_NORTHING);
        try {
            out.write("{\"type\":\"FeatureCollection\",\"name\":\"synthetic-parcels\",\"features\":["
                    .getBytes(StandardCharsets.UTF_8));
            for (long i = 0; i < count; i++) {
                int column = (int) (i % columns);
                int row = (int) (i / columns);
                out.write(i == 0 ? '\n' : ',');
                if (i > 0) {
                    out.write('\n');
                }
                feature(out, random, i, xs[column], xs[column + 1], ys[row], ys[row + 1]);
            }
            out.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code cells + 1} ascending edges with random spacing, centred on {@code centre}. */
    private static double[] edges(Random random, int cells, double centre) {
        double[] edges = new double[cells + 1];
        for (int i = 1; i <= cells; i++) {
            edges[i] = edges[i - 1] + between(random, MIN_CELL_METRES, MAX_CELL_METRES);
        }
        double offset = centre - edges[cells] / 2;
        for (int i = 0; i <= cells; i++) {
            edges[i] += offset;
        }
        return edges;
    }

    private void feature(OutputStream out, Random random, long index, double west, double east, double south,
            double north) {
        // Corners counter-clockwise from the south-west, each moved inwards along both axes.
        Coordinate[] ring = {
            new Coordinate(west + inset(random), south + inset(random)),
            new Coordinate(east - inset(random), south + inset(random)),
            new Coordinate(east - inset(random), north - inset(random)),
            new Coordinate(west + inset(random), north - inset(random)),
            null
        };
        ring[4] = ring[0].copy();
        Polygon planar = CrsTransform.PLANAR.createPolygon(ring);
        String zone = ZONES.get(pick(random, ZONE_WEIGHTS));
        ZoneRules zoneRules = rules.zone(zone).orElseThrow();
        List<String> landUses = zoneRules.permittedLandUses();
        String landUse = landUses.get(random.nextInt(landUses.size()));
        String status = STATUSES.get(pick(random, STATUS_WEIGHTS));
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("type", "Feature");
            json.writeStringProperty("id", String.format("SYN-%07d", index + 1));
            json.writeName("properties");
            json.writeStartObject();
            json.writeStringProperty("zone", zone);
            json.writeStringProperty("landUse", landUse);
            json.writeStringProperty("status", status);
            // The zone's rule book values, as a plan would set them.
            json.writeNumberProperty("farMin", zoneRules.far().min());
            json.writeNumberProperty("farMax", zoneRules.far().max());
            json.writeNumberProperty("coverageMin", zoneRules.coverage().min());
            json.writeNumberProperty("coverageMax", zoneRules.coverage().max());
            json.writeNumberProperty("greenRatioMin", zoneRules.greenRatio().min());
            json.writeNumberProperty("greenRatioMax", zoneRules.greenRatio().max());
            json.writeNumberProperty("heightMaxMetres", zoneRules.heightMaxMetres().max());
            json.writeNumberProperty("setbackMetres", rules.roadSetbacks().branchMetres());
            json.writeEndObject();
            json.writeName("geometry");
            GeoJson.writeGeometry(json, CrsTransform.toCrs84(planar), GeoJson.CRS84_DECIMALS);
            json.writeEndObject();
        }
    }

    private static double inset(Random random) {
        return between(random, MIN_INSET_METRES, MAX_INSET_METRES);
    }

    private static double between(Random random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    private static int pick(Random random, double[] weights) {
        double draw = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
