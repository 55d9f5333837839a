package org.qiluvalley.planner.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.ConstraintKind;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.rules.Limit;
import org.qiluvalley.planner.rules.ZoneCategory;
import org.qiluvalley.planner.rules.ZoneRules;
import org.qiluvalley.planner.rules.ZoningRuleBook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the committed park plan in {@code gis-data/} for planning sense: the boundary's size and location,
 * geometric validity, parcel topology, control lines, zones and consistency with the rule book.
 *
 * <p>All metric checks run on the planar EPSG:4548 geometries (CGCS2000 / 3-degree Gauss-Kruger CM 117E, metres)
 * that {@link ParkSeedReader} derives from the CRS84 files; areas are m², distances metres. The files store CRS84
 * to 8 decimals (about 1 mm), so "inside" checks allow 0.05 m and "no overlap" checks allow 0.5 m².
 */
class ParkGeodataTest {

    private static final Path GIS_DATA = Path.of("gis-data");

    /** 7,300 mu = 487 ha, the park's published size, m². */
    private static final double PARK_AREA_M2 = 4_870_000;
    /** Phase 1 (about 220 ha) and phase 2 (about 267 ha), m². */
    private static final double PHASE_1_AREA_M2 = 2_200_000;
    private static final double PHASE_2_AREA_M2 = 2_670_000;

    /** Slack for "inside" tests: CRS84 is stored to 1e-8 degree (about 1 mm), metres. */
    private static final double INSIDE_TOLERANCE_M = 0.05;
    /** Largest area two features meant to be disjoint may share, m² (rounding slivers only). */
    private static final double OVERLAP_TOLERANCE_M2 = 0.5;

    private static final List<String> ZONE_IDS = List.of("exhibition", "exchange-center", "incubator",
            "research-institute", "laser-industry", "infrastructure");
    private static final Set<ConstraintKind> NO_BUILD_KINDS = Set.of(ConstraintKind.ECOLOGICAL_RED_LINE,
            ConstraintKind.PERMANENT_BASIC_FARMLAND, ConstraintKind.RIVER_BLUE_LINE, ConstraintKind.HIGH_VOLTAGE_CORRIDOR);

    private static ZoningRuleBook rules;
    private static ParkDataset dataset;

    @BeforeAll
    static void loadSeedData() throws IOException {
        try (InputStream in = Files.newInputStream(GIS_DATA.resolve("zoning-rules.yaml"))) {
            rules = ZoningRuleBook.load(in, "zoning-rules.yaml");
        }
        Function<String, InputStream> open = name -> {
            try {
                return Files.newInputStream(GIS_DATA.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        dataset = new ParkSeedReader(rules).read(open, Instant.EPOCH);
    }

    // -------------------------------------------------------------------------------------------------------------
    // shared look-ups

    private static ValleyPart valleyPart(String id) {
        return dataset.valley().stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("valley-boundary.geojson has no feature " + id));
    }

    /** The park boundary, EPSG:4548. */
    private static Geometry boundary() {
        return valleyPart("valley").planar();
    }

    private static Map<String, Zone> zonesById() {
        Map<String, Zone> zones = new LinkedHashMap<>();
        dataset.zones().forEach(z -> zones.put(z.id(), z));
        return zones;
    }

    private static List<ConstraintArea> constraintsOfKind(ConstraintKind kind) {
        return dataset.constraints().stream().filter(c -> c.kind() == kind).toList();
    }

    private static ConstraintArea theConstraint(ConstraintKind kind) {
        List<ConstraintArea> found = constraintsOfKind(kind);
        assertThat(found).as("constraints of kind %s", kind.wireName()).hasSize(1);
        return found.get(0);
    }

    private static List<Road> roadReserves() {
        return dataset.roads().stream().filter(r -> r.kind().equals("reserve")).toList();
    }

    private static String m2(double area) {
        return String.format(Locale.ROOT, "%,.2f m²", area);
    }

    private static String metres(double distance) {
        return String.format(Locale.ROOT, "%.3f m", distance);
    }

    // -------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("park boundary and phases")
    class Boundary {

        @Test
        void boundaryIsOneFeatureOfKindBoundary() {
            ValleyPart valley = valleyPart("valley");
            assertThat(valley.kind()).as("kind of valley-boundary.geojson feature valley").isEqualTo("boundary");
            assertThat(dataset.valley().stream().filter(v -> v.kind().equals("boundary")))
                    .as("features of kind boundary").hasSize(1);
        }

        @Test
        void boundaryAreaIs487Hectares() {
            // 7,300 mu = 487 ha, in EPSG:4548 m², within ±0.5 ha
            double area = boundary().getArea();
            assertThat(area).as("planar area of boundary feature valley, m²").isCloseTo(PARK_AREA_M2, within(5_000.0));
            assertThat(valleyPart("valley").areaSquareMetres()).isEqualTo(area);
        }

        @Test
        void boundaryIsAnIrregularPolygonNotARectangle() {
            Geometry boundary = boundary();
            assertThat(boundary.getGeometryType()).as("geometry type of feature valley").isEqualTo("Polygon");
            Set<Coordinate> distinct = new HashSet<>(List.of(boundary.getCoordinates()));
            assertThat(distinct.size()).as("distinct vertices of feature valley").isGreaterThan(5);
            double envelopeArea = boundary.getEnvelopeInternal().getArea();
            assertThat(boundary.getArea() / envelopeArea)
                    .as("area of valley %s / area of its envelope %s", m2(boundary.getArea()), m2(envelopeArea))
                    .isLessThan(0.95);
        }

        @Test
        void boundaryCentroidIsInLichengDistrictJinan() {
            // about 117.22 E, 36.75 N; the centroid is computed in EPSG:4548 and transformed back to CRS84 degrees
            Point centroid = (Point) CrsTransform.toCrs84(boundary().getCentroid());
            assertThat(centroid.getX()).as("centroid longitude of valley, degrees").isCloseTo(117.22, within(0.02));
            assertThat(centroid.getY()).as("centroid latitude of valley, degrees").isCloseTo(36.75, within(0.02));
        }

        @Test
        void phaseAreasAre220And267Hectares() {
            ValleyPart phase1 = valleyPart("phase-1");
            ValleyPart phase2 = valleyPart("phase-2");
            assertThat(phase1.kind()).isEqualTo("phase");
            assertThat(phase1.phase()).isEqualTo(1);
            assertThat(phase2.kind()).isEqualTo("phase");
            assertThat(phase2.phase()).isEqualTo(2);
            assertThat(phase1.planar().getArea()).as("area of phase-1, m²").isCloseTo(PHASE_1_AREA_M2, within(50_000.0));
            assertThat(phase2.planar().getArea()).as("area of phase-2, m²").isCloseTo(PHASE_2_AREA_M2, within(50_000.0));
        }

        @Test
        void phasesDoNotOverlapAndTogetherMakeTheBoundary() {
            Geometry phase1 = valleyPart("phase-1").planar();
            Geometry phase2 = valleyPart("phase-2").planar();
            double overlap = phase1.intersection(phase2).getArea();
            assertThat(overlap).as("overlap of phase-1 and phase-2, m²").isLessThan(OVERLAP_TOLERANCE_M2);
            double union = phase1.union(phase2).getArea();
            assertThat(union).as("area of phase-1 ∪ phase-2 vs boundary valley, m²")
                    .isCloseTo(boundary().getArea(), within(1.0));
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("geometric validity")
    class Validity {

        private static void collect(List<String> errors, String layer, String id, Geometry planar, Geometry crs84) {
            for (Map.Entry<String, Geometry> g : Map.of("EPSG:4548", planar, "CRS84", crs84).entrySet()) {
                TopologyValidationError error = new IsValidOp(g.getValue()).getValidationError();
                if (error != null) {
                    errors.add(layer + " " + id + " (" + g.getKey() + "): " + error);
                }
                if (g.getValue().isEmpty()) {
                    errors.add(layer + " " + id + " (" + g.getKey() + "): empty geometry");
                }
            }
        }

        @Test
        void everyGeometryOfEveryLayerIsValid() {
            List<String> errors = new ArrayList<>();
            dataset.valley().forEach(v -> collect(errors, "valley", v.id(), v.planar(), v.crs84()));
            dataset.zones().forEach(z -> collect(errors, "zone", z.id(), z.planar(), z.crs84()));
            dataset.roads().forEach(r -> collect(errors, "road", r.id(), r.planar(), r.crs84()));
            dataset.constraints().forEach(c -> collect(errors, "constraint", c.id(), c.planar(), c.crs84()));
            dataset.parcels().forEach(p -> collect(errors, "parcel", p.id(), p.planar(), p.crs84()));
            assertThat(errors).as("invalid geometries (JTS IsValidOp)").isEmpty();
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("parcels")
    class Parcels {

        private static final Pattern PARCEL_ID = Pattern.compile("QOV-(EX|EC|IN|RI|LI)-\\d{3}");

        @Test
        void thereAre150To300Parcels() {
            assertThat(dataset.parcels().size()).as("number of parcels").isBetween(150, 300);
        }

        @Test
        void parcelIdsAreUniqueAndFollowThePattern() {
            List<String> ids = dataset.parcels().stream().map(Parcel::id).toList();
            assertThat(ids).as("parcel ids").doesNotHaveDuplicates();
            assertThat(ids.stream().filter(id -> !PARCEL_ID.matcher(id).matches()).toList())
                    .as("parcel ids not matching %s", PARCEL_ID).isEmpty();
        }

        @Test
        void noTwoParcelsOverlap() {
            // Index the planar envelopes first; only candidate pairs get the exact (costly) intersection.
            STRtree index = new STRtree();
            for (Parcel parcel : dataset.parcels()) {
                index.insert(parcel.planar().getEnvelopeInternal(), parcel);
            }
            index.build();
            List<String> overlaps = new ArrayList<>();
            for (Parcel a : dataset.parcels()) {
                @SuppressWarnings("unchecked")
                List<Parcel> candidates = index.query(a.planar().getEnvelopeInternal());
                for (Parcel b : candidates) {
                    if (a.id().compareTo(b.id()) >= 0) {
                        continue; // each unordered pair once, and not a parcel with itself
                    }
                    double shared = a.planar().intersection(b.planar()).getArea();
                    if (shared > OVERLAP_TOLERANCE_M2) {
                        overlaps.add(a.id() + " and " + b.id() + " overlap by " + m2(shared));
                    }
                }
            }
            assertThat(overlaps).as("overlapping parcels").isEmpty();
        }

        @Test
        void everyParcelLiesInsideItsZoneAndTheBoundary() {
            Map<String, PreparedGeometry> zoneWithSlack = new LinkedHashMap<>();
            zonesById().forEach((id, zone) ->
                    zoneWithSlack.put(id, PreparedGeometryFactory.prepare(zone.planar().buffer(INSIDE_TOLERANCE_M))));
            PreparedGeometry boundaryWithSlack = PreparedGeometryFactory.prepare(boundary().buffer(INSIDE_TOLERANCE_M));
            List<String> outside = new ArrayList<>();
            for (Parcel parcel : dataset.parcels()) {
                PreparedGeometry zone = zoneWithSlack.get(parcel.zone());
                if (zone == null) {
                    outside.add(parcel.id() + ": zone " + parcel.zone() + " has no polygon in zones.geojson");
                } else if (!zone.covers(parcel.planar())) {
                    outside.add(parcel.id() + " sticks out of zone " + parcel.zone() + " by "
                            + m2(parcel.planar().difference(zone.getGeometry()).getArea()));
                }
                if (!boundaryWithSlack.covers(parcel.planar())) {
                    outside.add(parcel.id() + " sticks out of the park boundary by "
                            + m2(parcel.planar().difference(boundaryWithSlack.getGeometry()).getArea()));
                }
            }
            assertThat(outside).as("parcels not inside their zone / the boundary (tolerance %s m)", INSIDE_TOLERANCE_M)
                    .isEmpty();
        }

        @Test
        void noParcelTouchesANoBuildControlLine() {
            // ecological red line, permanent basic farmland, river blue line, high-voltage corridor
            List<String> violations = new ArrayList<>();
            for (ConstraintArea constraint : dataset.constraints()) {
                if (!NO_BUILD_KINDS.contains(constraint.kind())) {
                    continue;
                }
                PreparedGeometry area = PreparedGeometryFactory.prepare(constraint.planar());
                for (Parcel parcel : dataset.parcels()) {
                    if (area.intersects(parcel.planar())) {
                        double shared = constraint.planar().intersection(parcel.planar()).getArea();
                        if (shared >= OVERLAP_TOLERANCE_M2) {
                            violations.add(parcel.id() + " overlaps " + constraint.kind().wireName() + " "
                                    + constraint.id() + " by " + m2(shared));
                        }
                    }
                }
            }
            assertThat(violations).as("parcels on no-build control lines").isEmpty();
        }

        @Test
        void everyParcelLiesInsideTheUrbanDevelopmentBoundary() {
            ConstraintArea udb = theConstraint(ConstraintKind.URBAN_DEVELOPMENT_BOUNDARY);
            PreparedGeometry udbWithSlack = PreparedGeometryFactory.prepare(udb.planar().buffer(INSIDE_TOLERANCE_M));
            List<String> outside = dataset.parcels().stream().filter(p -> !udbWithSlack.covers(p.planar()))
                    .map(p -> p.id() + " sticks out of " + udb.id() + " by "
                            + m2(p.planar().difference(udbWithSlack.getGeometry()).getArea()))
                    .toList();
            assertThat(outside).as("parcels outside the urban development boundary").isEmpty();
        }

        @Test
        void noParcelOverlapsARoadReserve() {
            List<String> violations = new ArrayList<>();
            for (Road reserve : roadReserves()) {
                PreparedGeometry area = PreparedGeometryFactory.prepare(reserve.planar());
                for (Parcel parcel : dataset.parcels()) {
                    if (area.intersects(parcel.planar())) {
                        Geometry overlap = reserve.planar().intersection(parcel.planar());
                        double shared = overlap.getArea();
                        // Outlines are on the register's 0.01 m grid: a strip under 1.5 cm wide along a red line is
                        // rounding, not an overlap (it vanishes when shrunk by 7.5 mm).
                        if (shared > OVERLAP_TOLERANCE_M2 && !overlap.buffer(-0.0075).isEmpty()) {
                            violations.add(parcel.id() + " overlaps road reserve " + reserve.id() + " by " + m2(shared));
                        }
                    }
                }
            }
            assertThat(violations).as("parcels on road reserves").isEmpty();
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("zones")
    class Zones {

        @Test
        void theSixZonesExist() {
            assertThat(zonesById().keySet()).as("zone ids in zones.geojson").containsExactlyInAnyOrderElementsOf(ZONE_IDS);
        }

        @Test
        void zonesDoNotOverlap() {
            List<Zone> zones = dataset.zones();
            List<String> overlaps = new ArrayList<>();
            for (int i = 0; i < zones.size(); i++) {
                for (int j = i + 1; j < zones.size(); j++) {
                    double shared = zones.get(i).planar().intersection(zones.get(j).planar()).getArea();
                    if (shared >= 1.0) {
                        overlaps.add(zones.get(i).id() + " and " + zones.get(j).id() + " overlap by " + m2(shared));
                    }
                }
            }
            assertThat(overlaps).as("overlapping zones (tolerance 1 m²)").isEmpty();
        }

        @Test
        void zoneAreasAddUpToTheBoundaryArea() {
            double sum = dataset.zones().stream().mapToDouble(z -> z.planar().getArea()).sum();
            assertThat(sum).as("sum of the six zone areas vs boundary valley, m² (EPSG:4548)")
                    .isCloseTo(boundary().getArea(), within(1.0));
        }

        @Test
        void declaredAreaM2MatchesThePlanarArea() throws IOException {
            JsonNode root = JsonMapper.builder().build().readTree(GIS_DATA.resolve("zones.geojson").toFile());
            Map<String, Zone> zones = zonesById();
            List<String> mismatches = new ArrayList<>();
            for (JsonNode feature : root.path("features")) {
                String id = feature.path("id").stringValue();
                JsonNode declared = feature.path("properties").path("areaM2");
                if (!declared.isNumber()) {
                    mismatches.add(id + ": properties.areaM2 is missing or not a number");
                    continue;
                }
                double planar = zones.get(id).planar().getArea();
                if (Math.abs(declared.doubleValue() - planar) > 0.5) {
                    mismatches.add(id + ": areaM2 " + m2(declared.doubleValue()) + " but planar area " + m2(planar));
                }
            }
            assertThat(mismatches).as("zones whose declared areaM2 differs from EPSG:4548 area by more than 0.5 m²")
                    .isEmpty();
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("consistency with the rule book")
    class RuleBookConsistency {

        private ZoneRules rulesOf(Parcel parcel) {
            return rules.zone(parcel.zone()).orElseThrow(
                    () -> new AssertionError(parcel.id() + ": zone " + parcel.zone() + " is not in the rule book"));
        }

        @Test
        void everyParcelsLandUseIsPermittedInItsZone() {
            List<String> wrong = dataset.parcels().stream()
                    .filter(p -> !rulesOf(p).permittedLandUses().contains(p.landUse()))
                    .map(p -> p.id() + ": land use " + p.landUse() + " not permitted in " + p.zone() + " (permitted "
                            + rulesOf(p).permittedLandUses() + ")")
                    .toList();
            assertThat(wrong).as("parcels with a land use their zone does not permit").isEmpty();
        }

        @Test
        void everyParcelAreaIsWithinItsZonesParcelAreaLimit() {
            List<String> wrong = new ArrayList<>();
            for (Parcel parcel : dataset.parcels()) {
                Limit limit = rulesOf(parcel).parcelAreaM2();
                if (limit == null) {
                    wrong.add(parcel.id() + ": zone " + parcel.zone() + " has no parcelAreaM2 limit (not allocatable?)");
                } else if (!limit.admits(parcel.areaSquareMetres())) {
                    wrong.add(parcel.id() + ": area " + m2(parcel.areaSquareMetres()) + " outside " + parcel.zone()
                            + " limit [" + limit.min() + ", " + limit.max() + "] m²");
                }
            }
            assertThat(wrong).as("parcels outside the zone's parcel area range").isEmpty();
        }

        @Test
        void everyParcelsIndicatorsAreWithinItsZonesLimits() {
            List<String> wrong = new ArrayList<>();
            for (Parcel parcel : dataset.parcels()) {
                ZoneRules zone = rulesOf(parcel);
                PlanningIndicators i = parcel.indicators();
                checkRange(wrong, parcel, "far", i.farMin(), i.farMax(), zone.far());
                checkRange(wrong, parcel, "coverage", i.coverageMin(), i.coverageMax(), zone.coverage());
                checkRange(wrong, parcel, "greenRatio", i.greenRatioMin(), i.greenRatioMax(), zone.greenRatio());
                Limit height = zone.heightMaxMetres();
                if (height == null || !height.admits(i.heightMaxMetres())) {
                    wrong.add(parcel.id() + ": heightMaxMetres " + i.heightMaxMetres() + " outside " + parcel.zone()
                            + " limit " + height);
                }
                if (i.setbackMetres() < 0) {
                    wrong.add(parcel.id() + ": negative setbackMetres " + i.setbackMetres());
                }
            }
            assertThat(wrong).as("parcel indicators outside the zone's limits").isEmpty();
        }

        /** The parcel's [min, max] must be a non-empty sub-range of the zone's limit. */
        private static void checkRange(List<String> wrong, Parcel parcel, String name, double min, double max,
                Limit limit) {
            if (limit == null) {
                wrong.add(parcel.id() + ": zone " + parcel.zone() + " has no " + name + " limit");
            } else if (min > max || !limit.admits(min) || !limit.admits(max)) {
                wrong.add(parcel.id() + ": " + name + " [" + min + ", " + max + "] outside " + parcel.zone() + " limit ["
                        + limit.min() + ", " + limit.max() + "]");
            }
        }

        @Test
        void eachFacilityZoneHasAtLeastOneParcel() {
            Map<String, Long> parcelsPerZone = dataset.parcels().stream()
                    .collect(Collectors.groupingBy(Parcel::zone, Collectors.counting()));
            List<String> facilities = rules.zones().values().stream()
                    .filter(z -> z.category() == ZoneCategory.FACILITY).map(ZoneRules::id).toList();
            assertThat(facilities).as("facility zones in the rule book")
                    .containsExactlyInAnyOrder("exhibition", "exchange-center", "incubator", "research-institute");
            assertThat(facilities.stream().filter(z -> parcelsPerZone.getOrDefault(z, 0L) == 0).toList())
                    .as("facility zones without parcels (parcels per zone: %s)", parcelsPerZone).isEmpty();
        }

        @Test
        void mostEnterpriseLandIsStillAvailable() {
            List<Parcel> enterprise = dataset.parcels().stream().filter(p -> p.zone().equals("laser-industry")).toList();
            double total = enterprise.stream().mapToDouble(Parcel::areaSquareMetres).sum();
            double available = enterprise.stream().filter(p -> p.status() == ParcelStatus.AVAILABLE)
                    .mapToDouble(Parcel::areaSquareMetres).sum();
            assertThat(total).as("laser-industry parcel area, m²").isPositive();
            assertThat(available / total).as("available share of laser-industry parcel area (%s of %s)",
                    m2(available), m2(total)).isGreaterThan(0.5);
        }

        @Test
        void parcelsOfEachStatusExist() {
            Map<ParcelStatus, Long> byStatus = new EnumMap<>(ParcelStatus.class);
            dataset.parcels().forEach(p -> byStatus.merge(p.status(), 1L, Long::sum));
            assertThat(byStatus).as("parcels by status")
                    .containsKeys(ParcelStatus.AVAILABLE, ParcelStatus.RESERVED, ParcelStatus.ALLOCATED);
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("roads")
    class Roads {

        @Test
        void thereAreRoadReserves() {
            assertThat(roadReserves()).as("roads of kind reserve").isNotEmpty();
        }

        @Test
        void everyRoadReserveLiesInTheParkInterior() {
            // sanity: a reserve is the red-line polygon clipped to the park, so it overlaps the park interior and
            // does not reach more than 0.05 m outside it
            Geometry boundary = boundary();
            PreparedGeometry boundaryWithSlack = PreparedGeometryFactory.prepare(boundary.buffer(INSIDE_TOLERANCE_M));
            List<String> wrong = new ArrayList<>();
            for (Road reserve : roadReserves()) {
                double inside = reserve.planar().intersection(boundary).getArea();
                if (inside <= 0) {
                    wrong.add(reserve.id() + " does not reach the park interior");
                }
                if (!boundaryWithSlack.covers(reserve.planar())) {
                    wrong.add(reserve.id() + " sticks out of the park boundary by "
                            + m2(reserve.planar().difference(boundaryWithSlack.getGeometry()).getArea()));
                }
            }
            assertThat(wrong).as("road reserves not in the park").isEmpty();
        }

        @Test
        void everyParcelHasRoadAccess() {
            // within 1 m of some road reserve, EPSG:4548 metres
            STRtree index = new STRtree();
            for (Road reserve : roadReserves()) {
                index.insert(reserve.planar().getEnvelopeInternal(), reserve);
            }
            List<String> landlocked = new ArrayList<>();
            for (Parcel parcel : dataset.parcels()) {
                var search = parcel.planar().getEnvelopeInternal().copy();
                search.expandBy(1.0);
                @SuppressWarnings("unchecked")
                List<Road> near = index.query(search);
                double nearest = near.stream().mapToDouble(r -> r.planar().distance(parcel.planar())).min()
                        .orElse(Double.POSITIVE_INFINITY);
                if (nearest > 1.0) {
                    landlocked.add(parcel.id() + " is " + metres(nearest) + " from the nearest road reserve");
                }
            }
            assertThat(landlocked).as("parcels without road access").isEmpty();
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("control lines (constraints)")
    class Constraints {

        @Test
        void exactlyOneAreaOfEachKind() {
            Map<ConstraintKind, List<String>> byKind = new EnumMap<>(ConstraintKind.class);
            dataset.constraints().forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c.id()));
            for (ConstraintKind kind : ConstraintKind.values()) {
                assertThat(byKind.getOrDefault(kind, List.of())).as("constraints of kind %s", kind.wireName()).hasSize(1);
            }
        }

        @Test
        void farmlandAdjoinsTheParkWithoutOverlappingIt() {
            ConstraintArea farmland = theConstraint(ConstraintKind.PERMANENT_BASIC_FARMLAND);
            double distance = farmland.planar().distance(boundary());
            double shared = farmland.planar().intersection(boundary()).getArea();
            assertThat(distance).as("distance from %s to the park boundary, m", farmland.id())
                    .isLessThan(INSIDE_TOLERANCE_M);
            assertThat(shared).as("overlap of %s with the park, m²", farmland.id()).isLessThanOrEqualTo(OVERLAP_TOLERANCE_M2);
        }

        @Test
        void urbanDevelopmentBoundaryCoversThePark() {
            // The UDB shares the farmland's edge along the park's west side; after 1e-8 degree rounding that edge
            // is a hair off the park's, so "covers" allows the same 0.05 m as every other inside check.
            ConstraintArea udb = theConstraint(ConstraintKind.URBAN_DEVELOPMENT_BOUNDARY);
            double outside = boundary().difference(udb.planar()).getArea();
            assertThat(udb.planar().buffer(INSIDE_TOLERANCE_M).covers(boundary()))
                    .as("%s (+%s m) covers the park boundary (park area outside it: %s)", udb.id(), INSIDE_TOLERANCE_M,
                            m2(outside))
                    .isTrue();
            assertThat(outside).as("park area outside %s, m²", udb.id()).isLessThan(OVERLAP_TOLERANCE_M2);
        }
    }
}
