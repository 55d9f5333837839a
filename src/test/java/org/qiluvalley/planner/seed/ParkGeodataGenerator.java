package org.qiluvalley.planner.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.rules.ZoneRules;
import org.qiluvalley.planner.rules.ZoningRuleBook;

/**
 * Generates the park's illustrative plan ({@code gis-data/*.geojson}) from a handful of design parameters and the
 * rule book. Deterministic: a fixed seed, fixed iteration orders and fixed rounding, so that re-running it reproduces
 * the committed files byte for byte ({@code ParkGeodataGeneratorTest} checks this).
 *
 * <p>The plan is laid out in local metres (u east, v north) around the park centre, translated into EPSG:4548 and
 * written in CRS84. Layout: "one axis, two wings": a north-south landscape axis with the four facilities on either
 * side, laser-industry enterprise land in the west wing (phase 1) and the east wing (phase 2), a grid of roads, a
 * riverside green strip against the ecological red line in the south and a protective green belt under a 220 kV line.
 *
 * <p>Run: {@code scripts/generate-gis-data.sh} (or the {@link #main} method with the output directory).
 */
public final class ParkGeodataGenerator {

    /** The park centre, CRS84 degrees (about 117.22 E, 36.75 N, Licheng District, Jinan). */
    static final double CENTRE_LON = 117.22;
    static final double CENTRE_LAT = 36.75;
    /** 7,300 mu: the park's published size, m² (487 ha). */
    static final double PARK_AREA_M2 = 4_870_000;
    /** Phase 1, m² (about 220 ha); phase 2 is the rest (about 267 ha). */
    static final double PHASE_1_AREA_M2 = 2_200_000;
    /** The park was unveiled on 18 May 2023; the seed only has to be fixed. */
    static final long SEED = 20230518L;

    /** Riverside green strip inside the south edge, metres. */
    static final double RIVERSIDE_GREEN_METRES = 60;
    /** Central landscape axis width, metres. */
    static final double AXIS_WIDTH_METRES = 60;
    /** High-voltage (220 kV) corridor width and the protective green belt around it, metres. */
    static final double HV_CORRIDOR_METRES = 40;
    static final double HV_BELT_METRES = 50;
    /** West edge of the facility band (centreline of Guangming Road), local metres. */
    static final double FACILITY_BAND_WEST_U = -650;
    /** Enterprise parcel widths along the road, metres. */
    static final double ENTERPRISE_MIN_WIDTH = 60;
    static final double ENTERPRISE_MAX_WIDTH = 120;

    private static final GeometryFactory LOCAL = new GeometryFactory();
    private static final String[] FACILITY_BY_ROW = {"exhibition", "exchange-center", "incubator", "research-institute"};

    private final ZoningRuleBook rules;
    private final Random random = new Random(SEED);
    private final double originX;
    private final double originY;

    ParkGeodataGenerator(ZoningRuleBook rules) {
        this.rules = rules;
        Point centre = (Point) CrsTransform.toPlanar(CrsTransform.CRS84.createPoint(new Coordinate(CENTRE_LON, CENTRE_LAT)));
        // Whole metres keep the local-to-EPSG:4548 translation exact.
        this.originX = Math.rint(centre.getX());
        this.originY = Math.rint(centre.getY());
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "gis-data");
        ZoningRuleBook rules;
        try (InputStream in = Files.newInputStream(dir.resolve("zoning-rules.yaml"))) {
            rules = ZoningRuleBook.load(in, "zoning-rules.yaml");
        }
        for (Map.Entry<String, byte[]> file : generate(rules).entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
            System.out.println("wrote " + dir.resolve(file.getKey()) + " (" + file.getValue().length + " bytes)");
        }
    }

    /** Generates every GeoJSON file of {@code gis-data/}: file name to its exact bytes. */
    public static Map<String, byte[]> generate(ZoningRuleBook rules) {
        return new ParkGeodataGenerator(rules).plan();
    }

    // ---------------------------------------------------------------------------------------------------------
    // the plan

    private record Road(String id, String nameEn, String nameZh, String roadClass, double widthMetres, LineString centreline) {
    }

    private record Block(Polygon shape, String zone, boolean interiorRow) {
    }

    private record PlannedParcel(String id, String zone, String landUse, String status, Polygon shape) {
    }

    private Map<String, byte[]> plan() {
        double north = solve(n -> boundary(n).getArea(), PARK_AREA_M2, 500, 1200);
        Polygon boundary = boundary(north);
        double split = solve(s -> boundary.intersection(halfPlaneWest(s)).getArea(), PHASE_1_AREA_M2, -1500, 1500);
        Geometry phase1 = boundary.intersection(halfPlaneWest(split));
        Geometry phase2 = boundary.difference(halfPlaneWest(split));

        List<Road> roads = roads(split);
        List<Geometry> reserves = new ArrayList<>();
        for (Road road : roads) {
            reserves.add(reserve(road, boundary));
        }
        double axisU = (FACILITY_BAND_WEST_U + split) / 2;
        double hvU = split + 790;
        Geometry axisGreen = rectangle(axisU - AXIS_WIDTH_METRES / 2, -2000, axisU + AXIS_WIDTH_METRES / 2, 2000);
        Geometry hvBelt = rectangle(hvU - HV_BELT_METRES / 2, -2000, hvU + HV_BELT_METRES / 2, 2000);
        Geometry riverside = boundary.intersection(southEdgeLine(-1500, 1500).buffer(RIVERSIDE_GREEN_METRES));
        Geometry utilityPlot = rectangle(split + 1075, 435, split + 1195, 555);

        Geometry notDevelopable = UnaryUnionOp.union(List.of(UnaryUnionOp.union(reserves), axisGreen, hvBelt,
                riverside, utilityPlot));
        Geometry developable = boundary.difference(notDevelopable);

        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < developable.getNumGeometries(); i++) {
            Polygon shape = (Polygon) developable.getGeometryN(i);
            if (shape.getArea() < 5_000) {
                continue; // a corner scrap between roads and the edge stays green infrastructure
            }
            Point c = shape.getCentroid();
            boolean facilityBand = c.getX() > FACILITY_BAND_WEST_U && c.getX() < split;
            int row = c.getY() < -420 ? 0 : c.getY() < 0 ? 1 : c.getY() < 420 ? 2 : 3;
            String zone = facilityBand ? FACILITY_BY_ROW[row] : "laser-industry";
            blocks.add(new Block(shape, zone, row == 1 || row == 2));
        }
        // North to south, then west to east: the order parcel ids are numbered in.
        blocks.sort(Comparator.<Block>comparingDouble(b -> -rowKey(b.shape().getCentroid().getY()))
                .thenComparingDouble(b -> b.shape().getCentroid().getX()));

        Map<String, List<Polygon>> zoneBlocks = new LinkedHashMap<>();
        for (String zoneId : rules.zoneIds()) {
            zoneBlocks.put(zoneId, new ArrayList<>());
        }
        List<PlannedParcel> parcels = new ArrayList<>();
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (Block block : blocks) {
            zoneBlocks.get(block.zone()).add(block.shape());
            for (Polygon shape : subdivide(block)) {
                int n = counters.merge(block.zone(), 1, Integer::sum);
                String id = "QOV-" + zoneCode(block.zone()) + "-" + String.format("%03d", n);
                boolean inPhase1 = shape.getCentroid().getX() < split;
                parcels.add(new PlannedParcel(id, block.zone(), landUse(block.zone(), n), status(block.zone(), n, inPhase1),
                        shape));
            }
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("valley-boundary.geojson", valleyFile(boundary, phase1, phase2));
        files.put("zones.geojson", zonesFile(boundary, zoneBlocks));
        files.put("roads.geojson", roadsFile(roads, reserves));
        files.put("constraints.geojson", constraintsFile(boundary, hvU));
        files.put("parcels.geojson", parcelsFile(parcels, roads, reserves));
        return files;
    }

    // ---------------------------------------------------------------------------------------------------------
    // geometry of the site, local metres

    /** The wavy south edge that follows the river: v as a function of u. */
    private static double southEdge(double u) {
        return -800 + 70 * Math.sin(Math.PI * (u + 1500) / 1000) - 40 * u / 1500;
    }

    private static LineString southEdgeLine(double fromU, double toU) {
        List<Coordinate> points = new ArrayList<>();
        for (double u = fromU; u <= toU + 1e-9; u += 100) {
            points.add(new Coordinate(u, southEdge(u)));
        }
        return LOCAL.createLineString(points.toArray(Coordinate[]::new));
    }

    /** The irregular park outline; {@code n} moves the north edge, solved so the area is 487 ha. */
    private static Polygon boundary(double n) {
        List<Coordinate> ring = new ArrayList<>(List.of(southEdgeLine(-1500, 1500).getCoordinates()));
        ring.addAll(List.of(new Coordinate(1525, -300), new Coordinate(1490, 250), new Coordinate(1400, n - 100),
                new Coordinate(850, n - 55), new Coordinate(300, n), new Coordinate(-350, n + 25),
                new Coordinate(-1050, n - 10), new Coordinate(-1360, n - 110), new Coordinate(-1500, n - 320),
                new Coordinate(-1535, -50)));
        ring.add(new Coordinate(ring.get(0)));
        return LOCAL.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private static Polygon halfPlaneWest(double u) {
        return rectangle(-5000, -5000, u, 5000);
    }

    private static Polygon rectangle(double minU, double minV, double maxU, double maxV) {
        return (Polygon) LOCAL.toGeometry(new Envelope(minU, maxU, minV, maxV));
    }

    /** Bisection on a monotonically increasing function: the parameter where {@code f} reaches {@code target}. */
    private static double solve(DoubleUnaryOperator f, double target, double low, double high) {
        for (int i = 0; i < 200; i++) {
            double mid = (low + high) / 2;
            if (f.applyAsDouble(mid) < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static double rowKey(double v) {
        return Math.floor(v / 100);
    }

    private static List<Road> roads(double split) {
        List<Road> roads = new ArrayList<>();
        roads.add(eastWest("guangdian-road", "Guangdian Road", "光电路", "branch", 24, 640));
        roads.add(eastWest("chuangxin-road", "Chuangxin Road", "创新路", "secondary", 30, 420));
        roads.add(eastWest("guanggu-avenue", "Guanggu Avenue", "光谷大道", "arterial", 40, 0));
        roads.add(eastWest("keji-road", "Keji Road", "科技路", "secondary", 30, -420));
        roads.add(northSouth("jiguang-road", "Jiguang Road", "激光路", "branch", 24, -1050));
        roads.add(northSouth("guangming-road", "Guangming Road", "光明路", "secondary", 30, FACILITY_BAND_WEST_U));
        roads.add(northSouth("guangxian-road", "Guangxian Road", "光纤路", "secondary", 30, split));
        roads.add(northSouth("jingyuan-road", "Jingyuan Road", "晶源路", "branch", 24, split + 520));
        roads.add(northSouth("leishe-road", "Leishe Road", "镭射路", "branch", 24, split + 1060));
        return roads;
    }

    private static Road eastWest(String id, String en, String zh, String roadClass, double width, double v) {
        return new Road(id, en, zh, roadClass, width,
                LOCAL.createLineString(new Coordinate[] {new Coordinate(-1700, v), new Coordinate(1700, v)}));
    }

    private static Road northSouth(String id, String en, String zh, String roadClass, double width, double u) {
        return new Road(id, en, zh, roadClass, width,
                LOCAL.createLineString(new Coordinate[] {new Coordinate(u, -1100), new Coordinate(u, 1100)}));
    }

    /** The road reserve (red-line polygon) inside the park: the centreline buffered by half the red-line width. */
    private static Geometry reserve(Road road, Polygon boundary) {
        BufferParameters flat = new BufferParameters(8, BufferParameters.CAP_FLAT);
        return boundary.intersection(
                org.locationtech.jts.operation.buffer.BufferOp.bufferOp(road.centreline(), road.widthMetres() / 2, flat));
    }

    // ---------------------------------------------------------------------------------------------------------
    // parcels

    private List<Polygon> subdivide(Block block) {
        Envelope env = block.shape().getEnvelopeInternal();
        List<double[]> rows = new ArrayList<>();
        if (block.interiorRow()) {
            double mid = Math.rint((env.getMinY() + env.getMaxY()) / 2);
            rows.add(new double[] {mid, env.getMaxY() + 1});
            rows.add(new double[] {env.getMinY() - 1, mid});
        } else {
            rows.add(new double[] {env.getMinY() - 1, env.getMaxY() + 1});
        }
        boolean facility = !"laser-industry".equals(block.zone());
        List<Polygon> result = new ArrayList<>();
        for (double[] row : rows) {
            List<Double> cuts = new ArrayList<>();
            cuts.add(env.getMinX() - 1);
            if (!facility) {
                double u = env.getMinX();
                while (true) {
                    double width = ENTERPRISE_MIN_WIDTH + random.nextInt((int) (ENTERPRISE_MAX_WIDTH - ENTERPRISE_MIN_WIDTH) + 1);
                    if (env.getMaxX() - (u + width) < ENTERPRISE_MIN_WIDTH) {
                        break;
                    }
                    u += width;
                    cuts.add(u);
                }
            }
            cuts.add(env.getMaxX() + 1);
            List<Polygon> pieces = new ArrayList<>();
            for (int i = 0; i + 1 < cuts.size(); i++) {
                Geometry cell = block.shape().intersection(rectangle(cuts.get(i), row[0], cuts.get(i + 1), row[1]));
                for (int k = 0; k < cell.getNumGeometries(); k++) {
                    if (cell.getGeometryN(k) instanceof Polygon piece && !piece.isEmpty()) {
                        pieces.add(piece);
                    }
                }
            }
            result.addAll(mergeSmallPieces(pieces, minParcelArea(block.zone())));
        }
        return result;
    }

    private double minParcelArea(String zone) {
        return rules.zone(zone).map(ZoneRules::parcelAreaM2).map(l -> l.min()).orElse(5_000.0);
    }

    /** A piece below the zone's minimum parcel area joins its neighbour when the two make one polygon. */
    private static List<Polygon> mergeSmallPieces(List<Polygon> pieces, double minArea) {
        List<Polygon> merged = new ArrayList<>();
        for (Polygon piece : pieces) {
            if (piece.getArea() < minArea && !merged.isEmpty()) {
                Geometry union = merged.get(merged.size() - 1).union(piece);
                if (union instanceof Polygon polygon) {
                    merged.set(merged.size() - 1, polygon);
                    continue;
                }
            }
            merged.add(piece);
        }
        // A small first piece can join the one after it.
        if (merged.size() > 1 && merged.get(0).getArea() < minArea) {
            Geometry union = merged.get(0).union(merged.get(1));
            if (union instanceof Polygon polygon) {
                merged.set(1, polygon);
                merged.remove(0);
            }
        }
        merged.removeIf(p -> p.getArea() < minArea); // left as unparcelled zone land
        return merged;
    }

    private static String zoneCode(String zone) {
        return switch (zone) {
            case "exhibition" -> "EX";
            case "exchange-center" -> "EC";
            case "incubator" -> "IN";
            case "research-institute" -> "RI";
            default -> "LI";
        };
    }

    private String landUse(String zone, int n) {
        return switch (zone) {
            case "exhibition" -> "080301";
            case "exchange-center" -> n % 3 == 0 ? "090104" : "0902";
            case "incubator", "research-institute" -> "0802";
            default -> {
                int draw = random.nextInt(100);
                yield draw < 84 ? "100101" : draw < 95 ? "0802" : "1101";
            }
        };
    }

    /** Facilities are mostly committed; most enterprise land, and nearly all of phase 2, is still available. */
    private String status(String zone, int n, boolean inPhase1) {
        if (!"laser-industry".equals(zone)) {
            return n % 4 == 0 ? "reserved" : n % 7 == 3 ? "available" : "allocated";
        }
        int draw = random.nextInt(100);
        if (inPhase1) {
            return draw < 30 ? "allocated" : draw < 42 ? "reserved" : "available";
        }
        return draw < 6 ? "allocated" : draw < 14 ? "reserved" : "available";
    }

    // ---------------------------------------------------------------------------------------------------------
    // files

    /**
     * Local metres to EPSG:4548 (exact translation) to CRS84, rounded as the file stores it, so that what is written
     * is exactly what the service will read.
     */
    private Geometry toCrs84(Geometry local) {
        Geometry planar = AffineTransformation.translationInstance(originX, originY).transform(local);
        planar.setSRID(CrsTransform.PLANAR.getSRID());
        Geometry crs84 = CrsTransform.toCrs84(planar);
        crs84.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = GeoJson.round(c.x, GeoJson.CRS84_DECIMALS);
            c.y = GeoJson.round(c.y, GeoJson.CRS84_DECIMALS);
        });
        crs84.geometryChanged();
        return crs84;
    }

    /** The area (m², 2 decimals) the service computes: of the stored CRS84 outline transformed to EPSG:4548. */
    private double area2(Geometry local) {
        return GeoJson.round(CrsTransform.toPlanar(toCrs84(local)).getArea(), 2);
    }

    private byte[] valleyFile(Polygon boundary, Geometry phase1, Geometry phase2) {
        GeoJsonFileWriter file = new GeoJsonFileWriter("valley-boundary");
        Map<String, Object> p = GeoJsonFileWriter.properties();
        p.put("kind", "boundary");
        p.put("nameEn", "Qilu Optics Valley");
        p.put("nameZh", "齐鲁光谷");
        p.put("areaM2", area2(boundary));
        file.feature("valley", p, toCrs84(boundary));
        int phase = 1;
        for (Geometry part : List.of(phase1, phase2)) {
            Map<String, Object> q = GeoJsonFileWriter.properties();
            q.put("kind", "phase");
            q.put("phase", phase);
            q.put("nameEn", "Phase " + phase);
            q.put("nameZh", phase == 1 ? "一期" : "二期");
            q.put("areaM2", area2(part));
            file.feature("phase-" + phase, q, toCrs84(part));
            phase++;
        }
        return file.finish();
    }

    private byte[] zonesFile(Polygon boundary, Map<String, List<Polygon>> zoneBlocks) {
        GeoJsonFileWriter file = new GeoJsonFileWriter("zones");
        List<Geometry> allocatable = new ArrayList<>();
        for (ZoneRules zone : rules.zones().values()) {
            Geometry shape;
            if (zone.allocatable()) {
                shape = UnaryUnionOp.union(new ArrayList<Geometry>(zoneBlocks.get(zone.id())));
                allocatable.add(shape);
            } else {
                // Infrastructure is everything else inside the boundary: roads, green space, utilities.
                shape = boundary.difference(UnaryUnionOp.union(allocatable));
            }
            Map<String, Object> p = GeoJsonFileWriter.properties();
            p.put("nameEn", zone.nameEn());
            p.put("nameZh", zone.nameZh());
            p.put("category", zone.category().wireName());
            p.put("allocatable", zone.allocatable());
            p.put("areaM2", area2(shape));
            file.feature(zone.id(), p, toCrs84(shape));
        }
        return file.finish();
    }

    private byte[] roadsFile(List<Road> roads, List<Geometry> reserves) {
        GeoJsonFileWriter file = new GeoJsonFileWriter("roads");
        for (int i = 0; i < roads.size(); i++) {
            Road road = roads.get(i);
            Geometry inside = reserves.get(i).isEmpty() ? road.centreline()
                    : road.centreline().intersection(reserves.get(i).buffer(0.01));
            for (String kind : List.of("centreline", "reserve")) {
                Map<String, Object> p = GeoJsonFileWriter.properties();
                p.put("kind", kind);
                p.put("nameEn", road.nameEn());
                p.put("nameZh", road.nameZh());
                p.put("roadClass", road.roadClass());
                p.put("redLineWidthMetres", road.widthMetres());
                Geometry shape = kind.equals("centreline") ? inside : reserves.get(i);
                file.feature(kind.equals("centreline") ? road.id() : road.id() + "-red-line", p, toCrs84(shape));
            }
        }
        return file.finish();
    }

    private byte[] constraintsFile(Polygon boundary, double hvU) {
        GeoJsonFileWriter file = new GeoJsonFileWriter("constraints");
        // The river runs east-west 170 m south of the park; its blue line is the 70 m river management strip.
        List<Coordinate> riverPoints = new ArrayList<>();
        for (double u = -2200; u <= 2200; u += 100) {
            riverPoints.add(new Coordinate(u, southEdge(u) - 170));
        }
        LineString river = LOCAL.createLineString(riverPoints.toArray(Coordinate[]::new));
        Geometry blueLine = org.locationtech.jts.operation.buffer.BufferOp.bufferOp(river, 35,
                new BufferParameters(8, BufferParameters.CAP_FLAT));
        // The ecological red line covers the river corridor from the park's south edge to 420 m south of it.
        List<Coordinate> corridor = new ArrayList<>(List.of(southEdgeLine(-2200, 2200).getCoordinates()));
        for (double u = 2200; u >= -2200; u -= 100) {
            corridor.add(new Coordinate(u, southEdge(u) - 420));
        }
        corridor.add(new Coordinate(corridor.get(0)));
        Polygon redLine = LOCAL.createPolygon(corridor.toArray(Coordinate[]::new));
        // Permanent basic farmland outside the west edge, sharing part of the boundary segment.
        Coordinate a = new Coordinate(-1535 + 35 * 0.2, -50 - 710 * 0.2);
        Coordinate b = new Coordinate(-1535 + 35 * 0.7, -50 - 710 * 0.7);
        Polygon farmland = LOCAL.createPolygon(new Coordinate[] {a, new Coordinate(a.x - 420, a.y + 30),
            new Coordinate(b.x - 400, b.y - 40), b, new Coordinate(a)});
        // The urban development boundary holds the park and leaves out farmland, red line and river.
        Geometry udb = boundary.buffer(350, 2).difference(redLine).difference(farmland).difference(blueLine);
        Geometry udbMain = udb;
        for (int i = 0; i < udb.getNumGeometries(); i++) {
            if (udb.getGeometryN(i).contains(boundary.getInteriorPoint())) {
                udbMain = udb.getGeometryN(i);
            }
        }
        Geometry hvCorridor = rectangle(hvU - HV_CORRIDOR_METRES / 2, -1300, hvU + HV_CORRIDOR_METRES / 2, 1400);

        constraint(file, "ecological-red-line-1", "ecological-red-line", "Xiaoqing River ecological protection red line",
                "小清河生态保护红线", redLine);
        constraint(file, "permanent-basic-farmland-1", "permanent-basic-farmland", "Permanent basic farmland (west)",
                "永久基本农田（西侧）", farmland);
        constraint(file, "urban-development-boundary-1", "urban-development-boundary", "Urban development boundary",
                "城镇开发边界", udbMain);
        constraint(file, "river-blue-line-1", "river-blue-line", "River blue line", "河道蓝线", blueLine);
        constraint(file, "high-voltage-corridor-1", "high-voltage-corridor", "220 kV high-voltage line corridor",
                "220千伏高压走廊", hvCorridor);
        return file.finish();
    }

    private void constraint(GeoJsonFileWriter file, String id, String kind, String en, String zh, Geometry shape) {
        Map<String, Object> p = GeoJsonFileWriter.properties();
        p.put("kind", kind);
        p.put("nameEn", en);
        p.put("nameZh", zh);
        file.feature(id, p, toCrs84(shape));
    }

    private byte[] parcelsFile(List<PlannedParcel> parcels, List<Road> roads, List<Geometry> reserves) {
        GeoJsonFileWriter file = new GeoJsonFileWriter("parcels");
        ZoningRuleBook.RoadSetbacks setbacks = rules.roadSetbacks();
        for (PlannedParcel parcel : parcels) {
            ZoneRules zone = rules.zone(parcel.zone()).orElseThrow();
            // The setback is that of the widest road class the parcel fronts.
            double setback = 0;
            for (int i = 0; i < roads.size(); i++) {
                if (reserves.get(i).distance(parcel.shape()) < 1.0) {
                    double s = switch (roads.get(i).roadClass()) {
                        case "arterial" -> setbacks.arterialMetres();
                        case "secondary" -> setbacks.secondaryMetres();
                        default -> setbacks.branchMetres();
                    };
                    setback = Math.max(setback, s);
                }
            }
            if (setback == 0) {
                setback = setbacks.branchMetres();
            }
            Map<String, Object> p = GeoJsonFileWriter.properties();
            p.put("zone", parcel.zone());
            p.put("landUse", parcel.landUse());
            p.put("status", parcel.status());
            p.put("areaM2", area2(parcel.shape()));
            p.put("farMin", zone.far().min());
            p.put("farMax", zone.far().max());
            p.put("coverageMin", zone.coverage().min());
            p.put("coverageMax", zone.coverage().max());
            p.put("greenRatioMin", zone.greenRatio().min());
            p.put("greenRatioMax", zone.greenRatio().max());
            p.put("heightMaxMetres", zone.heightMaxMetres().max());
            p.put("setbackMetres", setback);
            file.feature(parcel.id(), p, toCrs84(parcel.shape()));
        }
        return file.finish();
    }
}
