package org.qiluvalley.planner.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.qiluvalley.planner.testsupport.Commands.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.CadastralPrecision;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.testsupport.ExternalTools;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.RequiresGdal;

/**
 * GDAL as the independent judge of our GeoPackages: {@code ogrinfo} opens a layer written from the park's seed
 * parcels, finds every feature, reads its SRS as EPSG:4548 and measures each outline (OGR) to the area the
 * service computed; GDAL's own validator of the standard passes it; and layers GDAL writes from the seed GeoJSON, in
 * each SRS we read, come back through {@link GeoPackageReader} with the parcels' areas.
 *
 * <p>Needs GDAL's command-line tools (Debian package gdal-bin). Without them every test is reported as skipped; on
 * CI (environment variable {@code CI=true}) a missing GDAL fails instead.
 */
@RequiresGdal
class GeoPackageGdalIT {

    private static final Path OGR2OGR = ExternalTools.Gdal.OGR2OGR;
    private static final Path OGRINFO = ExternalTools.Gdal.OGRINFO;
    /** GDAL's validator of the GeoPackage requirements, a Python script shipped with python3-gdal. */
    private static final Path VALIDATE_GPKG = Path.of("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final Pattern FEATURE_START = Pattern.compile("^OGRFeature\\(.*\\):\\d+$");
    private static final Pattern ID_FIELD = Pattern.compile("^\\s+id \\(String\\) = (.*)$");
    private static final Pattern AREA_FIELD = Pattern.compile("^\\s+area_m2 \\(Real\\) = (.*)$");
    private static final Pattern AREA_M2_FIELD = Pattern.compile("^\\s+areaM2 \\(Real\\) = (.*)$");

    /** The public fields of an available parcel (README, "API overview"), and the parcel's version. */
    static final GeoPackageLayer LAYER = new GeoPackageLayer("parcels", GeoPackageGeometryType.POLYGON, List.of(
            GeoPackageField.text("zone"), GeoPackageField.text("landUse"), GeoPackageField.text("status"),
            GeoPackageField.real("areaM2"), GeoPackageField.real("farMin"), GeoPackageField.real("farMax"),
            GeoPackageField.real("coverageMin"), GeoPackageField.real("coverageMax"),
            GeoPackageField.real("greenRatioMin"), GeoPackageField.real("greenRatioMax"),
            GeoPackageField.real("heightMaxMetres"), GeoPackageField.real("setbackMetres"),
            GeoPackageField.integer("version")));

    @TempDir
    static Path work;

    private static List<Parcel> parcels;
    private static Path written;

    @BeforeAll
    static void writeTheSeedParcels() throws IOException {
        parcels = ParkData.dataset().parcels();
        written = work.resolve("parcels.gpkg");
        try (OutputStream out = Files.newOutputStream(written)) {
            GeoPackageWriter.write(LAYER, parcels.stream().map(GeoPackageGdalIT::feature).toList(), out);
        }
    }

    static GeoPackageFeature feature(Parcel parcel) {
        PlanningIndicators p = parcel.indicators();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("zone", parcel.zone());
        properties.put("landUse", parcel.landUse());
        properties.put("status", parcel.status().wireName());
        properties.put("areaM2", parcel.areaSquareMetres());
        properties.put("farMin", p.farMin());
        properties.put("farMax", p.farMax());
        properties.put("coverageMin", p.coverageMin());
        properties.put("coverageMax", p.coverageMax());
        properties.put("greenRatioMin", p.greenRatioMin());
        properties.put("greenRatioMax", p.greenRatioMax());
        properties.put("heightMaxMetres", p.heightMaxMetres());
        properties.put("setbackMetres", p.setbackMetres());
        properties.put("version", parcel.version());
        return new GeoPackageFeature(parcel.id(), parcel.planar(), properties);
    }

    @Test
    void ogrinfoOpensTheLayerWithEveryFeatureInEpsg4548() throws IOException, InterruptedException {
        String summary = run(List.of(OGRINFO.toString(), "-ro", "-so", written.toString(), "parcels"));

        assertThat(summary).contains("using driver `GPKG' successful").contains("Layer name: parcels")
                .contains("Geometry: Polygon").contains("Feature Count: " + parcels.size())
                .contains("FID Column = fid").contains("Geometry Column = geom")
                .contains("id: String (0.0) NOT NULL").contains("areaM2: Real (0.0)")
                .contains("version: Integer64 (0.0)");
        // The layer's SRS, as PROJ reads our definition: EPSG:4548 itself.
        String srs = summary.substring(summary.indexOf("Layer SRS WKT:"), summary.indexOf("Data axis to CRS axis"));
        assertThat(srs).contains("PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger CM 117E\"").endsWith("ID[\"EPSG\",4548]]\n");
        Envelope bounds = new Envelope();
        parcels.forEach(p -> bounds.expandToInclude(p.planar().getEnvelopeInternal()));
        assertThat(summary).contains(String.format(Locale.ROOT, "Extent: (%.6f, %.6f) - (%.6f, %.6f)",
                bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY()));
        assertThat(run(List.of(OGRINFO.toString(), "-ro", "-q", written.toString(), "-sql",
                "SELECT HasSpatialIndex('parcels', 'geom')"))).contains("HasSpatialIndex (Integer) = 1");
    }

    @Test
    void gdalMeasuresEveryParcelToItsAreaWithinOneHundredthOfASquareMetre() throws IOException, InterruptedException {
        // OGR SQL (a GeoPackage's default dialect is SQLite's): OGR_GEOM_AREA is the planar area OGR computes.
        String listing = run(List.of(OGRINFO.toString(), "-ro", "-q", "-geom=NO", written.toString(), "-dialect",
                "OGRSQL", "-sql", "SELECT id, areaM2, OGR_GEOM_AREA AS area_m2 FROM parcels"));

        Map<String, double[]> gdal = parseAreas(listing);
        assertThat(gdal.keySet()).as("parcel ids found by GDAL")
                .containsExactlyInAnyOrderElementsOf(parcels.stream().map(Parcel::id).toList());
        List<String> disagreements = new ArrayList<>();
        for (Parcel parcel : parcels) {
            double[] measured = gdal.get(parcel.id());
            if (Math.abs(measured[0] - parcel.areaSquareMetres()) > 0.01
                    || Math.abs(measured[1] - parcel.areaSquareMetres()) > 0.01) {
                disagreements.add(String.format(Locale.ROOT, "%s: ours %.4f m², GDAL %.4f m², areaM2 field %.4f",
                        parcel.id(), parcel.areaSquareMetres(), measured[0], measured[1]));
            }
        }
        assertThat(disagreements).as("parcels whose area GDAL measures otherwise").isEmpty();
    }

    @Test
    void gdalsValidatorOfTheStandardPassesTheFile() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && Files.isReadable(VALIDATE_GPKG),
                "GDAL's validate_gpkg.py (python3-gdal) is not installed");
        run(List.of(PYTHON.toString(), VALIDATE_GPKG.toString(), written.toString()));
    }

    @Test
    void layersGdalWritesInEachSrsWeReadComeBackInEpsg4548WithTheParcelsAreas() throws IOException, InterruptedException {
        Path seed = ParkData.DIR.resolve("parcels.geojson");
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("epsg4326.gpkg", List.of());
        variants.put("crs84.gpkg", List.of("-a_srs", "OGC:CRS84"));
        variants.put("epsg4548.gpkg", List.of("-t_srs", "EPSG:4548"));
        Map<String, GeoPackageCrs> expected = Map.of("epsg4326.gpkg", GeoPackageCrs.EPSG_4326,
                "crs84.gpkg", GeoPackageCrs.CRS84, "epsg4548.gpkg", GeoPackageCrs.EPSG_4548);
        Map<String, Parcel> byId = parcels.stream().collect(Collectors.toMap(Parcel::id, Function.identity()));
        for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
            Path file = work.resolve(variant.getKey());
            List<String> command = new ArrayList<>(List.of(OGR2OGR.toString(), "-f", "GPKG"));
            command.addAll(variant.getValue());
            command.addAll(List.of(file.toString(), seed.toString()));
            run(command);

            try (GeoPackageReader reader = GeoPackageReader.open(file, null)) {
                assertThat(reader.crs()).as(variant.getKey()).isEqualTo(expected.get(variant.getKey()));
                int count = 0;
                for (GeoPackageFeature feature; (feature = reader.next()) != null; count++) {
                    Parcel parcel = byId.get(feature.id());
                    assertThat(parcel).as("%s feature %s", variant.getKey(), feature.id()).isNotNull();
                    assertThat(feature.geometry().getSRID()).isEqualTo(4548);
                    assertThat(feature.properties()).containsEntry("zone", parcel.zone())
                            .containsEntry("landUse", parcel.landUse());
                    // Longitude/latitude layers hold the seed's own coordinates: transformed and put on the
                    // register's 0.01 m grid as the seed was. The EPSG:4548 one was projected by PROJ, which agrees
                    // with Proj4J to the millimetre.
                    double tolerance = reader.crs().lonLat() ? 1e-6 : 0.05;
                    double onGrid = CadastralPrecision.snap((Polygon) feature.geometry()).getArea();
                    assertThat(Math.abs(onGrid - parcel.areaSquareMetres()))
                            .as("%s %s: area difference, m²", variant.getKey(), parcel.id()).isLessThan(tolerance);
                }
                assertThat(count).as(variant.getKey()).isEqualTo(parcels.size());
            }
        }
    }

    @Test
    void aLayerGdalWritesInWebMercatorIsRefused() throws IOException, InterruptedException {
        Path file = work.resolve("mercator.gpkg");
        run(List.of(OGR2OGR.toString(), "-f", "GPKG", "-t_srs", "EPSG:3857", file.toString(),
                ParkData.DIR.resolve("parcels.geojson").toString()));

        try {
            GeoPackageReader.open(file, "parcels").close();
            fail("a layer in EPSG:3857 was opened");
        } catch (GeoPackageException e) {
            assertThat(e.getMessage()).isEqualTo("layer parcels of mercator.gpkg is in EPSG:3857 (WGS 84 /"
                    + " Pseudo-Mercator); only EPSG:4548, EPSG:4326 and OGC:CRS84 are read: reproject it first, e.g."
                    + " ogr2ogr -t_srs EPSG:4548 out.gpkg mercator.gpkg");
        }
    }

    /** Feature id to {OGR_GEOM_AREA, areaM2 field} from ogrinfo's listing. */
    private static Map<String, double[]> parseAreas(String listing) {
        Map<String, double[]> areas = new LinkedHashMap<>();
        String id = null;
        double[] values = null;
        for (String line : (listing + "\nOGRFeature(end):0").lines().toList()) {
            if (FEATURE_START.matcher(line).matches()) {
                if (id != null) {
                    assertThat(areas.put(id, values)).as("duplicate id %s", id).isNull();
                }
                id = null;
                values = new double[] {Double.NaN, Double.NaN};
                continue;
            }
            Matcher idMatch = ID_FIELD.matcher(line);
            Matcher areaMatch = AREA_FIELD.matcher(line);
            Matcher fieldMatch = AREA_M2_FIELD.matcher(line);
            if (idMatch.matches()) {
                id = idMatch.group(1).trim();
            } else if (areaMatch.matches()) {
                values[0] = Double.parseDouble(areaMatch.group(1).trim());
            } else if (fieldMatch.matches()) {
                values[1] = Double.parseDouble(fieldMatch.group(1).trim());
            }
        }
        assertThat(areas).as("areas parsed from ogrinfo output:\n%s", listing).isNotEmpty();
        return areas;
    }
}
