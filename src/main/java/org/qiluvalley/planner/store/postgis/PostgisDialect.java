package org.qiluvalley.planner.store.postgis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.store.SpatialDialect;
import org.qiluvalley.planner.store.WkbGeometries;

import net.postgis.jdbc.geometry.Point;
import net.postgis.jdbc.PGbox2d;

/**
 * PostgreSQL + PostGIS. Geometries travel as WKB ({@code ST_GeomFromWKB} in, {@code ST_AsBinary} out) into JTS;
 * {@code &&} is answered by the GiST index; the extent comes back as a PostGIS {@code box2d}, read with PostGIS
 * JDBC's {@link PGbox2d}.
 */
public final class PostgisDialect implements SpatialDialect {

    @Override
    public String geometryParameter(int srid) {
        // The SRID is one of our two constants, never client input.
        return "ST_GeomFromWKB(?, " + srid + ")";
    }

    @Override
    public int bindGeometry(PreparedStatement statement, int index, Geometry geometry) throws SQLException {
        statement.setBytes(index, WkbGeometries.write(geometry));
        return index + 1;
    }

    @Override
    public String selectGeometry(String column) {
        return "ST_AsBinary(" + column + ")";
    }

    @Override
    public Geometry readGeometry(ResultSet resultSet, int column, int srid) throws SQLException {
        return WkbGeometries.read(resultSet.getBytes(column), srid);
    }

    @Override
    public String extent(String column) {
        return "ST_Extent(" + column + ")::text";
    }

    @Override
    public Envelope readExtent(ResultSet resultSet, int column) throws SQLException {
        String box = resultSet.getString(column);
        if (box == null) {
            return null;
        }
        PGbox2d extent = new PGbox2d(box);
        Point low = extent.getLLB();
        Point high = extent.getURT();
        return new Envelope(low.x, high.x, low.y, high.y);
    }
}
