package org.qiluvalley.planner.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.ConstraintKind;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.Place;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;

/**
 * The registry of tables and columns: the only place table and column names come from. Each layer has a table, a
 * stable order, the columns its filterable properties map to, and how a row becomes a domain record.
 */
final class ParkTables {

    /** Reads one row; {@code geometries} holds the planar and CRS84 geometry already read by the dialect. */
    interface RowReader<T> {
        T read(ResultSet row, Geometry planar, Geometry crs84) throws SQLException;
    }

    /** Binds one record's non-geometry columns from {@code index}; returns the next index. */
    interface RowBinder<T> {
        int bind(PreparedStatement statement, int index, T record, int seq) throws SQLException;
    }

    record TableSpec<T>(String table, List<String> columns, String orderBy, Map<String, String> filterColumns,
            RowReader<T> reader, RowBinder<T> binder, java.util.function.Function<T, Geometry[]> geometries,
            java.util.function.Function<T, String> id) {

        /**
         * The spatial index of a geometry column ({@code geom} or {@code geom_crs84}): every migration names them
         * {@code <table>_<column>_idx} (V1 of both stores).
         */
        String spatialIndex(String geometryColumn) {
            if (!geometryColumn.equals("geom") && !geometryColumn.equals("geom_crs84")) {
                throw new IllegalArgumentException("not a geometry column: " + geometryColumn);
            }
            return table + "_" + geometryColumn + "_idx";
        }

        String selectList(SpatialDialect dialect) {
            return selectList(dialect, true);
        }

        /** The columns, then both geometries; without {@code planar}, a NULL in place of the EPSG:4548 one. */
        String selectList(SpatialDialect dialect, boolean planar) {
            List<String> all = new ArrayList<>(columns);
            all.add(planar ? dialect.selectGeometry("geom") : "NULL");
            all.add(dialect.selectGeometry("geom_crs84"));
            return String.join(", ", all);
        }

        /** An insert that adds nothing when the id exists; takes the id once more as its last parameter. */
        String insertIfAbsentSql(SpatialDialect dialect) {
            List<String> placeholders = new ArrayList<>();
            columns.forEach(c -> placeholders.add("?"));
            placeholders.add(dialect.geometryParameter(Crs.PLANAR_SRID));
            placeholders.add(dialect.geometryParameter(Crs.CRS84_SRID));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ", geom, geom_crs84) SELECT "
                    + String.join(", ", placeholders) + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)";
        }

        /**
         * Updates every column but id and seq of the row whose id and version match: the record's columns in order
         * (without id and seq), the two geometries, then the id and the expected version.
         */
        String updateIfVersionSql(SpatialDialect dialect) {
            List<String> assignments = new ArrayList<>();
            columns.stream().filter(c -> !c.equals("id") && !c.equals("seq")).forEach(c -> assignments.add(c + " = ?"));
            assignments.add("geom = " + dialect.geometryParameter(Crs.PLANAR_SRID));
            assignments.add("geom_crs84 = " + dialect.geometryParameter(Crs.CRS84_SRID));
            return "UPDATE " + table + " SET " + String.join(", ", assignments) + " WHERE id = ? AND version = ?";
        }

        String insertSql(SpatialDialect dialect) {
            List<String> placeholders = new ArrayList<>();
            columns.forEach(c -> placeholders.add("?"));
            placeholders.add(dialect.geometryParameter(Crs.PLANAR_SRID));
            placeholders.add(dialect.geometryParameter(Crs.CRS84_SRID));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ", geom, geom_crs84) VALUES ("
                    + String.join(", ", placeholders) + ")";
        }
    }

    static final TableSpec<ValleyPart> VALLEY = new TableSpec<>("valley_parts",
            List.of("id", "seq", "kind", "phase", "name_en", "name_zh", "area_m2"), "seq, id",
            Map.of("kind", "kind"),
            (row, planar, crs84) -> new ValleyPart(row.getString("id"), row.getString("kind"),
                    (Integer) row.getObject("phase", Integer.class), row.getString("name_en"), row.getString("name_zh"),
                    row.getDouble("area_m2"), planar, crs84),
            (st, i, v, seq) -> {
                st.setString(i++, v.id());
                st.setInt(i++, seq);
                st.setString(i++, v.kind());
                st.setObject(i++, v.phase(), java.sql.Types.INTEGER);
                st.setString(i++, v.nameEn());
                st.setString(i++, v.nameZh());
                st.setDouble(i++, v.areaSquareMetres());
                return i;
            },
            v -> new Geometry[] {v.planar(), v.crs84()}, v -> v.id());

    static final TableSpec<Zone> ZONES = new TableSpec<>("zones",
            List.of("id", "seq", "name_en", "name_zh", "category", "allocatable", "area_m2"), "seq, id",
            Map.of("category", "category"),
            (row, planar, crs84) -> new Zone(row.getString("id"), row.getString("name_en"), row.getString("name_zh"),
                    row.getString("category"), row.getBoolean("allocatable"), row.getDouble("area_m2"), planar, crs84),
            (st, i, z, seq) -> {
                st.setString(i++, z.id());
                st.setInt(i++, seq);
                st.setString(i++, z.nameEn());
                st.setString(i++, z.nameZh());
                st.setString(i++, z.category());
                st.setBoolean(i++, z.allocatable());
                st.setDouble(i++, z.areaSquareMetres());
                return i;
            },
            z -> new Geometry[] {z.planar(), z.crs84()}, z -> z.id());

    /**
     * The parcels' columns, in the order of every select list of the table ({@link TableSpec#selectList}): the
     * parcels' reader reads them by position (the map's pages read 20 to 100 rows of 21 columns per request, and a
     * look-up by name costs a map look-up each).
     */
    private static final List<String> PARCEL_COLUMNS = List.of("id", "seq", "zone_id", "land_use", "status",
            "far_min", "far_max", "coverage_min", "coverage_max", "green_ratio_min", "green_ratio_max", "height_max_m",
            "setback_m", "area_m2", "version", "updated_at", "reserve_price_wan_yuan", "deposit_wan_yuan",
            "price_per_mu_wan_yuan", "readiness", "fully_ready");

    /** The position of a parcels column in a row (1-based, as JDBC counts). */
    static int parcelColumn(String name) {
        int index = PARCEL_COLUMNS.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("not a parcels column: " + name);
        }
        return index + 1;
    }

    private static final int P_ID = parcelColumn("id");
    private static final int P_ZONE = parcelColumn("zone_id");
    private static final int P_LAND_USE = parcelColumn("land_use");
    private static final int P_STATUS = parcelColumn("status");
    private static final int P_FAR_MIN = parcelColumn("far_min");
    private static final int P_FAR_MAX = parcelColumn("far_max");
    private static final int P_COVERAGE_MIN = parcelColumn("coverage_min");
    private static final int P_COVERAGE_MAX = parcelColumn("coverage_max");
    private static final int P_GREEN_MIN = parcelColumn("green_ratio_min");
    private static final int P_GREEN_MAX = parcelColumn("green_ratio_max");
    private static final int P_HEIGHT_MAX = parcelColumn("height_max_m");
    private static final int P_SETBACK = parcelColumn("setback_m");
    private static final int P_AREA = parcelColumn("area_m2");
    private static final int P_VERSION = parcelColumn("version");
    private static final int P_UPDATED_AT = parcelColumn("updated_at");

    static final TableSpec<Parcel> PARCELS = new TableSpec<>("parcels", PARCEL_COLUMNS,
            "id", Map.of("zone", "zone_id", "landUse", "land_use", "status", "status"),
            (row, planar, crs84) -> new Parcel(row.getString(P_ID), row.getString(P_ZONE), row.getString(P_LAND_USE),
                    ParcelStatus.fromWireName(row.getString(P_STATUS)).orElseThrow(),
                    new PlanningIndicators(row.getDouble(P_FAR_MIN), row.getDouble(P_FAR_MAX),
                            row.getDouble(P_COVERAGE_MIN), row.getDouble(P_COVERAGE_MAX),
                            row.getDouble(P_GREEN_MIN), row.getDouble(P_GREEN_MAX),
                            row.getDouble(P_HEIGHT_MAX), row.getDouble(P_SETBACK)),
                    row.getDouble(P_AREA), row.getLong(P_VERSION),
                    row.getTimestamp(P_UPDATED_AT).toInstant(), (Polygon) planar, (Polygon) crs84,
                    OfferColumns.read(row)),
            (st, i, p, seq) -> {
                st.setString(i++, p.id());
                st.setInt(i++, seq);
                return bindParcelColumns(st, i, p);
            },
            p -> new Geometry[] {p.planar(), p.crs84()}, p -> p.id());

    static final TableSpec<ConstraintArea> CONSTRAINTS = new TableSpec<>("constraint_areas",
            List.of("id", "seq", "kind", "name_en", "name_zh"), "seq, id", Map.of("kind", "kind"),
            (row, planar, crs84) -> new ConstraintArea(row.getString("id"),
                    ConstraintKind.fromWireName(row.getString("kind")).orElseThrow(), row.getString("name_en"),
                    row.getString("name_zh"), planar, crs84),
            (st, i, c, seq) -> {
                st.setString(i++, c.id());
                st.setInt(i++, seq);
                st.setString(i++, c.kind().wireName());
                st.setString(i++, c.nameEn());
                st.setString(i++, c.nameZh());
                return i;
            },
            c -> new Geometry[] {c.planar(), c.crs84()}, c -> c.id());

    static final TableSpec<Road> ROADS = new TableSpec<>("roads",
            List.of("id", "seq", "kind", "name_en", "name_zh", "road_class", "red_line_width_m"), "seq, id",
            Map.of("kind", "kind"),
            (row, planar, crs84) -> new Road(row.getString("id"), row.getString("kind"), row.getString("name_en"),
                    row.getString("name_zh"), row.getString("road_class"), row.getDouble("red_line_width_m"), planar,
                    crs84),
            (st, i, r, seq) -> {
                st.setString(i++, r.id());
                st.setInt(i++, seq);
                st.setString(i++, r.kind());
                st.setString(i++, r.nameEn());
                st.setString(i++, r.nameZh());
                st.setString(i++, r.roadClass());
                st.setDouble(i++, r.redLineWidthMetres());
                return i;
            },
            r -> new Geometry[] {r.planar(), r.crs84()}, r -> r.id());

    static final TableSpec<Place> PLACES = new TableSpec<>("places",
            List.of("id", "seq", "kind", "name_en", "name_zh", "source"), "seq, id", Map.of("kind", "kind"),
            (row, planar, crs84) -> new Place(row.getString("id"), row.getString("kind"), row.getString("name_en"),
                    row.getString("name_zh"), row.getString("source"), (Point) planar, (Point) crs84),
            (st, i, p, seq) -> {
                st.setString(i++, p.id());
                st.setInt(i++, seq);
                st.setString(i++, p.kind());
                st.setString(i++, p.nameEn());
                st.setString(i++, p.nameZh());
                st.setString(i++, p.source());
                return i;
            },
            p -> new Geometry[] {p.planar(), p.crs84()}, p -> p.id());

    /**
     * Binds a parcel's columns after id and seq (zone_id ... updated_at, then its offer's) from {@code i}; returns
     * the next index.
     */
    static int bindParcelColumns(PreparedStatement st, int i, Parcel p) throws SQLException {
        PlanningIndicators ind = p.indicators();
        st.setString(i++, p.zone());
        st.setString(i++, p.landUse());
        st.setString(i++, p.status().wireName());
        st.setDouble(i++, ind.farMin());
        st.setDouble(i++, ind.farMax());
        st.setDouble(i++, ind.coverageMin());
        st.setDouble(i++, ind.coverageMax());
        st.setDouble(i++, ind.greenRatioMin());
        st.setDouble(i++, ind.greenRatioMax());
        st.setDouble(i++, ind.heightMaxMetres());
        st.setDouble(i++, ind.setbackMetres());
        st.setDouble(i++, p.areaSquareMetres());
        st.setLong(i++, p.version());
        st.setTimestamp(i++, Timestamp.from(p.updatedAt()));
        return OfferColumns.bind(st, i, p);
    }

    private static final Map<Layer<?>, TableSpec<?>> BY_LAYER = new LinkedHashMap<>();

    static {
        BY_LAYER.put(Layer.VALLEY, VALLEY);
        BY_LAYER.put(Layer.ZONES, ZONES);
        BY_LAYER.put(Layer.PARCELS, PARCELS);
        BY_LAYER.put(Layer.CONSTRAINTS, CONSTRAINTS);
        BY_LAYER.put(Layer.ROADS, ROADS);
        BY_LAYER.put(Layer.PLACES, PLACES);
    }

    @SuppressWarnings("unchecked")
    static <T> TableSpec<T> of(Layer<T> layer) {
        TableSpec<T> spec = (TableSpec<T>) BY_LAYER.get(layer);
        if (spec == null) {
            throw new IllegalArgumentException("no table for layer " + layer);
        }
        return spec;
    }

    private ParkTables() {
    }
}
