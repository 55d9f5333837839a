package org.qiluvalley.planner.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.testsupport.Commands.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.seed.ParkSeedReader;
import org.qiluvalley.planner.testsupport.ExternalTools;
import org.qiluvalley.planner.testsupport.RequiresGdal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Independent-engine check of our CRS84 to EPSG:4548 projection (Proj4J) and planar areas (JTS): GDAL reprojects the
 * seed files with PROJ and measures areas with OGR/GEOS, and the two must agree.
 *
 * <p>EPSG:4548 is CGCS2000 / 3-degree Gauss-Kruger CM 117E (metres). The GeoJSON input is CRS84 (GDAL reads it as
 * EPSG:4326); PROJ's WGS 84 to CGCS2000 step is a ballpark (null) shift, as is ours, so positions must agree to the
 * millimetre and areas to a small fraction of a square metre.
 *
 * <p>Needs GDAL's command-line tools (Debian package gdal-bin). Without them every test is reported as skipped; on
 * CI (environment variable {@code CI=true}), where .ci/run installs them, a missing GDAL fails instead.
 */
@RequiresGdal
class GdalAreaAgreementIT {

    private static final Path OGR2OGR = ExternalTools.Gdal.OGR2OGR;
    private static final Path OGRINFO = ExternalTools.Gdal.OGRINFO;
    private static final Path GIS_DATA = Path.of("gis-data");
    private static final List<String> FILES = List.of("valley-boundary.geojson", "zones.geojson", "parcels.geojson");

    /** 7,300 mu = 487 ha, the park's published size, m². */
    private static final double PARK_AREA_M2 = 4_870_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FEATURE_START = Pattern.compile("^OGRFeature\\(.*\\):\\d+$");
    private static final Pattern ID_FIELD = Pattern.compile("^\\s+id \\(String\\) = (.*)$");
    private static final Pattern AREA_FIELD = Pattern.compile("^\\s+area_m2 \\(Real\\) = (.*)$");

    @TempDir
    static Path work;

    private static ParkDataset dataset;
    /** Seed file name to GDAL's EPSG:4548 copy of it. */
    private static final Map<String, Path> reprojected = new LinkedHashMap<>();
    /** Seed file name to (feature id to OGR area in EPSG:4548, m²). */
    private static final Map<String, Map<String, Double>> gdalAreas = new LinkedHashMap<>();

    @BeforeAll
    static void reprojectAndMeasureWithGdal() throws IOException, InterruptedException {
        dataset = loadDataset();
        for (String file : FILES) {
            Path out = work.resolve(file.replace(".geojson", "-4548.geojson"));
            run(List.of(OGR2OGR.toString(), "-f", "GeoJSON", "-t_srs", "EPSG:4548", "-lco", "RFC7946=NO",
                    "-lco", "COORDINATE_PRECISION=6", out.toString(), GIS_DATA.resolve(file).toString()));
            reprojected.put(file, out);
            String layer = JSON.readTree(out.toFile()).path("name").stringValue();
            assertThat(layer).as("layer name in GDAL output of %s", file).isNotBlank();
            String listing = run(List.of(OGRINFO.toString(), "-ro", "-q", "-geom=NO", "-sql",
                    "SELECT id, OGR_GEOM_AREA AS area_m2 FROM \"" + layer + "\"", out.toString()));
            gdalAreas.put(file, parseAreas(file, listing));
        }
    }


    private static ParkDataset loadDataset() throws IOException {
        ZoningRuleBook rules;
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
        return new ParkSeedReader(rules).read(open, Instant.EPOCH);
    }

    /** Reads ogrinfo's feature listing: blocks of "OGRFeature(layer):n" followed by "  field (Type) = value". */
    private static Map<String, Double> parseAreas(String file, String listing) {
        Map<String, Double> areas = new LinkedHashMap<>();
        String id = null;
        Double area = null;
        for (String line : (listing + "\nOGRFeature(end):0").lines().toList()) {
            if (FEATURE_START.matcher(line).matches()) {
                if (id != null || area != null) {
                    assertThat(id).as("id of an OGR feature of %s", file).isNotNull();
                    assertThat(area).as("OGR area of %s feature %s", file, id).isNotNull();
                    assertThat(areas.put(id, area)).as("duplicate id %s in %s", id, file).isNull();
                }
                id = null;
                area = null;
                continue;
            }
            Matcher idMatch = ID_FIELD.matcher(line);
            Matcher areaMatch = AREA_FIELD.matcher(line);
            if (idMatch.matches()) {
                id = idMatch.group(1).trim();
            } else if (areaMatch.matches()) {
                area = Double.parseDouble(areaMatch.group(1).trim());
            }
        }
        assertThat(areas).as("OGR areas parsed from ogrinfo output for %s:\n%s", file, listing).isNotEmpty();
        return areas;
    }

    private static String m2(double area) {
        return String.format(Locale.ROOT, "%,.4f m²", area);
    }

    // -------------------------------------------------------------------------------------------------------------

    /**
     * Parcels are stored on the register's 0.01 m grid (geo/CadastralPrecision): PROJ's EPSG:4548 outline of each
     * seed parcel, rounded to the centimetre here and measured by the shoelace formula, must give the parcel's area.
     */
    @Test
    void everyParcelAreaAgreesWithProjsOutlineOnTheCentimetreGridWithinFiveHundredthsOfASquareMetre()
            throws IOException {
        Map<String, Double> gdal = new LinkedHashMap<>();
        for (JsonNode feature : JSON.readTree(reprojected.get("parcels.geojson").toFile()).path("features")) {
            JsonNode ring = feature.at("/geometry/coordinates/0");
            double e0 = centimetres(ring.get(0).get(0).doubleValue());
            double n0 = centimetres(ring.get(0).get(1).doubleValue());
            double twice = 0;
            for (int i = 0; i + 1 < ring.size(); i++) {
                double e1 = centimetres(ring.get(i).get(0).doubleValue()) - e0;
                double n1 = centimetres(ring.get(i).get(1).doubleValue()) - n0;
                double e2 = centimetres(ring.get(i + 1).get(0).doubleValue()) - e0;
                double n2 = centimetres(ring.get(i + 1).get(1).doubleValue()) - n0;
                twice += e1 * n2 - e2 * n1;
            }
            gdal.put(feature.path("properties").path("id").isMissingNode() ? feature.path("id").stringValue()
                    : feature.path("properties").path("id").stringValue(), Math.abs(twice) / 2);
        }
        assertThat(gdal.keySet()).as("parcel ids measured by GDAL")
                .containsExactlyInAnyOrderElementsOf(dataset.parcels().stream().map(Parcel::id).toList());
        List<String> disagreements = new ArrayList<>();
        double worst = 0;
        for (Parcel parcel : dataset.parcels()) {
            double ours = parcel.areaSquareMetres();
            double difference = Math.abs(ours - gdal.get(parcel.id()));
            worst = Math.max(worst, difference);
            assertThat(parcel.planar().getArea()).isEqualTo(ours);
            if (difference > 0.05) {
                disagreements.add(parcel.id() + ": ours " + m2(ours) + ", PROJ on the grid " + m2(gdal.get(parcel.id())));
            }
        }
        assertThat(disagreements).as("parcels whose EPSG:4548 area differs from PROJ's outline on the 0.01 m grid by "
                + "more than 0.05 m² (worst %s)", m2(worst)).isEmpty();
    }

    private static double centimetres(double metres) {
        return Math.round(metres * 100) / 100.0;
    }

    @Test
    void everyZoneAreaAgreesWithGdalWithinOneSquareMetre() {
        Map<String, Double> gdal = gdalAreas.get("zones.geojson");
        assertThat(gdal.keySet()).as("zone ids measured by GDAL")
                .containsExactlyInAnyOrderElementsOf(dataset.zones().stream().map(Zone::id).toList());
        for (Zone zone : dataset.zones()) {
            assertThat(zone.areaSquareMetres()).as("EPSG:4548 area of zone %s, ours vs GDAL, m²", zone.id())
                    .isCloseTo(gdal.get(zone.id()), within(1.0));
        }
    }

    @Test
    void boundaryAndPhaseAreasAgreeWithGdalWithinOneSquareMetre() {
        Map<String, Double> gdal = gdalAreas.get("valley-boundary.geojson");
        assertThat(gdal.keySet()).as("valley feature ids measured by GDAL")
                .containsExactlyInAnyOrderElementsOf(dataset.valley().stream().map(ValleyPart::id).toList());
        for (ValleyPart part : dataset.valley()) {
            assertThat(part.areaSquareMetres()).as("EPSG:4548 area of %s, ours vs GDAL, m²", part.id())
                    .isCloseTo(gdal.get(part.id()), within(1.0));
        }
    }

    @Test
    void gdalMeasuresTheBoundaryAt487Hectares() {
        // 7,300 mu = 487 ha ± 0.5 ha, measured by OGR in EPSG:4548
        assertThat(gdalAreas.get("valley-boundary.geojson").get("valley")).as("GDAL area of valley, m²")
                .isCloseTo(PARK_AREA_M2, within(5_000.0));
    }

    @Test
    void ourProjectedVerticesAgreeWithProjWithinOneMillimetre() throws IOException {
        List<String> disagreements = new ArrayList<>();
        double worst = 0;
        int compared = 0;
        for (String file : FILES) {
            Map<String, Geometry> ours = new LinkedHashMap<>();
            for (JsonNode feature : JSON.readTree(GIS_DATA.resolve(file).toFile()).path("features")) {
                Geometry crs84 = GeoJson.readGeometry(feature.get("geometry"), CrsTransform.CRS84);
                ours.put(feature.path("id").stringValue(), CrsTransform.toPlanar(crs84));
            }
            Map<String, Geometry> theirs = new LinkedHashMap<>();
            for (JsonNode feature : JSON.readTree(reprojected.get(file).toFile()).path("features")) {
                theirs.put(feature.path("id").stringValue(),
                        GeoJson.readGeometry(feature.get("geometry"), CrsTransform.PLANAR));
            }
            assertThat(theirs.keySet()).as("feature ids of GDAL's copy of %s", file)
                    .containsExactlyElementsOf(ours.keySet());
            for (Map.Entry<String, Geometry> entry : ours.entrySet()) {
                Coordinate[] a = entry.getValue().getCoordinates();
                Coordinate[] b = theirs.get(entry.getKey()).getCoordinates();
                if (a.length != b.length) {
                    disagreements.add(file + " " + entry.getKey() + ": " + a.length + " vertices, GDAL wrote " + b.length);
                    continue;
                }
                for (int i = 0; i < a.length; i++) {
                    // planar EPSG:4548 distance between our vertex and PROJ's, metres
                    double distance = a[i].distance(b[i]);
                    worst = Math.max(worst, distance);
                    compared++;
                    if (distance > 0.001) {
                        disagreements.add(String.format(Locale.ROOT, "%s %s vertex %d: ours (%.4f, %.4f), PROJ (%.4f, %.4f),"
                                + " %.4f m apart", file, entry.getKey(), i, a[i].x, a[i].y, b[i].x, b[i].y, distance));
                    }
                }
            }
        }
        assertThat(compared).as("vertices compared").isPositive();
        assertThat(disagreements).as("vertices more than 1 mm from PROJ's (%d compared, worst %.6f m)", compared, worst)
                .isEmpty();
    }
}
