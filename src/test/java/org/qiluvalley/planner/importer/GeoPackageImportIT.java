package org.qiluvalley.planner.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.store.h2gis.H2gisDatabase;
import org.qiluvalley.planner.testsupport.Commands;
import org.qiluvalley.planner.testsupport.ExternalTools;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.RequiresGdal;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A GeoPackage as a GIS writes it: {@code ogr2ogr} turns the park's {@code gis-data/parcels.geojson} into a GeoPackage
 * in each SRS the import reads, and importing it into a store that holds the park without its parcels gives back
 * every seed parcel, with its attributes and area.
 *
 * <p>Needs GDAL's command-line tools (Debian package gdal-bin). Without them every test is reported as skipped; on
 * CI (environment variable {@code CI=true}) a missing GDAL fails instead.
 */
@RequiresGdal
class GeoPackageImportIT {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private ParcelStore store;
    private List<Parcel> seedParcels;

    @BeforeEach
    void openStoreWithTheParkButNotItsParcels() {
        dataSource = H2gisDatabase.dataSource(dir.resolve("data"));
        H2gisDatabase.migrate(dataSource);
        store = H2gisDatabase.store(dataSource);
        ParkDataset park = ParkData.dataset();
        seedParcels = park.parcels();
        store.loadDataset(new ParkDataset(park.name(), park.sha256(), park.valley(), park.zones(), park.roads(),
                park.constraints(), List.of()));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    /**
     * @param srs the {@code ogr2ogr} options for the SRS; EPSG:4326 is what it writes from RFC 7946 GeoJSON
     * @param areaTolerance m²: a longitude/latitude layer holds the seed's own coordinates, projected as the seed is;
     *     an EPSG:4548 layer was projected by PROJ, which agrees with our Proj4J to the millimetre
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "epsg4326.gpkg||1e-6",
        "crs84.gpkg|-a_srs OGC:CRS84|1e-6",
        "epsg4548.gpkg|-t_srs EPSG:4548|0.05",
    })
    void importsEverySeedParcelFromAGeoPackageWrittenByOgr2ogr(String name, String srs, double areaTolerance)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(ExternalTools.Gdal.OGR2OGR.toString(), "-f", "GPKG"));
        if (srs != null) {
            command.addAll(List.of(srs.split(" ")));
        }
        command.addAll(List.of(file.toString(), ParkData.DIR.resolve("parcels.geojson").toString()));
        Commands.run(command);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        ImportReport report = new ParcelImport(store, ParkData.ruleBook(), Clock.fixed(NOW, ZoneOffset.UTC))
                .run(file, dir.resolve("rejects.ndjson"), ParcelImport.Settings.defaults().withBatchSize(50),
                        new ProgressDisplay(new PrintStream(progress, true, StandardCharsets.UTF_8), false, name,
                                Files.size(file), System::nanoTime));

        assertThat(Files.readString(dir.resolve("rejects.ndjson"))).as("rejects").isEmpty();
        assertThat(report.read()).isEqualTo(seedParcels.size());
        assertThat(report.inserted()).isEqualTo(seedParcels.size());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains(seedParcels.size() + " features")
                .contains("done after");
        Map<String, Parcel> stored = store.find(Layer.PARCELS, FeatureQuery.all()).items().stream()
                .collect(Collectors.toMap(Parcel::id, Function.identity()));
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(seedParcels.stream().map(Parcel::id).toList());
        for (Parcel seed : seedParcels) {
            Parcel imported = stored.get(seed.id());
            assertThat(imported.zone()).isEqualTo(seed.zone());
            assertThat(imported.landUse()).isEqualTo(seed.landUse());
            assertThat(imported.status()).isEqualTo(seed.status());
            assertThat(imported.indicators()).as(seed.id()).isEqualTo(seed.indicators());
            assertThat(imported.areaSquareMetres()).as("%s area, m²", seed.id())
                    .isCloseTo(seed.areaSquareMetres(), within(areaTolerance));
        }

        ImportReport again = new ParcelImport(store, ParkData.ruleBook(), Clock.fixed(NOW, ZoneOffset.UTC))
                .run(file, dir.resolve("rejects.ndjson"), ParcelImport.Settings.defaults(),
                        new ProgressDisplay(new PrintStream(progress, true, StandardCharsets.UTF_8), false, name,
                                Files.size(file), System::nanoTime));
        assertThat(again.inserted()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(seedParcels.size());
    }
}
