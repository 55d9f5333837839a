package org.qiluvalley.planner.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.geo.CrsTransform;

/** Reading layers not written by {@link GeoPackageWriter}: other SRSs, several layers, broken files and geometries. */
class GeoPackageReaderTest {

    @TempDir
    Path dir;

    /** The writer's test layer, then changed with {@code sql}. */
    private Path written(String name, String... sql) throws IOException, SQLException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            GeoPackageWriter.write(GeoPackageWriterTest.LAYER, GeoPackageWriterTest.features(), out);
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = db.createStatement()) {
            // The spatial index's triggers call functions only GeoPackage clients (GDAL, QGIS) define.
            for (String trigger : List.of("insert", "update1", "update2", "update3", "update4", "delete")) {
                statement.execute("DROP TRIGGER rtree_parcels_geom_" + trigger);
            }
            for (String change : sql) {
                statement.execute(change);
            }
        }
        return file;
    }

    @Test
    void aLongitudeLatitudeLayerIsReadInEpsg4548() throws IOException, SQLException {
        Path file = written("lonlat.gpkg", "UPDATE gpkg_geometry_columns SET srs_id = 4326",
                "UPDATE gpkg_contents SET srs_id = 4326");
        // The same outlines stored in longitude, latitude.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement update = db.prepareStatement("UPDATE parcels SET geom = ? WHERE id = ?")) {
            for (GeoPackageFeature feature : GeoPackageWriterTest.features()) {
                if (feature.geometry() != null) {
                    update.setBytes(1, GeoPackageGeometry.encode(CrsTransform.toCrs84(feature.geometry()), 4326));
                    update.setString(2, feature.id());
                    update.executeUpdate();
                }
            }
        }

        try (GeoPackageReader reader = GeoPackageReader.open(file, "parcels")) {
            assertThat(reader.crs()).isEqualTo(GeoPackageCrs.EPSG_4326);
            for (GeoPackageFeature expected : GeoPackageWriterTest.features()) {
                GeoPackageFeature feature = reader.next();
                assertThat(feature.id()).isEqualTo(expected.id());
                if (expected.geometry() == null) {
                    assertThat((Object) feature.geometry()).isNull();
                    continue;
                }
                assertThat(feature.geometry().getSRID()).isEqualTo(4548);
                Coordinate[] read = feature.geometry().getCoordinates();
                Coordinate[] original = expected.geometry().getCoordinates();
                assertThat(read).hasSameSizeAs(original);
                for (int i = 0; i < read.length; i++) {
                    assertThat(read[i].distance(original[i])).as("%s vertex %d, m", expected.id(), i)
                            .isLessThan(1e-6);
                }
            }
        }
        try (GeoPackageReader reader = GeoPackageReader.open(file, "parcels")) {
            Geometry stored = reader.nextAsStored().geometry();
            assertThat(stored.getSRID()).isEqualTo(4326);
            assertThat(stored.getEnvelopeInternal().getMinX()).isCloseTo(117.12, within(0.01));
        }
    }

    @Test
    void aBrokenGeometryIsReportedForItsFeatureAndReadingGoesOn() throws IOException, SQLException {
        Path file = written("broken.gpkg", "UPDATE parcels SET geom = X'4750000394110000' WHERE fid = 2",
                "UPDATE parcels SET geom = X'0102030405060708090A' WHERE fid = 5");

        try (GeoPackageReader reader = GeoPackageReader.open(file, null)) {
            assertThat(reader.next().id()).isEqualTo("QOV-LI-001");
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(UnreadableGeometryException.class, e -> {
                assertThat(e.getMessage()).startsWith("broken.gpkg: feature 2 of layer parcels: ");
                assertThat(e.reason()).contains("ends in its header");
                assertThat(e.feature().id()).isEqualTo("QOV-LI-002");
                assertThat((Object) e.feature().geometry()).isNull();
            });
            assertThat(reader.next().id()).isEqualTo("QOV-LI-003");
            assertThat(reader.next().id()).isEqualTo("QOV-LI-004");
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(UnreadableGeometryException.class,
                    e -> assertThat(e.reason()).contains("no \"GP\" header"));
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void aGeometryLongerThanTheLimitIsNotRead() throws IOException, SQLException {
        Path file = written("big.gpkg");

        try (GeoPackageReader reader = GeoPackageReader.open(file, null, 150)) {
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(UnreadableGeometryException.class,
                    e -> assertThat(e.reason()).containsPattern("takes \\d+ bytes, more than the 150 read"));
            assertThat((Object) reader.next().geometry()).isNotNull();
        }
    }

    @Test
    void anIdThatIsNotTextStaysInTheProperties() throws IOException, SQLException {
        // (The writer's id column is TEXT NOT NULL: a number there becomes text, and NULL cannot be; bytes can be.)
        Path file = written("odd-ids.gpkg", "UPDATE parcels SET id = X'3432' WHERE fid = 1");

        try (GeoPackageReader reader = GeoPackageReader.open(file, null)) {
            GeoPackageFeature blob = reader.next();
            assertThat(blob.id()).isNull();
            assertThat(blob.properties().get("id")).isEqualTo(new byte[] {'4', '2'});
            assertThat(reader.next().id()).isEqualTo("QOV-LI-002");
            assertThat(reader.next().properties()).doesNotContainKey("id");
        }
    }

    @Nested
    class RefusesWithAMessage {

        @Test
        void aLayerInAnotherSrs() throws IOException, SQLException {
            Path file = written("mercator.gpkg", "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 / Pseudo-Mercator',"
                    + " 3857, 'EPSG', 3857, 'PROJCS[\"WGS 84 / Pseudo-Mercator\"]', '')",
                    "UPDATE gpkg_geometry_columns SET srs_id = 3857");

            assertThatThrownBy(() -> GeoPackageReader.open(file, null)).isInstanceOf(GeoPackageException.class)
                    .hasMessage("layer parcels of mercator.gpkg is in EPSG:3857 (WGS 84 / Pseudo-Mercator); only"
                            + " EPSG:4548, EPSG:4326 and OGC:CRS84 are read: reproject it first, e.g."
                            + " ogr2ogr -t_srs EPSG:4548 out.gpkg mercator.gpkg");
        }

        @Test
        void aLayerWithAnUndefinedSrs() throws IOException, SQLException {
            Path file = written("undefined.gpkg", "UPDATE gpkg_geometry_columns SET srs_id = -1");

            assertThatThrownBy(() -> GeoPackageReader.open(file, null))
                    .hasMessageContaining("is in \"Undefined Cartesian SRS\" (srs_id -1); only EPSG:4548");
        }

        @Test
        void aLayerWhoseSrsIsNotDefined() throws IOException, SQLException {
            Path file = written("missing-srs.gpkg", "PRAGMA foreign_keys = OFF",
                    "UPDATE gpkg_geometry_columns SET srs_id = 999");

            assertThatThrownBy(() -> GeoPackageReader.open(file, null))
                    .hasMessageContaining("names srs_id 999, which gpkg_spatial_ref_sys does not define");
        }

        @Test
        void noLayerNamedWhenThereAreSeveralAndAnUnknownLayer() throws IOException, SQLException {
            Path file = written("two.gpkg", "CREATE TABLE roads AS SELECT * FROM parcels",
                    "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id)"
                            + " VALUES ('roads', 'features', 'roads', 4548)",
                    "INSERT INTO gpkg_geometry_columns VALUES ('roads', 'geom', 'POLYGON', 4548, 0, 0)");

            assertThat(GeoPackageReader.featureLayers(file)).containsExactly("parcels", "roads");
            assertThatThrownBy(() -> GeoPackageReader.open(file, null))
                    .hasMessage("two.gpkg has 2 feature layers (parcels, roads): name the one to read");
            assertThatThrownBy(() -> GeoPackageReader.open(file, "zones"))
                    .hasMessage("two.gpkg has no feature layer \"zones\" (its feature layers: parcels, roads)");
            // A table without an integer primary key is read in rowid order.
            try (GeoPackageReader roads = GeoPackageReader.open(file, "roads")) {
                assertThat(roads.fields()).extracting(GeoPackageField::name).startsWith("fid", "id");
                assertThat(roads.next().id()).isEqualTo("QOV-LI-001");
            }
        }

        @Test
        void aFileThatIsNotAGeoPackage() throws IOException, SQLException {
            Path text = Files.writeString(dir.resolve("notes.gpkg"), "not a database, just some text ".repeat(50));
            assertThatThrownBy(() -> GeoPackageReader.open(text, null)).isInstanceOf(GeoPackageException.class)
                    .hasMessageContaining("notes.gpkg");
            Path sqlite = dir.resolve("plain.gpkg");
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + sqlite)) {
                db.createStatement().execute("CREATE TABLE t (a)");
            }
            assertThatThrownBy(() -> GeoPackageReader.featureLayers(sqlite))
                    .hasMessage("plain.gpkg is not a GeoPackage: it has no gpkg_contents and gpkg_geometry_columns tables");
            assertThatThrownBy(() -> GeoPackageReader.open(dir.resolve("nowhere.gpkg"), null))
                    .hasMessageEndingWith("nowhere.gpkg: no such file");
            assertThat(dir.resolve("nowhere.gpkg")).doesNotExist();
        }
    }

    @Test
    void recognisesTheSrsDefinitionsGisToolsWrite() {
        // GDAL 3.6 writes OGC:CRS84 with organization NONE and no authority code.
        String gdalCrs84 = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
                + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
                + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                + "AXIS[\"Longitude\",EAST],AXIS[\"Latitude\",NORTH]]";
        assertThat(GeoPackageCrs.of("NONE", 100000, gdalCrs84)).contains(GeoPackageCrs.CRS84);
        assertThat(GeoPackageCrs.of("OGC", 84, "whatever")).contains(GeoPackageCrs.CRS84);
        assertThat(GeoPackageCrs.of("epsg", 4326, "")).contains(GeoPackageCrs.EPSG_4326);
        assertThat(GeoPackageCrs.of("EPSG", 4548, "")).contains(GeoPackageCrs.EPSG_4548);
        assertThat(GeoPackageCrs.of("NONE", 100001, SpatialReferenceSystems.EPSG_4548_WKT))
                .contains(GeoPackageCrs.EPSG_4548);
        assertThat(GeoPackageCrs.of("NONE", 100002, "GEOGCRS[\"WGS 84 (CRS84)\", ID[\"OGC\",\"CRS84\"]]"))
                .contains(GeoPackageCrs.CRS84);
        // CGCS2000 geographic, Web Mercator, an undefined SRS: not read.
        assertThat(GeoPackageCrs.of("EPSG", 4490, "")).isEmpty();
        assertThat(GeoPackageCrs.of("EPSG", 3857, "")).isEmpty();
        assertThat(GeoPackageCrs.of("NONE", 0, "undefined")).isEmpty();
        assertThat(GeoPackageCrs.of("NONE", 100003, gdalCrs84.replace("WGS_1984", "China_2000"))).isEmpty();
    }

    @Test
    void layersListsOnlyFeatureLayers() throws IOException, SQLException {
        Path file = written("attributes.gpkg", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
                "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('notes', 'attributes', 'notes')");

        assertThat(GeoPackageReader.featureLayers(file)).isEqualTo(List.of("parcels"));
    }
}
