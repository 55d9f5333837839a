package org.qiluvalley.planner.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.importer.ImportFailedException.Kind;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelRefusedByStoreException;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.rules.ZoneRules;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.seed.SyntheticParcelsGenerator;
import org.qiluvalley.planner.store.h2gis.H2gisDatabase;
import org.qiluvalley.planner.testsupport.ParkData;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;

/** The bulk import against a real embedded store loaded with the park. */
class ParcelImportTest {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    /** A valid parcel outline in the park (CRS84), about 1.1 ha. */
    private static final String SQUARE = "[[[117.20,36.75],[117.201,36.75],[117.201,36.751],[117.20,36.751],[117.20,36.75]]]";

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private ParcelStore store;
    private ZoningRuleBook rules;
    private final ByteArrayOutputStream progressOut = new ByteArrayOutputStream();

    @BeforeEach
    void openStoreWithThePark() {
        dataSource = H2gisDatabase.dataSource(dir.resolve("data"));
        H2gisDatabase.migrate(dataSource);
        store = H2gisDatabase.store(dataSource);
        store.loadDataset(ParkData.dataset());
        rules = ParkData.ruleBook();
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void importsAGeneratedFileAndChangesNothingOnReRun() throws IOException {
        Path file = synthetic(500);
        long before = parcelCount();

        ImportReport first = importFile(file, 64);

        assertThat(first.read()).isEqualTo(500);
        assertThat(first.inserted()).isEqualTo(500);
        assertThat(first.alreadyPresent()).isZero();
        assertThat(first.rejected()).isZero();
        assertThat(parcelCount()).isEqualTo(before + 500);
        assertThat(Files.readString(rejects())).isEmpty();
        Parcel parcel = store.findById(Layer.PARCELS, "SYN-0000001").orElseThrow();
        assertThat(parcel.version()).isEqualTo(1);
        assertThat(parcel.updatedAt()).isEqualTo(NOW);
        assertThat(parcel.areaSquareMetres()).isBetween(3_025.0, 99_856.0)
                .isCloseTo(CrsTransform.toPlanar(parcel.crs84()).getArea(), org.assertj.core.data.Offset.offset(1e-6));
        List<Parcel> imported = syntheticParcels();
        assertThat(progressOut.toString(StandardCharsets.UTF_8)).contains("500 features").contains("done after");

        ImportReport again = importFile(file, 64);

        assertThat(again.read()).isEqualTo(500);
        assertThat(again.inserted()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(500);
        assertThat(again.rejected()).isZero();
        assertThat(parcelCount()).isEqualTo(before + 500);
        assertThat(syntheticParcels()).isEqualTo(imported);
    }

    @Test
    void rejectsHostileAndBrokenFeaturesWithReasonsAndImportsTheValidOnes() throws IOException {
        List<Parcel> parkBefore = store.find(Layer.PARCELS, FeatureQuery.all()).items();
        List<Zone> zonesBefore = store.find(Layer.ZONES, FeatureQuery.all()).items();
        String explicit = "\"farMin\":1.2,\"farMax\":2.0,\"coverageMin\":0.45,\"coverageMax\":0.55,"
                + "\"greenRatioMin\":0.1,\"greenRatioMax\":0.15,\"heightMaxMetres\":30,\"setbackMetres\":8";
        String[] features = {
            /* 0 */ feature("\"IMP-1\"", props("laser-industry", "100101", "available", explicit), polygon(SQUARE)),
            /* 1 */ feature("\"IMP-2\"", props("incubator", "0802", "reserved", null), polygon(SQUARE)),
            /* 2 */ feature(null, props("laser-industry", "100101", "available", null), polygon(SQUARE)),
            /* 3 */ feature("\"IMP-1\"", props("laser-industry", "100101", "available", null), polygon(SQUARE)),
            /* 4 */ feature("\"IMP-4\"", props("moon-base", "100101", "available", null), polygon(SQUARE)),
            /* 5 */ feature("\"IMP-5\"", props("laser-industry", "999999", "available", null), polygon(SQUARE)),
            /* 6 */ feature("\"IMP-6\"", props("laser-industry", "100101", "available", null), polygon(
                    "[[[117.20,36.75],[117.201,36.751],[117.201,36.75],[117.20,36.751],[117.20,36.75]]]")),
            /* 7 */ feature("\"IMP-7\"", props("laser-industry", "100101", "available", null),
                    "{\"type\":\"Point\",\"coordinates\":[117.2,36.75]}"),
            /* 8 */ feature("\"IMP-8\"", props("laser-industry", "100101", "available", null), polygon(
                    "[[[NaN,36.75],[117.201,36.75],[117.201,36.751],[117.20,36.751],[NaN,36.75]]]")),
            /* 9 */ feature("\"IMP-9\"", props("laser-industry", "100101", "available", null), polygon(
                    "[[[\"117.20\",\"36.75\"],[117.201,36.75],[117.201,36.751],[117.20,36.751],[\"117.20\",\"36.75\"]]]")),
            /* 10 */ feature("\"IMP-10\"", props("laser-industry", "100101", "available", null), polygon(
                    "[[[500,36.75],[117.201,36.75],[117.201,36.751],[117.20,36.751],[500,36.75]]]")),
            /* 11 */ feature("\"IMP-11\"", props("laser-industry", "100101", "available", "\"farMin\":3,\"farMax\":1"),
                    polygon(SQUARE)),
            /* 12 */ feature("\"" + "A".repeat(200) + "\"", props("laser-industry", "100101", "available", null),
                    polygon(SQUARE)),
            /* 13 */ feature("\"'; DROP TABLE parcels; --\"", props("laser-industry", "100101", "available", null),
                    polygon(SQUARE)),
            /* 14 */ feature("\"IMP-14\"", props("laser-industry", "100101", "withdrawn", null), polygon(SQUARE)),
            /* 15 */ feature("\"IMP-15\"", props("laser-industry", "100101", "available", "\"coverageMax\":40"),
                    polygon(SQUARE)),
            /* 16 */ "42",
            /* 17 */ feature("17", props("laser-industry", "100101", "available", null), polygon(SQUARE)),
            /* 18 */ feature("\"IMP-18\"", props("laser-industry", "100101", "available", null), polygon(
                    "[[[10.0,50.0],[10.001,50.0],[10.001,50.001],[10.0,50.001],[10.0,50.0]]]")),
            /* 19 */ feature("\"IMP-19\"", props("laser-industry", "100101", "available", null), polygon(
                    "[[[117.20,36.75],[117.201,36.75],[117.201,36.751],[117.20,36.751],[117.2001,36.75]]]")),
            /* 20 */ feature("\"IMP-20\"", props("laser-industry", "100101", "available", "\"heightMaxMetres\":-5"),
                    polygon(SQUARE)),
            /* 21 */ "{\"type\":\"Feature\",\"id\":\"IMP-21\",\"properties\":null,\"geometry\":" + polygon(SQUARE) + "}",
            /* 22 */ feature("\"IMP-22\"", props("laser-industry", "100101", "available", "\"farMax\":\"2.5\""),
                    polygon(SQUARE)),
        };
        Path file = write("hostile.geojson", collection(features));

        ImportReport report = importFile(file, 1000);

        Map<Long, JsonNode> rejected = RejectLines.read(rejects());
        assertThat(report.read()).isEqualTo(features.length);
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(features.length - 2).isEqualTo(rejected.size());
        assertThat(rejected).doesNotContainKeys(0L, 1L);
        RejectLines.assertReason(rejected, 2, null, "has no \"id\"");
        RejectLines.assertReason(rejected, 3, "IMP-1", "duplicate id");
        RejectLines.assertReason(rejected, 4, "IMP-4", "zone \"moon-base\" does not exist");
        RejectLines.assertReason(rejected, 5, "IMP-5", "land-use code \"999999\" is not in the rule book");
        RejectLines.assertReason(rejected, 6, "IMP-6", "invalid geometry: Self-intersection");
        RejectLines.assertReason(rejected, 7, "IMP-7", "must be a Polygon, not a Point");
        RejectLines.assertReason(rejected, 8, "IMP-8", "finite");
        RejectLines.assertReason(rejected, 9, "IMP-9", "coordinates must be numbers");
        RejectLines.assertReason(rejected, 10, "IMP-10", "longitude -180..180");
        RejectLines.assertReason(rejected, 11, "IMP-11", "farMin 3.0 is above farMax 1.0");
        RejectLines.assertReason(rejected, 12, "A".repeat(Texts.MAX_ECHO) + "...", "1 to 32 characters");
        RejectLines.assertReason(rejected, 13, "'; DROP TABLE parcels; --", "may contain only");
        RejectLines.assertReason(rejected, 14, "IMP-14", "status \"withdrawn\"");
        RejectLines.assertReason(rejected, 15, "IMP-15", "coverageMax is a fraction");
        RejectLines.assertReason(rejected, 16, null, "must be a JSON object");
        RejectLines.assertReason(rejected, 17, null, "\"id\" must be a string, not a number");
        RejectLines.assertReason(rejected, 18, "IMP-18", "outside the area of use of EPSG:4548");
        RejectLines.assertReason(rejected, 19, "IMP-19", "not closed");
        RejectLines.assertReason(rejected, 20, "IMP-20", "heightMaxMetres must be a finite number >= 0");
        RejectLines.assertReason(rejected, 21, "IMP-21", "\"properties\" must be an object");
        RejectLines.assertReason(rejected, 22, "IMP-22", "farMax must be a number, not a string");

        // Only the two valid parcels were added; the park is as it was.
        List<Parcel> after = store.find(Layer.PARCELS, FeatureQuery.all()).items();
        assertThat(after).hasSize(parkBefore.size() + 2).containsAll(parkBefore);
        assertThat(store.find(Layer.ZONES, FeatureQuery.all()).items()).isEqualTo(zonesBefore);
        Parcel withIndicators = store.findById(Layer.PARCELS, "IMP-1").orElseThrow();
        assertThat(withIndicators.indicators()).isEqualTo(new PlanningIndicators(1.2, 2.0, 0.45, 0.55, 0.1, 0.15, 30, 8));
        Parcel withDefaults = store.findById(Layer.PARCELS, "IMP-2").orElseThrow();
        ZoneRules incubator = rules.zone("incubator").orElseThrow();
        assertThat(withDefaults.status()).isEqualTo(ParcelStatus.RESERVED);
        assertThat(withDefaults.indicators()).isEqualTo(new PlanningIndicators(incubator.far().min(),
                incubator.far().max(), incubator.coverage().min(), incubator.coverage().max(),
                incubator.greenRatio().min(), incubator.greenRatio().max(), incubator.heightMaxMetres().max(),
                rules.roadSetbacks().branchMetres()));
        // 0.001 degree square at 36.75 N: about 89.3 m by 111.0 m.
        assertThat(withDefaults.areaSquareMetres()).isBetween(9_800.0, 10_000.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"Feature\",\"id\":\"X\",\"properties\":{},\"geometry\":null}|its \"type\" is \"Feature\"",
        "[1, 2, 3]|the document is not a JSON object",
        "this is not JSON|not valid JSON at line 1",
        "''|the document is not a JSON object",
        "{\"type\":\"FeatureCollection\"}|no \"features\" array",
        "{\"type\":\"FeatureCollection\",\"features\":{}}|\"features\" is not an array",
        "{\"features\":[]}|it has no \"type\" member",
        "{\"type\":\"FeatureCollection\",\"features\":[]} {}|more content after the end",
    })
    void aFileThatIsNotAFeatureCollectionStopsTheImport(String content, String message) throws IOException {
        long before = parcelCount();
        Path file = write("broken.geojson", content);

        assertThatThrownBy(() -> importFile(file, 1000))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BAD_FILE);
                    assertThat(e.getMessage()).startsWith("broken.geojson: ").contains(message);
                });
        assertThat(parcelCount()).isEqualTo(before);
    }

    @Test
    void membersMayComeInAnyOrder() throws IOException {
        Path file = write("reordered.geojson", "{\"bbox\":[117,36,118,37],\"features\":["
                + feature("\"IMP-1\"", props("laser-industry", "100101", "available", null), polygon(SQUARE))
                + "],\"name\":\"x\",\"type\":\"FeatureCollection\"}");

        assertThat(importFile(file, 10).inserted()).isEqualTo(1);
    }

    @Test
    void aTruncatedFileKeepsWhatCameBeforeTheBreakAndAReRunOfTheWholeFileCompletesIt() throws IOException {
        Path whole = synthetic(100);
        byte[] bytes = Files.readAllBytes(whole);
        Path half = write("half.geojson", new String(bytes, 0, bytes.length / 2, StandardCharsets.UTF_8));
        long before = parcelCount();

        assertThatThrownBy(() -> importFile(half, 10)).isInstanceOfSatisfying(ImportFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_FILE);
            assertThat(e.getMessage()).contains("not valid JSON at line");
            assertThat(e.soFar().inserted()).isBetween(40L, 50L);
        });
        long partial = parcelCount() - before;
        assertThat(partial).isBetween(40L, 50L);

        ImportReport rest = importFile(whole, 10);
        assertThat(rest.inserted()).isEqualTo(100 - partial);
        assertThat(rest.alreadyPresent()).isEqualTo(partial);
        assertThat(parcelCount()).isEqualTo(before + 100);
    }

    @Test
    void aFeatureLargerThanTheLimitStopsTheImportBeforeItIsInMemory() throws IOException {
        StringBuilder ring = new StringBuilder("[[[117.20,36.75]");
        for (int i = 1; i < 1000; i++) {
            ring.append(",[117.2").append(i).append(",36.75]");
        }
        ring.append(",[117.20,36.75]]]");
        Path file = write("huge.geojson", collection(
                feature("\"IMP-1\"", props("laser-industry", "100101", "available", null), polygon(SQUARE)),
                feature("\"IMP-2\"", props("laser-industry", "100101", "available", null), polygon(ring.toString()))));

        assertThatThrownBy(() -> new ParcelImport(store, rules, Clock.fixed(NOW, ZoneOffset.UTC)).run(file, rejects(),
                new ParcelImport.Settings(10, 4096), progress(file)))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BAD_FILE);
                    assertThat(e.getMessage()).contains("feature at index 1 spans more than 4096 bytes");
                });
        assertThat(store.findById(Layer.PARCELS, "IMP-1")).isPresent();
    }

    @Test
    void aRowTheDatabaseRefusesIsRejectedAloneAndTheRestOfItsBatchInserted() throws IOException {
        ParcelStore refusing = storeFailingOn("SYN-0000003", new SQLException("new row violates check constraint",
                "23514"));
        Path file = synthetic(10);

        ImportReport report = new ParcelImport(refusing, rules, Clock.fixed(NOW, ZoneOffset.UTC)).run(file,
                rejects(), ParcelImport.Settings.defaults(), progress(file));

        assertThat(report.inserted()).isEqualTo(9);
        assertThat(report.rejected()).isEqualTo(1);
        RejectLines.assertReason(RejectLines.read(rejects()), 2, "SYN-0000003", "the database refused it");
        assertThat(store.findById(Layer.PARCELS, "SYN-0000003")).isEmpty();
        assertThat(store.findById(Layer.PARCELS, "SYN-0000010")).isPresent();
    }

    @Test
    void aStoreFailureThatIsNotAboutTheDataStopsTheImport() throws IOException {
        ParcelStore failing = storeFailingOn("SYN-0000003", new SQLException("connection lost", "08006"));
        Path file = synthetic(10);

        assertThatThrownBy(() -> new ParcelImport(failing, rules, Clock.fixed(NOW, ZoneOffset.UTC)).run(file,
                rejects(), ParcelImport.Settings.defaults(), progress(file)))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.STORE);
                    assertThat(e.getMessage()).contains("connection lost");
                });
    }

    @Test
    void progressIsShownAtMostOncePerSecondWithRatePercentageAndEta() {
        AtomicLong clock = new AtomicLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressDisplay progress = new ProgressDisplay(new PrintStream(out, true, StandardCharsets.UTF_8), false,
                "big.geojson", 10_000_000, clock::get);

        clock.set(500_000_000L);
        progress.update(1_000, 1_000_000);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        clock.set(2_000_000_000L);
        progress.update(4_000, 2_500_000);
        clock.set(2_100_000_000L);
        progress.update(4_100, 2_600_000);
        progress.finish(16_000, 10_000_000, "done");

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "big.geojson: 4,000 features, 2,000/s, 25.0% of 10.0 MB, ETA 0:06",
                "big.geojson: 16,000 features, 7,619/s, 100.0% of 10.0 MB, done after 0:02");
    }

    // ------------------------------------------------------------------------------------------------------------

    private ImportReport importFile(Path file, int batchSize) {
        return new ParcelImport(store, rules, Clock.fixed(NOW, ZoneOffset.UTC)).run(file, rejects(),
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

    private List<Parcel> syntheticParcels() {
        return store.find(Layer.PARCELS, FeatureQuery.all()).items().stream()
                .filter(p -> p.id().startsWith("SYN-")).toList();
    }

    private long parcelCount() {
        return store.find(Layer.PARCELS, new FeatureQuery(null, Map.of(), 0, 0)).numberMatched();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}";
    }

    /** @param id the JSON value of the id, or null for none */
    private static String feature(String id, String properties, String geometry) {
        return "{\"type\":\"Feature\"" + (id == null ? "" : ",\"id\":" + id) + ",\"properties\":" + properties
                + ",\"geometry\":" + geometry + "}";
    }

    private static String props(String zone, String landUse, String status, String more) {
        return "{\"zone\":\"" + zone + "\",\"landUse\":\"" + landUse + "\",\"status\":\"" + status + "\""
                + (more == null ? "" : "," + more) + "}";
    }

    private static String polygon(String coordinates) {
        return "{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}";
    }

    /**
     * The store, except that inserting a list containing {@code id} fails with {@code cause}, as the store contract
     * says a store fails: a refusal of the data (SQLSTATE class 22 or 23) as {@link ParcelRefusedByStoreException},
     * anything else as the failure it is. (That the real stores classify real SQL errors so is tested by
     * {@code ParcelStoreContract}.)
     */
    private ParcelStore storeFailingOn(String id, SQLException cause) {
        return (ParcelStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ParcelStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("insertParcelsIfAbsent")
                            && ((List<?>) args[0]).stream().anyMatch(p -> ((Parcel) p).id().equals(id))) {
                        String message = "cannot insert into parcels: " + cause.getMessage();
                        if (cause.getSQLState().startsWith("22") || cause.getSQLState().startsWith("23")) {
                            throw new ParcelRefusedByStoreException(message, cause);
                        }
                        throw new IllegalStateException(message, cause);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
