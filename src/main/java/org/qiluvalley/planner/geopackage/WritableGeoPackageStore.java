package org.qiluvalley.planner.geopackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Envelope;
import org.sqlite.SQLiteConfig;

/**
 * The SQL of writing one feature layer into a new GeoPackage file: the GeoPackage tables, the feature table, the rows
 * and the spatial index (OGC 12-128r18 and its RTree extension). Table and column names come from a {@link
 * GeoPackageLayer} (checked there) and are always quoted; every value is bound as a parameter.
 *
 * <p>The file is a scratch copy that is thrown away on any failure, so SQLite keeps no rollback journal and does not
 * wait for the disk ({@code journal_mode=OFF}, {@code synchronous=OFF}); rows are committed in batches.
 */
final class WritableGeoPackageStore implements AutoCloseable {

    /** GeoPackage's {@code application_id}: the ASCII bytes "GPKG" as a big-endian integer (0x47504B47). */
    static final int APPLICATION_ID = 0x47504B47;
    /** GeoPackage 1.3.x's {@code user_version}. */
    static final int USER_VERSION = 10300;

    /** Rows per transaction. */
    private static final int ROWS_PER_COMMIT = 10_000;
    private static final String RTREE_EXTENSION = "http://www.geopackage.org/spec120/#extension_rtree";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([tcir])\\}");

    private final Connection connection;
    private final GeoPackageLayer layer;
    private final String table;
    private final String rtreeName;
    /** The spatial index's table, quoted. */
    private final String rtree;
    private final PreparedStatement insertRow;
    private final PreparedStatement insertBox;
    private int uncommitted;
    /** The primary key of the last row: rows are numbered 1, 2, ... in the order they are written. */
    private long fid;

    /** Creates the GeoPackage tables and the (empty) layer in a new file. */
    WritableGeoPackageStore(Path file, GeoPackageLayer layer) {
        this.layer = layer;
        this.table = quote(layer.name());
        this.rtreeName = "rtree_" + layer.name() + "_" + GeoPackageLayer.GEOMETRY_COLUMN;
        this.rtree = quote(rtreeName);
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.OFF);
            config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
            config.setEncoding(SQLiteConfig.Encoding.UTF8);
            config.enforceForeignKeys(true);
            this.connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new GeoPackageException("cannot create the GeoPackage file " + file + ": " + e.getMessage(), e);
        }
        try {
            createTables();
            connection.setAutoCommit(false);
            List<String> columns = new ArrayList<>(List.of(quote(GeoPackageLayer.FID_COLUMN),
                    quote(GeoPackageLayer.GEOMETRY_COLUMN), quote(GeoPackageLayer.ID_COLUMN)));
            layer.fields().forEach(field -> columns.add(quote(field.name())));
            this.insertRow = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")");
            this.insertBox = connection.prepareStatement("INSERT INTO " + rtree
                    + " (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            closeQuietly();
            throw failed("create the layer", e);
        }
    }

    private void createTables() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA application_id = " + APPLICATION_ID);
            sql.execute("PRAGMA user_version = " + USER_VERSION);
            // OGC 12-128r18, Annex C (table definition SQL), as written.
            sql.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,"
                    + " srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,"
                    + " organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)");
            sql.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT UNIQUE, description TEXT DEFAULT '',"
                    + " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                    + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
                    + " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
            sql.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
                    + " m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                    + " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
                    + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                    + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            sql.execute("CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,"
                    + " definition TEXT NOT NULL, scope TEXT NOT NULL,"
                    + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
            StringBuilder create = new StringBuilder("CREATE TABLE ").append(table).append(" (")
                    .append(quote(GeoPackageLayer.FID_COLUMN)).append(" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ")
                    .append(quote(GeoPackageLayer.GEOMETRY_COLUMN)).append(' ')
                    .append(layer.geometryType().typeName()).append(", ")
                    .append(quote(GeoPackageLayer.ID_COLUMN)).append(" TEXT NOT NULL");
            for (GeoPackageField field : layer.fields()) {
                create.append(", ").append(quote(field.name())).append(' ').append(field.type().sqlName());
            }
            sql.execute(create.append(')').toString());
            // The RTree spatial index extension (OGC 12-128r18, F.3): filled row by row below; its triggers, which
            // keep it in step with later edits by GIS clients, are created at the end.
            sql.execute("CREATE VIRTUAL TABLE " + rtree + " USING rtree(id, minx, maxx, miny, maxy)");
        }
        try (PreparedStatement srs = connection.prepareStatement("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id,"
                + " organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (SpatialReferenceSystems.Row row : SpatialReferenceSystems.ROWS) {
                srs.setString(1, row.srsName());
                srs.setInt(2, row.srsId());
                srs.setString(3, row.organization());
                srs.setInt(4, row.organizationCoordsysId());
                srs.setString(5, row.definition());
                srs.setString(6, row.description());
                srs.executeUpdate();
            }
        }
        try (PreparedStatement contents = connection.prepareStatement("INSERT INTO gpkg_contents (table_name,"
                + " data_type, identifier, description, srs_id) VALUES (?, 'features', ?, '', ?)")) {
            contents.setString(1, layer.name());
            contents.setString(2, layer.name());
            contents.setInt(3, SpatialReferenceSystems.EPSG_4548_SRS_ID);
            contents.executeUpdate();
        }
        try (PreparedStatement columns = connection.prepareStatement("INSERT INTO gpkg_geometry_columns (table_name,"
                + " column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)")) {
            columns.setString(1, layer.name());
            columns.setString(2, GeoPackageLayer.GEOMETRY_COLUMN);
            columns.setString(3, layer.geometryType().typeName());
            columns.setInt(4, SpatialReferenceSystems.EPSG_4548_SRS_ID);
            columns.executeUpdate();
        }
        try (PreparedStatement extension = connection.prepareStatement("INSERT INTO gpkg_extensions (table_name,"
                + " column_name, extension_name, definition, scope)"
                + " VALUES (?, ?, 'gpkg_rtree_index', ?, 'write-only')")) {
            extension.setString(1, layer.name());
            extension.setString(2, GeoPackageLayer.GEOMETRY_COLUMN);
            extension.setString(3, RTREE_EXTENSION);
            extension.executeUpdate();
        }
    }

    /**
     * Inserts one feature.
     *
     * @param geometry the encoded geometry, or null
     * @param envelope its envelope, null for no geometry or an empty one (then it is not in the spatial index)
     * @param values one value per field of the layer, already of the field's Java type (String, Double, Long,
     *     byte[]) or null
     */
    void insert(String id, byte[] geometry, Envelope envelope, Object[] values) {
        try {
            fid++;
            int parameter = 1;
            insertRow.setLong(parameter++, fid);
            if (geometry == null) {
                insertRow.setNull(parameter++, Types.BLOB);
            } else {
                insertRow.setBytes(parameter++, geometry);
            }
            insertRow.setString(parameter++, id);
            for (Object value : values) {
                if (value == null) {
                    insertRow.setNull(parameter++, Types.NULL);
                } else if (value instanceof String text) {
                    insertRow.setString(parameter++, text);
                } else if (value instanceof Double real) {
                    insertRow.setDouble(parameter++, real);
                } else if (value instanceof Long integer) {
                    insertRow.setLong(parameter++, integer);
                } else {
                    insertRow.setBytes(parameter++, (byte[]) value);
                }
            }
            insertRow.executeUpdate();
            if (envelope != null) {
                insertBox.setLong(1, fid);
                insertBox.setDouble(2, envelope.getMinX());
                insertBox.setDouble(3, envelope.getMaxX());
                insertBox.setDouble(4, envelope.getMinY());
                insertBox.setDouble(5, envelope.getMaxY());
                insertBox.executeUpdate();
            }
            if (++uncommitted >= ROWS_PER_COMMIT) {
                connection.commit();
                uncommitted = 0;
            }
        } catch (SQLException e) {
            throw failed("write feature " + id, e);
        }
    }

    /**
     * Completes the file: the layer's bounds in {@code gpkg_contents} (null for a layer without geometries), the
     * spatial index's triggers, the last commit; then closes it.
     */
    void finish(Envelope bounds) {
        try {
            try (PreparedStatement contents = connection.prepareStatement("UPDATE gpkg_contents SET min_x = ?,"
                    + " min_y = ?, max_x = ?, max_y = ?, last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now')"
                    + " WHERE table_name = ?")) {
                if (bounds == null || bounds.isNull()) {
                    for (int i = 1; i <= 4; i++) {
                        contents.setNull(i, Types.DOUBLE);
                    }
                } else {
                    contents.setDouble(1, bounds.getMinX());
                    contents.setDouble(2, bounds.getMinY());
                    contents.setDouble(3, bounds.getMaxX());
                    contents.setDouble(4, bounds.getMaxY());
                }
                contents.setString(5, layer.name());
                contents.executeUpdate();
            }
            try (Statement sql = connection.createStatement()) {
                for (String trigger : rtreeTriggers()) {
                    sql.execute(trigger);
                }
            }
            connection.commit();
            insertRow.close();
            insertBox.close();
            connection.close();
        } catch (SQLException e) {
            throw failed("complete the file", e);
        }
    }

    /**
     * The six triggers of the RTree spatial index extension (OGC 12-128r18, F.3), with this layer's names. They call
     * {@code ST_IsEmpty}, {@code ST_MinX} and the like, which GeoPackage clients provide; they run only when a client
     * edits the layer.
     */
    private List<String> rtreeTriggers() {
        String box = "VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}))";
        return List.of(
                trigger("insert", "AFTER INSERT ON {t} WHEN (new.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c}))"
                        + " BEGIN INSERT OR REPLACE INTO {r} " + box + "; END"),
                trigger("update1", "AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND"
                        + " (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))"
                        + " BEGIN INSERT OR REPLACE INTO {r} " + box + "; END"),
                trigger("update2", "AFTER UPDATE OF {c} ON {t} WHEN OLD.{i} = NEW.{i} AND"
                        + " (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))"
                        + " BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END"),
                trigger("update3", "AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND"
                        + " (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))"
                        + " BEGIN DELETE FROM {r} WHERE id = OLD.{i}; INSERT OR REPLACE INTO {r} " + box + "; END"),
                trigger("update4", "AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND"
                        + " (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))"
                        + " BEGIN DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i}); END"),
                trigger("delete", "AFTER DELETE ON {t} WHEN old.{c} NOT NULL"
                        + " BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END"));
    }

    /**
     * {@code CREATE TRIGGER "rtree_<t>_<c>_<suffix>" <body>}, with the body's {t} (table), {c} (geometry column),
     * {i} (primary key) and {r} (index table) filled in, quoted, in one pass (a name may contain such braces).
     */
    private String trigger(String suffix, String body) {
        return "CREATE TRIGGER " + quote(rtreeName + "_" + suffix) + " " + PLACEHOLDER.matcher(body)
                .replaceAll(name -> Matcher.quoteReplacement(switch (name.group(1)) {
                    case "t" -> table;
                    case "c" -> quote(GeoPackageLayer.GEOMETRY_COLUMN);
                    case "i" -> quote(GeoPackageLayer.FID_COLUMN);
                    default -> rtree;
                }));
    }

    /** Closes the connection without completing the file (after a failure; the file is then deleted). */
    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.close();
            }
        } catch (SQLException e) {
            // The file is deleted next; nothing more to do.
        }
    }

    /** An SQL identifier in double quotes, a double quote inside doubled. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static GeoPackageException failed(String what, SQLException e) {
        return new GeoPackageException("cannot " + what + " in the GeoPackage: " + e.getMessage(), e);
    }
}
