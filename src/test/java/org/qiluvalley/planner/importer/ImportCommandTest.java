package org.qiluvalley.planner.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.seed.SyntheticParcelsGenerator;
import org.qiluvalley.planner.store.h2gis.H2gisDatabase;
import org.qiluvalley.planner.testsupport.ParkData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The {@code import} command line: argument errors are reported before any application context starts; a run
 * with a context holding a real embedded store imports and prints the summary.
 */
class ImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String[]> contextsStarted = new ArrayList<>();

    /** Fails the test if the command starts an application context. */
    private final Function<String[], ConfigurableApplicationContext> noContext = args -> {
        throw new AssertionError("the application context must not start on a usage error");
    };

    @Test
    void aMissingFileIsAUsageError() {
        assertThat(run(noContext, dir.resolve("nowhere.geojson").toString(), "--collection", "parcels")).isEqualTo(2);
        assertThat(err()).contains("nowhere.geojson: no such file").contains("usage: java -jar");
    }

    @Test
    void noFileAtAllIsAUsageError() {
        assertThat(run(noContext, "--collection", "parcels")).isEqualTo(2);
        assertThat(err()).contains("missing the GeoJSON file to import");
    }

    @Test
    void anUnknownCollectionIsAUsageErrorListingTheSupportedOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("zones.geojson"), "{}");
        assertThat(run(noContext, file.toString(), "--collection", "zones")).isEqualTo(2);
        assertThat(err()).contains("cannot import into collection \"zones\"; supported: parcels");
    }

    @Test
    void theCollectionMustBeNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("a.geojson"), "{}");
        assertThat(run(noContext, file.toString())).isEqualTo(2);
        assertThat(err()).contains("missing --collection (supported: parcels)");
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("a.geojson"), "{}");
        assertThat(run(noContext, file.toString(), "--collection=parcels", "--batch-size", "0")).isEqualTo(2);
        assertThat(err()).contains("--batch-size must be a whole number from 1 to 100000, got 0");
        assertThat(run(noContext, file.toString(), "--collection=parcels", "--batch-size=lots")).isEqualTo(2);
        assertThat(run(noContext, file.toString(), "--collection=parcels", "--verbose")).isEqualTo(2);
        assertThat(err()).contains("unknown option --verbose");
        assertThat(run(noContext, file.toString(), "--collection=parcels", "--rejects", file.toString())).isEqualTo(2);
        assertThat(err()).contains("--rejects must not be the input file");
        assertThat(run(noContext, file.toString(), "--collection=parcels", "--rejects=/no/such/dir/r.ndjson"))
                .isEqualTo(2);
        assertThat(err()).contains("does not exist");
        assertThat(run(noContext, file.toString(), file.toString(), "--collection=parcels")).isEqualTo(2);
        assertThat(err()).contains("one file at a time");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run(noContext, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--collection NAME").contains("--batch-size N");
    }

    @Test
    void theDefaultRejectsFileSitsNextToTheInput() {
        assertThat(ImportArguments.defaultRejects(Path.of("/data/parcels-100k.geojson")))
                .isEqualTo(Path.of("/data/parcels-100k.rejects.ndjson"));
        assertThat(ImportArguments.defaultRejects(Path.of("survey.JSON"))).isEqualTo(Path.of("survey.rejects.ndjson"));
        assertThat(ImportArguments.defaultRejects(Path.of("parcels"))).isEqualTo(Path.of("parcels.rejects.ndjson"));
    }

    @Test
    void importsThroughTheApplicationContextPassingConfigurationPropertiesOn() throws IOException {
        Path file = dir.resolve("parcels.geojson");
        try (OutputStream stream = Files.newOutputStream(file)) {
            new SyntheticParcelsGenerator(ParkData.ruleBook(), 1).write(50, stream);
        }
        try (HikariDataSource dataSource = H2gisDatabase.dataSource(dir.resolve("data"))) {
            H2gisDatabase.migrate(dataSource);
            ParcelStore store = H2gisDatabase.store(dataSource);
            store.loadDataset(ParkData.dataset());
            Function<String[], ConfigurableApplicationContext> context = args -> {
                contextsStarted.add(args);
                GenericApplicationContext application = new GenericApplicationContext();
                application.registerBean(ParcelStore.class, () -> store);
                application.registerBean(ZoningRuleBook.class, ParkData::ruleBook);
                application.refresh();
                return application;
            };

            int status = run(context, file.toString(), "--collection", "parcels", "--batch-size=7",
                    "--valley.data-dir=/srv/valley");

            assertThat(status).as(err()).isZero();
            assertThat(contextsStarted).singleElement().satisfies(args ->
                    assertThat(args).containsExactly("--valley.data-dir=/srv/valley"));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("read 50 features").contains("50 inserted")
                    .contains("0 already present").contains("0 rejected");
            assertThat(err()).contains("parcels.geojson: 50 features").contains("done after");
            assertThat(dir.resolve("parcels.rejects.ndjson")).exists().isEmptyFile();

            Files.writeString(file, "not json");
            assertThat(run(context, file.toString(), "--collection", "parcels")).isEqualTo(2);
            assertThat(err()).contains("import: stopped: parcels.geojson: not valid JSON at line 1");
        }
    }

    private int run(Function<String[], ConfigurableApplicationContext> context, String... args) {
        return ImportCommand.run(args, context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
