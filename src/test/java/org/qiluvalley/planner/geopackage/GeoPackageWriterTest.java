package org.qiluvalley.planner.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.qiluvalley.planner.geo.CrsTransform;

/** A layer written with {@link GeoPackageWriter} and read back with {@link GeoPackageReader}, and the file between. */
class GeoPackageWriterTest {

    private static final WKTReader PLANAR_WKT = new WKTReader(CrsTransform.PLANAR);

    static final GeoPackageLayer LAYER = new GeoPackageLayer("parcels", GeoPackageGeometryType.POLYGON, List.of(
            GeoPackageField.text("zone"), GeoPackageField.real("areaM2"), GeoPackageField.integer("floors"),
            GeoPackageField.text("note"), GeoPackageField.integer("corner")));

    @TempDir
    Path dir;

    static Geometry planar(String wkt) {
        try {
            return PLANAR_WKT.read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Five features: a polygon with a hole, all nulls, no geometry, an empty polygon, a Chinese id. */
    static List<GeoPackageFeature> features() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("zone", "激光产业区");
        first.put("areaM2", 9_600.25);
        first.put("floors", 12);
        first.put("note", "齐鲁光谷 — 'single' \"double\" ☃\nsecond line");
        first.put("corner", true);
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("zone", null);
        nulls.put("areaM2", null);
        return List.of(
                new GeoPackageFeature("QOV-LI-001", planar("POLYGON ((511000 4067000, 511120 4067000, 511120 4067080,"
                        + " 511000 4067080, 511000 4067000), (511010 4067010, 511020 4067010, 511020 4067020,"
                        + " 511010 4067010))"), first),
                new GeoPackageFeature("QOV-LI-002", planar("POLYGON ((511200.125 4067100.5, 511260.75 4067100.5,"
                        + " 511260.75 4067190.875, 511200.125 4067100.5))"), nulls),
                new GeoPackageFeature("QOV-LI-003", null, Map.of("zone", "incubator", "floors", 5_000_000_000L)),
                new GeoPackageFeature("QOV-LI-004", planar("POLYGON EMPTY"), Map.of("areaM2", 0)),
                new GeoPackageFeature("地块-005", planar("POLYGON ((510900 4066900, 510950 4066900, 510950 4066950,"
                        + " 510900 4066900))"), Map.of("zone", "研发区", "corner", false, "areaM2", 1250L)));
    }

    private Path write(GeoPackageLayer layer, List<GeoPackageFeature> features) throws IOException {
        Path file = dir.resolve(layer.name() + ".gpkg");
        try (OutputStream out = Files.newOutputStream(file)) {
            long bytes = GeoPackageWriter.write(layer, features, out);
            assertThat(bytes).isPositive();
        }
        return file;
    }

    private static List<GeoPackageFeature> readAll(GeoPackageReader reader) {
        List<GeoPackageFeature> features = new ArrayList<>();
        for (GeoPackageFeature feature; (feature = reader.next()) != null; ) {
            features.add(feature);
        }
        return features;
    }

    @Test
    void aWrittenLayerReadsBackWithItsIdsGeometriesAndEveryFieldTypeIncludingNullsAndChineseText() throws IOException {
        Path file = write(LAYER, features());

        try (GeoPackageReader reader = GeoPackageReader.open(file, null)) {
            assertThat(reader.layerName()).isEqualTo("parcels");
            assertThat(reader.crs()).isEqualTo(GeoPackageCrs.EPSG_4548);
            assertThat(reader.geometryTypeName()).isEqualTo("POLYGON");
            assertThat(reader.fields()).containsExactly(GeoPackageField.text("id"), GeoPackageField.text("zone"),
                    GeoPackageField.real("areaM2"), GeoPackageField.integer("floors"), GeoPackageField.text("note"),
                    GeoPackageField.integer("corner"));
            assertThat(reader.hasIdColumn()).isTrue();
            assertThat(reader.count()).isEqualTo(5);

            List<GeoPackageFeature> read = readAll(reader);

            assertThat(read).extracting(GeoPackageFeature::id)
                    .containsExactly("QOV-LI-001", "QOV-LI-002", "QOV-LI-003", "QOV-LI-004", "地块-005");
            List<GeoPackageFeature> written = features();
            for (int i = 0; i < written.size(); i++) {
                Geometry expected = written.get(i).geometry();
                Geometry actual = read.get(i).geometry();
                if (expected == null) {
                    assertThat((Object) actual).as("feature %d", i).isNull();
                } else {
                    // Doubles go through WKB unchanged: exactly the same coordinates.
                    assertThat(actual.equalsExact(expected)).as("feature %d: %s", i, actual).isTrue();
                    assertThat(actual.getSRID()).isEqualTo(4548);
                    assertThat(actual.isEmpty()).isEqualTo(expected.isEmpty());
                }
            }
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("zone", "激光产业区");
            first.put("areaM2", 9_600.25);
            first.put("floors", 12L);
            first.put("note", "齐鲁光谷 — 'single' \"double\" ☃\nsecond line");
            first.put("corner", 1L);
            assertThat(read.get(0).properties()).containsExactlyEntriesOf(first);
            assertThat(read.get(1).properties()).containsOnlyKeys("zone", "areaM2", "floors", "note", "corner")
                    .allSatisfy((name, value) -> assertThat(value).as(name).isNull());
            assertThat(read.get(2).properties()).containsEntry("zone", "incubator")
                    .containsEntry("floors", 5_000_000_000L).containsEntry("areaM2", null);
            assertThat(read.get(3).properties()).containsEntry("areaM2", 0.0);
            assertThat(read.get(4).properties()).containsEntry("zone", "研发区").containsEntry("corner", 0L)
                    .containsEntry("areaM2", 1250.0);
            assertThat(reader.position()).isEqualTo(5);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void theFileHasTheGeoPackageTablesPragmasAndEncoding() throws IOException, SQLException {
        Path file = write(LAYER, features());

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = db.createStatement()) {
            assertThat(single(sql, "PRAGMA application_id")).isEqualTo(0x47504B47);
            assertThat(single(sql, "PRAGMA user_version")).isEqualTo(10300);
            assertThat(single(sql, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(sql.executeQuery("PRAGMA foreign_key_check").next()).as("foreign key violations").isFalse();
            assertThat(rows(sql, "SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys"
                    + " ORDER BY srs_id")).containsExactly(List.of(-1, "NONE", -1), List.of(0, "NONE", 0),
                    List.of(4326, "EPSG", 4326), List.of(4548, "EPSG", 4548));
            assertThat(single(sql, "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4548"))
                    .isEqualTo(SpatialReferenceSystems.EPSG_4548_WKT);
            Envelope bounds = new Envelope();
            features().stream().map(GeoPackageFeature::geometry).filter(g -> g != null && !g.isEmpty())
                    .forEach(g -> bounds.expandToInclude(g.getEnvelopeInternal()));
            assertThat(rows(sql, "SELECT table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id"
                    + " FROM gpkg_contents")).containsExactly(List.of("parcels", "features", "parcels",
                    bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY(), 4548));
            assertThat(rows(sql, "SELECT table_name, column_name, geometry_type_name, srs_id, z, m"
                    + " FROM gpkg_geometry_columns")).containsExactly(List.of("parcels", "geom", "POLYGON", 4548, 0, 0));
            assertThat(rows(sql, "SELECT table_name, column_name, extension_name FROM gpkg_extensions"))
                    .containsExactly(List.of("parcels", "geom", "gpkg_rtree_index"));
            assertThat(rows(sql, "SELECT name, type, pk FROM pragma_table_info('parcels')")).containsExactly(
                    List.of("fid", "INTEGER", 1), List.of("geom", "POLYGON", 0), List.of("id", "TEXT", 0),
                    List.of("zone", "TEXT", 0), List.of("areaM2", "REAL", 0), List.of("floors", "INTEGER", 0),
                    List.of("note", "TEXT", 0), List.of("corner", "INTEGER", 0));
            // The spatial index holds the three non-empty geometries, with boxes around them.
            assertThat(rows(sql, "SELECT id FROM rtree_parcels_geom ORDER BY id"))
                    .containsExactly(List.of(1), List.of(2), List.of(5));
            assertThat(((Number) single(sql, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                    + " AND name LIKE 'rtree_parcels_geom_%'")).intValue()).isEqualTo(6);

            // The GeoPackage binary of feature 1: "GP", version 0, flags (little-endian, XY envelope), SRS, envelope,
            // then the ISO WKB.
            byte[] blob = (byte[]) single(sql, "SELECT geom FROM parcels WHERE fid = 1");
            Geometry geometry = features().get(0).geometry();
            Envelope envelope = geometry.getEnvelopeInternal();
            ByteBuffer header = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(new byte[] {header.get(), header.get(), header.get(), header.get()})
                    .containsExactly('G', 'P', 0, 0b0000_0011);
            assertThat(header.getInt()).isEqualTo(4548);
            assertThat(new double[] {header.getDouble(), header.getDouble(), header.getDouble(), header.getDouble()})
                    .containsExactly(envelope.getMinX(), envelope.getMaxX(), envelope.getMinY(), envelope.getMaxY());
            assertThat(Arrays.copyOfRange(blob, 40, blob.length))
                    .isEqualTo(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(geometry));
            // An empty geometry: the empty flag, no envelope; no geometry: NULL.
            byte[] empty = (byte[]) single(sql, "SELECT geom FROM parcels WHERE fid = 4");
            assertThat(empty[3]).isEqualTo((byte) 0b0001_0001);
            assertThat(single(sql, "SELECT geom IS NULL FROM parcels WHERE fid = 3")).isEqualTo(1);
        }
    }

    @Test
    void streamsThroughATemporaryFileThatIsDeletedWhenClosed() throws IOException {
        Path temp = Files.createDirectory(dir.resolve("tmp"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoPackageWriter writer = GeoPackageWriter.create(LAYER, temp)) {
            for (int i = 0; i < 20_000; i++) {
                double x = 500_000 + (i % 200) * 50;
                double y = 4_060_000 + (i / 200) * 50;
                writer.add(new GeoPackageFeature("P-" + i, CrsTransform.PLANAR.toGeometry(new Envelope(x, x + 40, y,
                        y + 40)), Map.of("areaM2", 1600.0, "floors", i)));
            }
            assertThat(writer.count()).isEqualTo(20_000);
            assertThat(listing(temp)).singleElement().satisfies(file -> assertThat(file).isEqualTo(writer.file()));
            long bytes = writer.finish();
            assertThat(Files.size(writer.file())).isEqualTo(bytes);
            writer.transferTo(out);
            assertThat(out.size()).isEqualTo(bytes);
            assertThatThrownBy(() -> writer.add(features().get(0))).isInstanceOf(IllegalStateException.class);
        }
        assertThat(listing(temp)).as("temporary files left").isEmpty();

        Path file = Files.write(dir.resolve("grid.gpkg"), out.toByteArray());
        try (GeoPackageReader reader = GeoPackageReader.open(file, "parcels")) {
            assertThat(reader.count()).isEqualTo(20_000);
            long n = 0;
            for (GeoPackageFeature feature; (feature = reader.next()) != null; n++) {
                assertThat(feature.id()).isEqualTo("P-" + n);
                assertThat(feature.properties().get("floors")).isEqualTo(n);
            }
            assertThat(n).isEqualTo(20_000);
        }
    }

    @Test
    void anEmptyLayerHasNoBounds() throws IOException, SQLException {
        Path file = write(LAYER, List.of());

        try (GeoPackageReader reader = GeoPackageReader.open(file, null)) {
            assertThat(reader.count()).isZero();
            assertThat(reader.next()).isNull();
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = db.createStatement()) {
            assertThat(rows(sql, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents"))
                    .containsExactly(Arrays.asList(null, null, null, null));
        }
    }

    @Nested
    class RefusesAFeatureThatDoesNotFitTheLayer {

        private void refused(GeoPackageFeature feature, String message) throws IOException {
            Path temp = Files.createDirectories(dir.resolve("refusals"));
            try (GeoPackageWriter writer = GeoPackageWriter.create(LAYER, temp)) {
                writer.add(features().get(0));
                assertThatThrownBy(() -> writer.add(feature)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(message);
                assertThat(writer.count()).isEqualTo(1);
            }
            assertThat(listing(temp)).as("temporary files left").isEmpty();
        }

        @Test
        void aGeometryNotInEpsg4548() throws IOException {
            refused(new GeoPackageFeature("X", CrsTransform.toCrs84(features().get(0).geometry()), Map.of()),
                    "must be in EPSG:4548 (SRID 4548), its SRID is 4326");
        }

        @Test
        void aGeometryOfAnotherType() throws IOException {
            refused(new GeoPackageFeature("X", planar("POINT (511000 4067000)"), Map.of()),
                    "a Point in a layer of POLYGON");
        }

        @Test
        void aPropertyThatIsNoField() throws IOException {
            refused(new GeoPackageFeature("X", null, Map.of("owner", "someone")),
                    "property \"owner\" is not a field of layer parcels");
        }

        @Test
        void aValueOfTheWrongType() throws IOException {
            refused(new GeoPackageFeature("X", null, Map.of("areaM2", "large")),
                    "field \"areaM2\" is REAL, the value is a String (large)");
            refused(new GeoPackageFeature("X", null, Map.of("floors", 2.5)),
                    "field \"floors\" is INTEGER, the value is a Double (2.5)");
            refused(new GeoPackageFeature("X", null, Map.of("areaM2", Double.NaN)), "field \"areaM2\" is REAL");
        }
    }

    @Test
    void aLayerRefusesReservedAndClashingNames() {
        assertThatThrownBy(() -> new GeoPackageLayer("gpkg_parcels", GeoPackageGeometryType.POLYGON, List.of()))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> new GeoPackageLayer("", GeoPackageGeometryType.POLYGON, List.of()))
                .hasMessageContaining("1 to 100 characters");
        assertThatThrownBy(() -> new GeoPackageLayer("parcels", GeoPackageGeometryType.POLYGON,
                List.of(GeoPackageField.text("ID")))).hasMessageContaining("clashes");
        assertThatThrownBy(() -> new GeoPackageLayer("parcels", GeoPackageGeometryType.POLYGON,
                List.of(GeoPackageField.text("zone"), GeoPackageField.real("Zone")))).hasMessageContaining("clashes");
        // Names are quoted in SQL, so any other text is a name.
        GeoPackageLayer odd = new GeoPackageLayer("available-sites \"x\"", GeoPackageGeometryType.GEOMETRY,
                List.of(GeoPackageField.text("地块 \"名称\"")));
        assertThat(odd.fields()).hasSize(1);
    }

    @Test
    void oddLayerAndFieldNamesAreQuotedAndReadBack() throws IOException, SQLException {
        GeoPackageLayer layer = new GeoPackageLayer("available-sites \"x\" {c}", GeoPackageGeometryType.GEOMETRY,
                List.of(GeoPackageField.text("地块 \"名称\""), GeoPackageField.text("select")));
        Path file = write(layer, List.of(new GeoPackageFeature("A", planar("LINESTRING (500000 4000000, 500010 4000010)"),
                Map.of("地块 \"名称\"", "一号", "select", "'; DROP TABLE x; --"))));

        assertThat(GeoPackageReader.featureLayers(file)).containsExactly("available-sites \"x\" {c}");
        try (GeoPackageReader reader = GeoPackageReader.open(file, "AVAILABLE-SITES \"X\" {C}")) {
            GeoPackageFeature feature = reader.next();
            assertThat(feature.id()).isEqualTo("A");
            assertThat(feature.geometry().getGeometryType()).isEqualTo("LineString");
            assertThat(feature.properties()).containsEntry("地块 \"名称\"", "一号")
                    .containsEntry("select", "'; DROP TABLE x; --");
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = db.createStatement()) {
            assertThat(rows(sql, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                    + "'available-sites \"x\" {c}' ORDER BY name")).extracting(row -> row.get(0)).containsExactly(
                    "rtree_available-sites \"x\" {c}_geom_delete", "rtree_available-sites \"x\" {c}_geom_insert",
                    "rtree_available-sites \"x\" {c}_geom_update1", "rtree_available-sites \"x\" {c}_geom_update2",
                    "rtree_available-sites \"x\" {c}_geom_update3", "rtree_available-sites \"x\" {c}_geom_update4");
            assertThat(single(sql, "SELECT count(*) FROM \"rtree_available-sites \"\"x\"\" {c}_geom\""))
                    .isEqualTo(1);
        }
    }

    static Object single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getObject(1);
        }
    }

    static List<List<Object>> rows(Statement sql, String query) throws SQLException {
        List<List<Object>> result = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getObject(i));
                }
                result.add(row);
            }
        }
        return result;
    }

    private static List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
