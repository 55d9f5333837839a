package org.qiluvalley.planner.store.postgis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.util.PGobject;
import org.qiluvalley.planner.store.SpatialDialect;
import org.qiluvalley.planner.store.WkbGeometries;

import net.postgis.jdbc.PGbox2d;
import net.postgis.jdbc.geometry.Point;

/**
 * PostgreSQL + PostGIS. Geometries travel as WKB ({@code ST_GeomFromWKB} in, {@code ST_AsBinary} out) into JTS;
 * {@code &&} is answered by the GiST index; the extent (the minima and maxima
 * of the outlines' bounds) comes back as a PostGIS {@code box2d}, read with PostGIS JDBC's {@link PGbox2d}.
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

    /**
     * {@code ST_Intersects} alone, on one parameter of type {@code geometry} (hex EWKB, its SRID included): PostGIS
     * adds the {@code &&} that the spatial index answers itself. The general form ({@code column && ST_GeomFromWKB(?)
     * AND ST_Intersects(column, ST_GeomFromWKB(?))}) tests the box twice per index entry and, in the generic plan
     * PostgreSQL keeps for a prepared statement, parses the WKB of the exact test again for every row it checks.
     */
    @Override
    public String intersects(String column, int srid) {
        return "ST_Intersects(" + column + ", ?)";
    }

    @Override
    public int bindIntersects(PreparedStatement statement, int index, Geometry geometry, int srid)
            throws SQLException {
        Geometry withSrid = geometry;
        if (geometry.getSRID() != srid) {
            withSrid = geometry.copy();
            withSrid.setSRID(srid);
        }
        PGobject value = new PGobject();
        value.setType("geometry");
        value.setValue(WKBWriter.toHex(WkbGeometries.writeExtended(withSrid)));
        statement.setObject(index, value);
        return index + 1;
    }

    /** The "C" collation: byte order of UTF-8, which is code point order (the ids' collation, see migration V1). */
    @Override
    public String inCodePointOrder(String textExpression) {
        return "(" + textExpression + ") COLLATE \"C\"";
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
    public String extentQuery(String table, String column) {
        // Four look-ups in the btree indexes on ST_XMin(..) etc. of the parcels (migration V8), so the extent of a
        // city-scale register costs milliseconds, not a scan; the small tables are scanned, with the same result.
        return "SELECT ST_MakeBox2D(ST_Point(min(ST_XMin(" + column + ")), min(ST_YMin(" + column + "))), "
                + "ST_Point(max(ST_XMax(" + column + ")), max(ST_YMax(" + column + "))))::text FROM " + table;
    }

    @Override
    public Envelope readExtent(ResultSet resultSet) throws SQLException {
        String box = resultSet.getString(1);
        if (box == null) {
            return null;
        }
        PGbox2d extent = new PGbox2d(box);
        Point low = extent.getLLB();
        Point high = extent.getURT();
        return new Envelope(low.x, high.x, low.y, high.y);
    }
}
