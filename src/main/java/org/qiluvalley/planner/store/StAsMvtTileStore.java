package org.qiluvalley.planner.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.tiles.TileRequest;
import org.qiluvalley.planner.tiles.VectorTileStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vector tiles built by PostGIS itself: {@code ST_AsMVTGeom} clips and snaps each outline (Web Mercator, 4096 grid,
 * 64-unit buffer), {@code ST_AsMVT} encodes the layer. The features are found through the GiST index on the CRS84
 * column with the buffered tile; the properties are the same as the GeoJSON items for the same audience (the
 * planners' join the live allocation). Numeric feature ids are the first 52 bits of the MD5 of the string id,
 * computed exactly as the Java encoder does.
 */
public class StAsMvtTileStore implements VectorTileStore {

    private static final String FID = "('x' || substr(md5(t.id), 1, 13))::bit(52)::bigint";
    /**
     * Parcels keep the same number, and their Web Mercator outline, in generated columns (migration V7): the big
     * layer need not hash and re-project per feature per tile.
     */
    private static final String PARCEL_FID = "t.mvt_id";
    private static final String PARCEL_MERCATOR = "t.geom_3857";
    private static final String MERCATOR = "ST_Transform(t.geom_crs84, 3857)";
    /**
     * Square metres to 2 decimals as the Java side rounds ({@code Math.round(x * 100) / 100.0}, half up) in double
     * arithmetic: the same value as the GeoJSON items, and cheaper than a round trip through {@code numeric}.
     */
    private static final String AREA = "(floor(t.area_m2 * 100 + 0.5) / 100)";
    private static final Map<String, String> FILTER_COLUMNS = Map.of("status", "t.status", "zone", "t.zone_id",
            "landUse", "t.land_use", "kind", "t.kind", "category", "t.category");

    private final JdbcTemplate jdbc;

    public StAsMvtTileStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public byte[] tile(TileRequest request) {
        String table = ParkTables.of(request.layer()).table();
        boolean parcels = request.layer() == Layer.PARCELS;
        boolean plannerParcels = request.planner() && parcels;
        StringBuilder sql = new StringBuilder("WITH bounds AS (SELECT ST_TileEnvelope(?, ?, ?) AS env, "
                + "ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), 4326) AS lookup) "
                + "SELECT ST_AsMVT(tile, ?, " + TileRequest.EXTENT + ", 'geom', 'fid') FROM (SELECT "
                + (parcels ? PARCEL_FID : FID)
                + " AS fid, t.id AS id, " + properties(request) + ", ST_AsMVTGeom("
                + (parcels ? PARCEL_MERCATOR : MERCATOR) + ", "
                + "bounds.env, " + TileRequest.EXTENT + ", " + TileRequest.BUFFER + ", true) AS geom FROM " + table
                + " t ");
        if (plannerParcels) {
            // The live allocation, as AllocationState.live(): it holds the parcel.
            sql.append("LEFT JOIN allocations a ON a.parcel_id = t.id "
                    + "AND a.state IN ('proposed', 'approved', 'contracted', 'reviewed') ");
        }
        sql.append("CROSS JOIN bounds WHERE t.geom_crs84 && bounds.lookup");
        List<Object> values = new ArrayList<>(List.of(request.z(), request.x(), request.y(), request.z(), request.x(),
                request.y(), (double) TileRequest.BUFFER / TileRequest.EXTENT, request.layerName()));
        for (Map.Entry<String, String> filter : request.equals().entrySet()) {
            sql.append(" AND ").append(column(filter.getKey())).append(" = ?");
            values.add(filter.getValue());
        }
        for (Map.Entry<String, Set<String>> filter : request.oneOf().entrySet()) {
            if (filter.getValue().isEmpty()) {
                sql.append(" AND 1 = 0");
                continue;
            }
            sql.append(" AND ").append(column(filter.getKey())).append(" IN (")
                    .append(String.join(", ", Collections.nCopies(filter.getValue().size(), "?"))).append(")");
            filter.getValue().stream().sorted().forEach(values::add);
        }
        sql.append(") tile WHERE geom IS NOT NULL");
        byte[] tile = jdbc.queryForObject(sql.toString(), byte[].class, values.toArray());
        return tile == null ? new byte[0] : tile;
    }

    private static String column(String property) {
        String column = FILTER_COLUMNS.get(property);
        if (column == null) {
            throw new IllegalArgumentException("tiles cannot be filtered on " + property);
        }
        return column;
    }

    /** The property columns, named and typed as the GeoJSON items name them for this audience. */
    private static String properties(TileRequest request) {
        Layer<?> layer = request.layer();
        if (layer == Layer.VALLEY) {
            return "t.kind AS kind, t.phase AS phase, t.name_en AS \"nameEn\", t.name_zh AS \"nameZh\", " + AREA
                    + " AS \"areaM2\"";
        }
        if (layer == Layer.ZONES) {
            return "t.name_en AS \"nameEn\", t.name_zh AS \"nameZh\", t.category AS category, "
                    + "t.allocatable AS allocatable, " + AREA + " AS \"areaM2\"";
        }
        if (layer == Layer.CONSTRAINTS) {
            return "t.kind AS kind, t.name_en AS \"nameEn\", t.name_zh AS \"nameZh\"";
        }
        if (layer == Layer.ROADS) {
            return "t.kind AS kind, t.name_en AS \"nameEn\", t.name_zh AS \"nameZh\", t.road_class AS \"roadClass\", "
                    + "t.red_line_width_m AS \"redLineWidthMetres\"";
        }
        if (layer == Layer.PLACES) {
            return "t.kind AS kind, t.name_en AS \"nameEn\", t.name_zh AS \"nameZh\", t.source AS source";
        }
        if (layer != Layer.PARCELS) {
            throw new IllegalArgumentException("no tiles for layer " + layer);
        }
        if (request.planner()) {
            return "t.zone_id AS zone, t.land_use AS \"landUse\", t.status AS status, " + AREA + " AS \"areaM2\", "
                    + conditions("") + ", t.version AS version, a.id AS \"allocationId\", a.state AS \"allocationState\", "
                    + "a.allottee_name AS allottee, a.allottee_type AS \"allotteeType\"";
        }
        // The public sees a reserved or allocated parcel only as "unavailable", with its zone and area.
        String available = "CASE WHEN t.status = 'available' THEN ";
        return "t.zone_id AS zone, CASE WHEN t.status = 'available' THEN 'available' ELSE 'unavailable' END AS status, "
                + AREA + " AS \"areaM2\", " + available + "t.land_use END AS \"landUse\", " + conditions(available);
    }

    /** The planning conditions, each wrapped as {@code <prefix>column END} when a prefix (a CASE) is given. */
    private static String conditions(String casePrefix) {
        String[][] columns = {{"far_min", "farMin"}, {"far_max", "farMax"}, {"coverage_min", "coverageMin"},
                {"coverage_max", "coverageMax"}, {"green_ratio_min", "greenRatioMin"}, {"green_ratio_max", "greenRatioMax"},
                {"height_max_m", "heightMaxMetres"}, {"setback_m", "setbackMetres"}};
        List<String> parts = new ArrayList<>();
        for (String[] column : columns) {
            parts.add(casePrefix.isEmpty() ? "t." + column[0] + " AS \"" + column[1] + "\""
                    : casePrefix + "t." + column[0] + " END AS \"" + column[1] + "\"");
        }
        return String.join(", ", parts);
    }
}
