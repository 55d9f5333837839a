package org.qiluvalley.planner.importer;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geopackage.GeoPackageFeature;
import org.qiluvalley.planner.geopackage.GeoPackageField;
import org.qiluvalley.planner.geopackage.GeoPackageGeometryType;
import org.qiluvalley.planner.geopackage.GeoPackageLayer;
import org.qiluvalley.planner.geopackage.GeoPackageWriter;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.store.h2gis.H2gisDatabase;
import org.qiluvalley.planner.testsupport.ParkData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The {@code import} command with a GeoPackage: the layer is chosen and checked (exists, SRS read, has ids) before
 * any application context starts; a run imports it and names the layer in the summary.
 */
class ImportCommandGeoPackageTest {

    private static final GeoPackageLayer LAYER = new GeoPackageLayer("parcels", GeoPackageGeometryType.POLYGON,
            List.of(GeoPackageField.text("zone"), GeoPackageField.text("landUse"), GeoPackageField.text("status")));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final Function<String[], ConfigurableApplicationContext> noContext = args -> {
        throw new AssertionError("the application context must not start on a usage error");
    };

    private Path geoPackage(String name, int parcels, String... sql) throws IOException, SQLException {
        List<GeoPackageFeature> features = new ArrayList<>();
        for (int i = 1; i <= parcels; i++) {
            double x = 518_500 + i * 150;
            features.add(new GeoPackageFeature("GPKG-" + i, CrsTransform.PLANAR.toGeometry(new Envelope(x, x + 100,
                    4_068_100, 4_068_200)), Map.of("zone", "laser-industry", "landUse", "100101", "status", "available")));
        }
        Path file = dir.resolve(name);
        try (OutputStream stream = Files.newOutputStream(file)) {
            GeoPackageWriter.write(LAYER, features, stream);
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = db.createStatement()) {
            for (String change : sql) {
                statement.execute(change);
            }
        }
        return file;
    }

    @Test
    void theUsageNamesGeoPackagesAndTheLayerOption() {
        assertThat(run(noContext, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FILE.gpkg").contains("--layer NAME")
                .contains("EPSG:4548, EPSG:4326 or CRS84");
    }

    @Test
    void aLayerOptionForGeoJsonIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("a.geojson"), "{}");
        assertThat(run(noContext, file.toString(), "--collection", "parcels", "--layer", "parcels")).isEqualTo(2);
        assertThat(err()).contains("--layer names a layer of a GeoPackage (FILE.gpkg); " + file + " is read as GeoJSON");
    }

    @Test
    void aGeoPackageWithSeveralLayersNeedsTheLayerNamed() throws IOException, SQLException {
        Path file = geoPackage("two.gpkg", 2, "CREATE TABLE sites AS SELECT * FROM parcels",
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('sites', 'features',"
                        + " 'sites', 4548)",
                "INSERT INTO gpkg_geometry_columns VALUES ('sites', 'geom', 'POLYGON', 4548, 0, 0)");

        assertThat(run(noContext, file.toString(), "--collection", "parcels")).isEqualTo(2);
        assertThat(err()).contains(file + " has 2 feature layers (parcels, sites): choose one with --layer NAME");
        assertThat(run(noContext, file.toString(), "--collection", "parcels", "--layer=roads")).isEqualTo(2);
        assertThat(err()).contains("two.gpkg has no feature layer \"roads\" (its feature layers: parcels, sites)");
    }

    @Test
    void aLayerThatCannotBeImportedIsAUsageError() throws IOException, SQLException {
        Path mercator = geoPackage("mercator.gpkg", 1, "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 /"
                + " Pseudo-Mercator', 3857, 'EPSG', 3857, 'x', '')", "UPDATE gpkg_geometry_columns SET srs_id = 3857");
        assertThat(run(noContext, mercator.toString(), "--collection", "parcels")).isEqualTo(2);
        assertThat(err()).contains("import: layer parcels of mercator.gpkg is in EPSG:3857 (WGS 84 / Pseudo-Mercator);"
                + " only EPSG:4548, EPSG:4326 and OGC:CRS84 are read");

        Path noIds = geoPackage("no-ids.gpkg", 1, "ALTER TABLE parcels DROP COLUMN id");
        assertThat(run(noContext, noIds.toString(), "--collection", "parcels")).isEqualTo(2);
        assertThat(err()).contains("no-ids.gpkg: layer parcels has no \"id\" column");

        Path text = Files.writeString(dir.resolve("text.gpkg"), "not a GeoPackage at all, not even SQLite".repeat(40));
        assertThat(run(noContext, text.toString(), "--collection", "parcels")).isEqualTo(2);
        assertThat(err()).contains("text.gpkg is not a GeoPackage");

        assertThat(run(noContext, dir.resolve("missing.gpkg").toString(), "--collection", "parcels")).isEqualTo(2);
        assertThat(err()).contains("missing.gpkg: no such file");
    }

    @Test
    void importsAGeoPackageLayerThroughTheApplicationContext() throws IOException, SQLException {
        Path file = geoPackage("parcels.gpkg", 3);
        try (HikariDataSource dataSource = H2gisDatabase.dataSource(dir.resolve("data"))) {
            H2gisDatabase.migrate(dataSource);
            ParcelStore store = H2gisDatabase.store(dataSource);
            store.loadDataset(ParkData.dataset());
            Function<String[], ConfigurableApplicationContext> context = args -> {
                GenericApplicationContext application = new GenericApplicationContext();
                application.registerBean(ParcelStore.class, () -> store);
                application.registerBean(ZoningRuleBook.class, ParkData::ruleBook);
                application.refresh();
                return application;
            };

            assertThat(run(context, file.toString(), "--collection", "parcels")).as(err()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("import " + file + " (layer parcels) into parcels:"
                    + " read 3 features").contains("3 inserted");
            assertThat(err()).contains("parcels.gpkg: 3 features").contains("100.0% of").contains("done after");
            assertThat(dir.resolve("parcels.rejects.ndjson")).exists().isEmptyFile();

            assertThat(run(context, file.toString(), "--collection", "parcels", "--layer", "PARCELS",
                    "--rejects", dir.resolve("again.ndjson").toString())).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 inserted, 3 already present");
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
