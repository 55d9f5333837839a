package org.qiluvalley.planner.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.filter.SqlFilter;

/**
 * What differs between spatial databases in the SQL the store writes: how a geometry travels as a parameter and as
 * a result column, how "intersects this box, using the index" is spelled, and what a CQL2 filter's SQL needs
 * ({@link SqlFilter.Dialect}).
 */
public interface SpatialDialect extends SqlFilter.Dialect {

    /** SQL for a geometry parameter of the given SRID (one or more {@code ?}; see {@link #bindGeometry}). */
    @Override
    String geometryParameter(int srid);

    /** Binds a geometry to the parameter(s) written by {@link #geometryParameter}; returns the next index. */
    int bindGeometry(PreparedStatement statement, int index, Geometry geometry) throws SQLException;

    /** SQL selecting a geometry column so that {@link #readGeometry} can read it. */
    String selectGeometry(String column);

    /** Reads a geometry selected with {@link #selectGeometry}; the result carries {@code srid}. */
    Geometry readGeometry(ResultSet resultSet, int column, int srid) throws SQLException;

    /**
     * SQL predicate: {@code column} intersects a geometry parameter of the given SRID, with a bounding-box test that
     * the spatial index answers first and the exact test second; {@link #bindIntersects} binds its parameters. By
     * default it takes the geometry parameter twice.
     */
    default String intersects(String column, int srid) {
        return column + " && " + geometryParameter(srid) + " AND ST_Intersects(" + column + ", "
                + geometryParameter(srid) + ")";
    }

    /**
     * Binds {@code geometry} (of SRID {@code srid}) to the parameters of {@link #intersects} from {@code index};
     * returns the next index.
     */
    default int bindIntersects(PreparedStatement statement, int index, Geometry geometry, int srid)
            throws SQLException {
        return bindGeometry(statement, bindGeometry(statement, index, geometry), geometry);
    }

    /**
     * The table as it appears after {@code FROM} in a query that selects by a box on {@code spatialIndex}'s column.
     * By default the table alone: the database's planner picks the spatial index itself. (Table and index come from
     * {@code ParkTables}, never from a client.)
     */
    default String tableUsingSpatialIndex(String table, String spatialIndex) {
        return table;
    }

    /**
     * A query giving the extent of a geometry column of a table as one row, read by {@link #readExtent}. Table and
     * column come from {@code ParkTables}, never from a client.
     */
    String extentQuery(String table, String column);

    /**
     * A text expression as compared with {@code <}, {@code >}, {@code <=} or {@code >=} in a filter: in code point
     * order, as H2 compares text and as Java's {@code String.compareTo} does on these values, whatever the
     * database's locale. By default the expression as it is (H2).
     */
    @Override
    default String inCodePointOrder(String textExpression) {
        return textExpression;
    }

    /** Reads the row of {@link #extentQuery}; null when the table is empty. */
    org.locationtech.jts.geom.Envelope readExtent(ResultSet resultSet) throws SQLException;
}
