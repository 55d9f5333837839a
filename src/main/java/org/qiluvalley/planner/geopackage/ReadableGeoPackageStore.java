package org.qiluvalley.planner.geopackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.sqlite.SQLiteConfig;

/**
 * The SQL of reading a GeoPackage: its feature layers (from {@code gpkg_contents}, {@code gpkg_geometry_columns} and
 * {@code gpkg_spatial_ref_sys}), a feature table's columns, and its rows one at a time in primary key order (SQLite
 * steps through the table as the rows are asked for: nothing is held but the current row). The file is opened
 * read-only. Table and column names come from the file's own catalogue and are always quoted.
 */
final class ReadableGeoPackageStore implements AutoCloseable {

    /** A feature layer as the catalogue describes it; the SRS fields are null when its srs_id has no row. */
    record LayerEntry(String table, String geometryColumn, String geometryTypeName, long srsId, String srsName,
            String organization, Long organizationCoordsysId, String definition) {
    }

    /** A column of a table: {@code primaryKey} for the integer primary key. */
    record Column(String name, String declaredType, boolean primaryKey) {
    }

    /**
     * A row of a feature table.
     *
     * @param geometryBytes the length of the geometry value, 0 for NULL
     * @param geometry the geometry value, null when NULL or longer than the limit the rows were asked with
     * @param values the other columns asked for, as SQLite stored them (String, Long, Double, byte[] or null)
     */
    record Row(long fid, long geometryBytes, byte[] geometry, Object[] values) {
    }

    private final Connection connection;
    private final String fileName;

    ReadableGeoPackageStore(Path file) {
        this.fileName = String.valueOf(file.getFileName());
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            this.connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new GeoPackageException("cannot open " + fileName + ": " + e.getMessage(), e);
        }
        try {
            if (!tableExists("gpkg_contents") || !tableExists("gpkg_geometry_columns")) {
                throw new GeoPackageException(fileName + " is not a GeoPackage: it has no gpkg_contents and "
                        + "gpkg_geometry_columns tables");
            }
        } catch (SQLException e) {
            close();
            throw new GeoPackageException(fileName + " is not a GeoPackage (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private boolean tableExists(String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The feature layers, by table name. */
    List<LayerEntry> featureLayers() {
        String sql = "SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id, s.srs_name, s.organization,"
                + " s.organization_coordsys_id, s.definition FROM gpkg_contents c"
                + " JOIN gpkg_geometry_columns g ON g.table_name = c.table_name"
                + " LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id"
                + " WHERE c.data_type = 'features' ORDER BY c.table_name";
        List<LayerEntry> layers = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                Object coordsys = rows.getObject(7);
                layers.add(new LayerEntry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                        rows.getString(5), rows.getString(6),
                        coordsys instanceof Number number ? number.longValue() : null, rows.getString(8)));
            }
        } catch (SQLException e) {
            throw new GeoPackageException(fileName + ": cannot read its feature layers: " + e.getMessage(), e);
        }
        return layers;
    }

    /** The table's columns in order. */
    List<Column> columns(String table) {
        List<Column> columns = new ArrayList<>();
        String sql = "PRAGMA table_info(" + WritableGeoPackageStore.quote(table) + ")";
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                String type = rows.getString("type");
                boolean primaryKey = rows.getInt("pk") == 1 && type != null && type.equalsIgnoreCase("INTEGER");
                columns.add(new Column(rows.getString("name"), type, primaryKey));
            }
        } catch (SQLException e) {
            throw new GeoPackageException(fileName + ": cannot read the columns of " + table + ": " + e.getMessage(),
                    e);
        }
        if (columns.isEmpty()) {
            throw new GeoPackageException(fileName + ": layer " + table + " is in gpkg_contents but has no table");
        }
        return columns;
    }

    /** The rows of the table. */
    long count(String table) {
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT count(*) FROM " + WritableGeoPackageStore.quote(table))) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new GeoPackageException(fileName + ": cannot count the features of " + table + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Opens a cursor over the table's rows in primary key order.
     *
     * @param primaryKey the integer primary key column, or null for SQLite's rowid
     * @param maxGeometryBytes a longer geometry is not read (only its length)
     */
    Rows rows(String table, String primaryKey, String geometryColumn, List<String> valueColumns,
            long maxGeometryBytes) {
        String key = primaryKey == null ? "rowid" : WritableGeoPackageStore.quote(primaryKey);
        String geometry = WritableGeoPackageStore.quote(geometryColumn);
        StringBuilder sql = new StringBuilder("SELECT ").append(key).append(", length(").append(geometry).append("), ")
                .append(geometry);
        valueColumns.forEach(column -> sql.append(", ").append(WritableGeoPackageStore.quote(column)));
        sql.append(" FROM ").append(WritableGeoPackageStore.quote(table)).append(" ORDER BY ").append(key);
        try {
            Statement statement = connection.createStatement();
            try {
                return new Rows(statement, statement.executeQuery(sql.toString()), valueColumns.size(),
                        maxGeometryBytes);
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new GeoPackageException(fileName + ": cannot read layer " + table + ": " + e.getMessage(), e);
        }
    }

    /** A cursor over a feature table. */
    final class Rows implements AutoCloseable {
        private final Statement statement;
        private final ResultSet results;
        private final int valueCount;
        private final long maxGeometryBytes;

        private Rows(Statement statement, ResultSet results, int valueCount, long maxGeometryBytes) {
            this.statement = statement;
            this.results = results;
            this.valueCount = valueCount;
            this.maxGeometryBytes = maxGeometryBytes;
        }

        /** The next row, or null after the last. */
        Row next() {
            try {
                if (!results.next()) {
                    return null;
                }
                long fid = results.getLong(1);
                long length = results.getLong(2);
                byte[] geometry = length > 0 && length <= maxGeometryBytes ? results.getBytes(3) : null;
                Object[] values = new Object[valueCount];
                for (int i = 0; i < valueCount; i++) {
                    Object value = results.getObject(4 + i);
                    values[i] = value instanceof Integer small ? Long.valueOf(small.longValue()) : value;
                }
                return new Row(fid, length, geometry, values);
            } catch (SQLException e) {
                throw new GeoPackageException(fileName + ": cannot read a feature: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                // read-only: nothing is lost
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only: nothing is lost
        }
    }
}
