package org.qiluvalley.planner.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geopackage.GeoPackageFeature;
import org.qiluvalley.planner.geopackage.GeoPackageField;
import org.qiluvalley.planner.geopackage.GeoPackageGeometryType;
import org.qiluvalley.planner.geopackage.GeoPackageLayer;
import org.qiluvalley.planner.geopackage.GeoPackageWriter;
import org.qiluvalley.planner.importer.ImportFailedException.Kind;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.seed.SyntheticParcelsGenerator;
import org.qiluvalley.planner.store.h2gis.H2gisDatabase;
import org.qiluvalley.planner.testsupport.ParkData;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk import of a GeoPackage layer written by {@link GeoPackageWriter}, against a real embedded store loaded with
 * the park: the same parcels as from the same data in GeoJSON, the same checks and reasons, idempotent re-runs.
 */
class ParcelImportGeoPackageTest {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> INDICATORS = List.of("farMin", "farMax", "coverageMin", "coverageMax",
            "greenRatioMin", "greenRatioMax", "heightMaxMetres", "setbackMetres");

    @TempDir
    Path dir;

    private final List<HikariDataSource> dataSources = new ArrayList<>();
    private ParcelStore store;
    private ZoningRuleBook rules;
    private final ByteArrayOutputStream progressOut = new ByteArrayOutputStream();

    @BeforeEach
    void openStoreWithThePark() {
        store = storeWithThePark("data");
        rules = ParkData.ruleBook();
    }

    private ParcelStore storeWithThePark(String name) {
        HikariDataSource dataSource = H2gisDatabase.dataSource(dir.resolve(name));
        dataSources.add(dataSource);
        H2gisDatabase.migrate(dataSource);
        ParcelStore parcels = H2gisDatabase.store(dataSource);
        parcels.loadDataset(ParkData.dataset());
        return parcels;
    }

    @AfterEach
    void close() {
        dataSources.forEach(HikariDataSource::close);
    }

    @Test
    void importsTheParcelsTheSameDataInGeoJsonGivesAndChangesNothingOnReRun() throws IOException {
        Path geojson = synthetic(300);
        Path gpkg = geoPackageOf(geojson, "synthetic.gpkg");
        ParcelStore fromGeoJson = storeWithThePark("geojson");
        new ParcelImport(fromGeoJson, rules, Clock.fixed(NOW, ZoneOffset.UTC)).run(geojson, dir.resolve("g.ndjson"),
                ParcelImport.Settings.defaults(), progress(geojson));

        ImportReport first = importFile(gpkg, null, 64);

        assertThat(first.read()).isEqualTo(300);
        assertThat(first.inserted()).isEqualTo(300);
        assertThat(first.alreadyPresent()).isZero();
        assertThat(first.rejected()).isZero();
        assertThat(first.bytesRead()).isEqualTo(Files.size(gpkg));
        assertThat(Files.readString(rejects())).isEmpty();
        assertThat(progressOut.toString(StandardCharsets.UTF_8)).contains("synthetic.gpkg: 300 features")
                .contains("100.0% of").contains("done after");
        List<Parcel> imported = syntheticParcels(store);
        List<Parcel> expected = syntheticParcels(fromGeoJson);
        assertThat(imported).hasSize(300);
        for (int i = 0; i < imported.size(); i++) {
            Parcel ours = imported.get(i);
            Parcel theirs = expected.get(i);
            assertThat(ours.id()).isEqualTo(theirs.id());
            assertThat(ours.zone()).isEqualTo(theirs.zone());
            assertThat(ours.landUse()).isEqualTo(theirs.landUse());
            assertThat(ours.status()).isEqualTo(theirs.status());
            assertThat(ours.indicators()).isEqualTo(theirs.indicators());
            assertThat(ours.version()).isEqualTo(1);
            assertThat(ours.updatedAt()).isEqualTo(NOW);
            // The GeoPackage holds the EPSG:4548 outline the GeoJSON one projects to (to the stores' precision).
            assertThat(ours.areaSquareMetres()).as(ours.id()).isCloseTo(theirs.areaSquareMetres(), within(1e-6));
            assertThat(ours.planar().getCoordinates()).hasSameSizeAs(theirs.planar().getCoordinates());
            assertThat(ours.planar().getCoordinates()[0].distance(theirs.planar().getCoordinates()[0]))
                    .isLessThan(1e-6);
        }

        ImportReport again = importFile(gpkg, "parcels", 64);

        assertThat(again.read()).isEqualTo(300);
        assertThat(again.inserted()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(300);
        assertThat(syntheticParcels(store)).isEqualTo(imported);
    }

    @Test
    void rejectsEachBadFeatureForTheSameReasonAsInGeoJsonAndImportsTheValidOnes() throws IOException, SQLException {
        GeoPackageLayer layer = new GeoPackageLayer("survey", GeoPackageGeometryType.GEOMETRY, List.of(
                GeoPackageField.text("zone"), GeoPackageField.text("landUse"), GeoPackageField.text("status"),
                GeoPackageField.real("farMin"), GeoPackageField.real("farMax"),
                GeoPackageField.text("heightMaxMetres"), GeoPackageField.integer("setbackMetres")));
        Polygon square = square(518_500, 4_068_100, 100);
        List<GeoPackageFeature> features = List.of(
                /* 0 */ feature("IMP-1", square, props("laser-industry", "100101", "available", "farMin", 1.2, "farMax", 2.0,
                        "setbackMetres", 8)),
                /* 1 */ feature("IMP-2", square, props("incubator", "0802", "reserved")),
                /* 2 */ feature("", square, props("laser-industry", "100101", "available")),
                /* 3 */ feature("IMP-1", square, props("laser-industry", "100101", "available")),
                /* 4 */ feature("IMP-4", square, props("moon-base", "100101", "available")),
                /* 5 */ feature("IMP-5", square, props("laser-industry", "999999", "available")),
                /* 6 */ feature("IMP-6", wkt("POLYGON ((518500 4068100, 518600 4068200, 518600 4068100, 518500 4068200,"
                        + " 518500 4068100))"), props("laser-industry", "100101", "available")),
                /* 7 */ feature("IMP-7", wkt("POINT (518500 4068100)"), props("laser-industry", "100101", "available")),
                /* 8 */ feature("IMP-8", CrsTransform.PLANAR.createMultiPolygon(new Polygon[] {square}),
                        props("laser-industry", "100101", "available")),
                /* 9 */ feature("IMP-9", null, props("laser-industry", "100101", "available")),
                /* 10 */ feature("IMP-10", wkt("POLYGON EMPTY"), props("laser-industry", "100101", "available")),
                /* 11 */ feature("IMP-11", square(100_000, 4_068_100, 100), props("laser-industry", "100101",
                        "available")),
                /* 12 */ feature("IMP-12", square, props("laser-industry", "100101", "available", "farMin", 3, "farMax", 1)),
                /* 13 */ feature("'; DROP TABLE parcels; --", square, props("laser-industry", "100101", "available")),
                /* 14 */ feature("IMP-14", square, props("laser-industry", "100101", "withdrawn")),
                /* 15 */ feature("IMP-15", square, props("laser-industry", "100101", "available", "heightMaxMetres", "30")),
                /* 16 */ feature("IMP-16", square, props(null, "100101", "available")),
                /* 17 */ feature("IMP-17", square, props("laser-industry", "100101", "available")),
                /* 18 */ feature("IMP-18", square, props("laser-industry", "100101", "available", "farMin", -1)),
                /* 19 */ feature("A".repeat(200), square, props("laser-industry", "100101", "available")),
                /* 20 */ feature("IMP-20", wkt("POLYGON ((518500 4068100, 518600 4068100, 518600 4068200, 518500 4068200,"
                        + " 518500 4068100), (518400 4068150, 518450 4068150, 518450 4068160, 518400 4068150))"),
                        props("laser-industry", "100101", "available")));
        Path file = write("survey.gpkg", layer, features);
        // A geometry no reader can decode (bytes after the "GP" header that are not WKB).
        sql(file, "UPDATE survey SET geom = X'47500001941100000102030405' WHERE fid = 18");

        ImportReport report = importFile(file, "survey", 1000);

        Map<Long, JsonNode> rejected = RejectLines.read(rejects());
        assertThat(report.read()).isEqualTo(features.size());
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(features.size() - 2).isEqualTo(rejected.size());
        assertThat(rejected).doesNotContainKeys(0L, 1L);
        RejectLines.assertReason(rejected, 2, "", "\"id\" must be 1 to 32 characters long, this one has 0");
        RejectLines.assertReason(rejected, 3, "IMP-1", "duplicate id");
        RejectLines.assertReason(rejected, 4, "IMP-4", "zone \"moon-base\" does not exist");
        RejectLines.assertReason(rejected, 5, "IMP-5", "land-use code \"999999\" is not in the rule book");
        RejectLines.assertReason(rejected, 6, "IMP-6", "invalid geometry in EPSG:4548: Self-intersection");
        RejectLines.assertReason(rejected, 7, "IMP-7", "geometry must be a Polygon, not a Point");
        RejectLines.assertReason(rejected, 8, "IMP-8", "geometry must be a Polygon, not a MultiPolygon");
        RejectLines.assertReason(rejected, 9, "IMP-9", "geometry: the feature has no geometry");
        RejectLines.assertReason(rejected, 10, "IMP-10", "geometry: the Polygon is empty");
        RejectLines.assertReason(rejected, 11, "IMP-11", "is outside the area of use of EPSG:4548");
        RejectLines.assertReason(rejected, 12, "IMP-12", "farMin 3.0 is above farMax 1.0");
        RejectLines.assertReason(rejected, 13, "'; DROP TABLE parcels; --", "may contain only");
        RejectLines.assertReason(rejected, 14, "IMP-14", "status \"withdrawn\"");
        RejectLines.assertReason(rejected, 15, "IMP-15", "heightMaxMetres must be a number, not a string");
        RejectLines.assertReason(rejected, 16, "IMP-16", "property \"zone\" is missing");
        RejectLines.assertReason(rejected, 17, "IMP-17", "geometry: GeoPackage geometry with broken WKB");
        RejectLines.assertReason(rejected, 18, "IMP-18", "farMin must be a finite number >= 0, got -1.0");
        RejectLines.assertReason(rejected, 19, "A".repeat(Texts.MAX_ECHO) + "...", "1 to 32 characters");
        RejectLines.assertReason(rejected, 20, "IMP-20", "invalid geometry in EPSG:4548: Hole lies outside shell");

        Parcel withIndicators = store.findById(Layer.PARCELS, "IMP-1").orElseThrow();
        assertThat(withIndicators.indicators().farMin()).isEqualTo(1.2);
        assertThat(withIndicators.indicators().setbackMetres()).isEqualTo(8);
        assertThat(withIndicators.areaSquareMetres()).isCloseTo(10_000, within(1e-6));
        assertThat(withIndicators.planar().equalsExact(square)).isTrue();
        assertThat(CrsTransform.toPlanar(withIndicators.crs84()).getArea()).isCloseTo(10_000, within(1e-6));
        Parcel withDefaults = store.findById(Layer.PARCELS, "IMP-2").orElseThrow();
        assertThat(withDefaults.indicators().heightMaxMetres())
                .isEqualTo(rules.zone("incubator").orElseThrow().heightMaxMetres().max());
    }

    @Test
    void aLayerWithoutAnIdColumnOrInAnSrsNotReadStopsTheImportBeforeAnyFeature() throws IOException, SQLException {
        GeoPackageLayer layer = new GeoPackageLayer("parcels", GeoPackageGeometryType.POLYGON,
                List.of(GeoPackageField.text("zone")));
        List<GeoPackageFeature> one = List.of(feature("IMP-1", square(518_500, 4_068_100, 100),
                Map.of("zone", "laser-industry")));
        Path noIds = write("no-ids.gpkg", layer, one);
        sql(noIds, "ALTER TABLE parcels DROP COLUMN id");
        Path mercator = write("mercator.gpkg", layer, one);
        sql(mercator, "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 / Pseudo-Mercator', 3857, 'EPSG', 3857, 'x', '')",
                "UPDATE gpkg_geometry_columns SET srs_id = 3857");
        long before = parcelCount();

        assertThatThrownBy(() -> importFile(noIds, null, 10)).isInstanceOfSatisfying(ImportFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_FILE);
            assertThat(e.getMessage()).isEqualTo("no-ids.gpkg: layer parcels has no \"id\" column: each parcel needs"
                    + " its id there (1 to 32 characters A-Z a-z 0-9 . _ -)");
        });
        assertThatThrownBy(() -> importFile(mercator, null, 10)).isInstanceOfSatisfying(ImportFailedException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BAD_FILE);
                    assertThat(e.getMessage()).contains("is in EPSG:3857 (WGS 84 / Pseudo-Mercator); only EPSG:4548");
                });
        assertThatThrownBy(() -> importFile(noIds, "roads", 10)).isInstanceOfSatisfying(ImportFailedException.class,
                e -> assertThat(e.getMessage()).isEqualTo("no-ids.gpkg has no feature layer \"roads\" (its feature"
                        + " layers: parcels)"));
        Path notAGeoPackage = Files.writeString(dir.resolve("parcels.gpkg"), "{\"type\":\"FeatureCollection\"}");
        assertThatThrownBy(() -> importFile(notAGeoPackage, null, 10))
                .isInstanceOfSatisfying(ImportFailedException.class,
                        e -> assertThat(e.getMessage()).contains("parcels.gpkg"));
        assertThat(parcelCount()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------------------------

    private ImportReport importFile(Path file, String layer, int batchSize) {
        return new ParcelImport(store, rules, Clock.fixed(NOW, ZoneOffset.UTC)).runGeoPackage(file, layer, rejects(),
                ParcelImport.Settings.defaults().withBatchSize(batchSize), progress(file));
    }

    private ProgressDisplay progress(Path file) {
        return new ProgressDisplay(new PrintStream(progressOut, true, StandardCharsets.UTF_8), false,
                file.getFileName().toString(), file.toFile().length(), System::nanoTime);
    }

    private Path rejects() {
        return dir.resolve("rejects.ndjson");
    }

    private Path synthetic(int count) throws IOException {
        Path file = dir.resolve("synthetic-" + count + ".geojson");
        try (OutputStream out = Files.newOutputStream(file)) {
            new SyntheticParcelsGenerator(rules, 7).write(count, out);
        }
        return file;
    }

    /** The features of a GeoJSON FeatureCollection (CRS84) as a GeoPackage layer in EPSG:4548. */
    private Path geoPackageOf(Path geojson, String name) throws IOException {
        List<GeoPackageField> fields = new ArrayList<>(List.of(GeoPackageField.text("zone"),
                GeoPackageField.text("landUse"), GeoPackageField.text("status")));
        INDICATORS.forEach(indicator -> fields.add(GeoPackageField.real(indicator)));
        GeoPackageLayer layer = new GeoPackageLayer("parcels", GeoPackageGeometryType.POLYGON, fields);
        List<GeoPackageFeature> features = new ArrayList<>();
        for (JsonNode feature : JSON.readTree(geojson.toFile()).path("features")) {
            Map<String, Object> properties = new LinkedHashMap<>();
            JsonNode json = feature.path("properties");
            for (GeoPackageField field : fields) {
                JsonNode value = json.get(field.name());
                properties.put(field.name(), value == null || value.isNull() ? null
                        : value.isNumber() ? (Object) value.doubleValue() : value.stringValue());
            }
            Geometry planar = CrsTransform.toPlanar(GeoJson.readGeometry(feature.get("geometry"), CrsTransform.CRS84));
            features.add(new GeoPackageFeature(feature.path("id").stringValue(), planar, properties));
        }
        return write(name, layer, features);
    }

    private Path write(String name, GeoPackageLayer layer, List<GeoPackageFeature> features) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            GeoPackageWriter.write(layer, features, out);
        }
        return file;
    }

    /**
     * Changes a written file with SQL, after dropping its spatial index's triggers (they call functions only
     * GeoPackage clients such as GDAL define).
     */
    private static void sql(Path file, String... statements) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = db.createStatement()) {
            List<String> triggers = new ArrayList<>();
            try (var rows = sql.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (rows.next()) {
                    triggers.add(rows.getString(1));
                }
            }
            for (String trigger : triggers) {
                sql.execute("DROP TRIGGER \"" + trigger + "\"");
            }
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static GeoPackageFeature feature(String id, Geometry planar, Map<String, Object> properties) {
        return new GeoPackageFeature(id, planar, properties);
    }

    /** zone, landUse, status, then pairs of further names and values. */
    private static Map<String, Object> props(String zone, String landUse, String status, Object... more) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("zone", zone);
        properties.put("landUse", landUse);
        properties.put("status", status);
        for (int i = 0; i < more.length; i += 2) {
            properties.put((String) more[i], more[i + 1]);
        }
        return properties;
    }

    /** A square in EPSG:4548, metres. */
    private static Polygon square(double x, double y, double side) {
        return (Polygon) CrsTransform.PLANAR.toGeometry(new Envelope(x, x + side, y, y + side));
    }

    private static Geometry wkt(String text) {
        try {
            return new org.locationtech.jts.io.WKTReader(CrsTransform.PLANAR).read(text);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<Parcel> syntheticParcels(ParcelStore parcels) {
        return parcels.find(Layer.PARCELS, FeatureQuery.all()).items().stream()
                .filter(p -> p.id().startsWith("SYN-")).toList();
    }

    private long parcelCount() {
        return store.find(Layer.PARCELS, new FeatureQuery(null, Map.of(), 0, 0)).numberMatched();
    }
}
