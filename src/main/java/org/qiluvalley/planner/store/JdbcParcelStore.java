package org.qiluvalley.planner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.filter.BoundFilter;
import org.qiluvalley.planner.filter.SqlFilter;
import org.qiluvalley.planner.parcel.AreaTotals;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Page;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store contract over JDBC. Everything SQL-specific to a database is in its {@link SpatialDialect}; table and
 * column names come only from {@link ParkTables}; every value is a bound parameter.
 */
public class JdbcParcelStore implements ParcelStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SpatialDialect dialect;

    public JdbcParcelStore(DataSource dataSource, TransactionTemplate transactions, SpatialDialect dialect) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = transactions;
        this.dialect = dialect;
    }

    @Override
    public <T> Page<T> find(Layer<T> layer, FeatureQuery query) {
        ParkTables.TableSpec<T> spec = ParkTables.of(layer);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        List<Geometry> boxes = new ArrayList<>();
        String from = spec.table();
        if (query.bboxCrs84() != null) {
            Geometry box = CrsTransform.CRS84.toGeometry(query.bboxCrs84());
            box.setSRID(Crs.CRS84_SRID);
            boxes.add(box);
            where.append(" AND ").append(dialect.intersects("geom_crs84", Crs.CRS84_SRID));
            from = dialect.tableUsingSpatialIndex(spec.table(), spec.spatialIndex("geom_crs84"));
        }
        if (query.bboxPlanar() != null) {
            Geometry box = CrsTransform.PLANAR.toGeometry(query.bboxPlanar());
            box.setSRID(Crs.PLANAR_SRID);
            boxes.add(box);
            where.append(" AND ").append(dialect.intersects("geom", Crs.PLANAR_SRID));
            if (query.bboxCrs84() == null) {
                from = dialect.tableUsingSpatialIndex(spec.table(), spec.spatialIndex("geom"));
            }
        }
        for (Map.Entry<String, String> filter : query.propertyEquals().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            String column = spec.filterColumns().get(filter.getKey());
            if (column == null) {
                throw new IllegalArgumentException("layer " + layer + " cannot be filtered on " + filter.getKey());
            }
            where.append(" AND ").append(column).append(" = ?");
            values.add(filter.getValue());
        }
        for (Map.Entry<String, java.util.Set<String>> filter : query.propertyIn().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            String column = spec.filterColumns().get(filter.getKey());
            if (column == null) {
                throw new IllegalArgumentException("layer " + layer + " cannot be filtered on " + filter.getKey());
            }
            if (filter.getValue().isEmpty()) {
                where.append(" AND 1 = 0");
                continue;
            }
            where.append(" AND ").append(column).append(" IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(filter.getValue().size(), "?"))).append(")");
            filter.getValue().stream().sorted().forEach(values::add);
        }

        if (query.filter() != null) {
            where.append(" AND ").append(filterSql(layer, spec, query.filter(), values));
        }

        String countSql = "SELECT COUNT(*) FROM " + from + where;
        String pageSql = "SELECT " + spec.selectList(dialect, query.planarOutlines()) + " FROM " + from + where
                + " ORDER BY " + spec.orderBy() + " LIMIT ? OFFSET ?";
        // No transaction of its own: each statement reads committed data, and inside a caller's transaction (a write
        // under a zone lock) it joins that one. This spares the map's hot path a BEGIN and a COMMIT per request; the
        // count of a multi-page result may then be a moment newer than the page, as any concurrent count may be.
        List<T> items = query.limit() == 0 ? List.of() : jdbc.query(pageSql, st -> {
            int next = bind(st, boxes, values);
            st.setInt(next++, query.limit());
            st.setLong(next, query.offset());
        }, (rs, n) -> readRow(spec, rs));
        // Everything that matches was wanted (rule look-ups, snapshots), or a page that is not full and not past the
        // end (the usual map request: a bbox with fewer features than the limit): the count is known without
        // counting. Otherwise COUNT(*) says it.
        boolean wholeResult = query.offset() == 0 && query.limit() == Integer.MAX_VALUE;
        long matched = wholeResult || (!items.isEmpty() && items.size() < query.limit())
                ? query.offset() + items.size()
                : jdbc.query(countSql, st -> bind(st, boxes, values), rs -> {
                    rs.next();
                    return rs.getLong(1);
                });
        return new Page<>(items, matched);
    }

    /**
     * The SQL of a CQL2 filter, its parameter values added to {@code values}. The filter's columns come from its
     * queryables; they must be columns of this layer's table (or its two geometry columns), or nothing is read.
     */
    private <T> String filterSql(Layer<T> layer, ParkTables.TableSpec<T> spec, BoundFilter filter, List<Object> values) {
        if (!filter.layer().equals(layer.name())) {
            throw new IllegalArgumentException("a filter on the " + filter.layer() + " layer cannot read " + layer);
        }
        SqlFilter sql = filter.toSql(dialect);
        for (String column : sql.columns()) {
            if (!spec.columns().contains(column) && !column.equals("geom") && !column.equals("geom_crs84")) {
                throw new IllegalStateException("the queryables of " + layer + " name " + column
                        + ", which is not a column of " + spec.table());
            }
        }
        values.addAll(sql.parameters());
        return sql.sql();
    }

    /**
     * Binds the boxes (each to its {@link SpatialDialect#intersects}, in its SRID), then the values (a geometry with
     * the dialect's geometry binding, anything else as is).
     */
    private int bind(PreparedStatement st, List<Geometry> boxes, List<Object> values) throws SQLException {
        int index = 1;
        for (Geometry box : boxes) {
            index = dialect.bindIntersects(st, index, box, box.getSRID());
        }
        for (Object value : values) {
            if (value instanceof Geometry geometry) {
                index = dialect.bindGeometry(st, index, geometry);
            } else {
                st.setObject(index++, value);
            }
        }
        return index;
    }

    private <T> T readRow(ParkTables.TableSpec<T> spec, ResultSet rs) throws SQLException {
        int geomColumn = spec.columns().size() + 1;
        Geometry planar = dialect.readGeometry(rs, geomColumn, Crs.PLANAR_SRID);
        Geometry crs84 = dialect.readGeometry(rs, geomColumn + 1, Crs.CRS84_SRID);
        return spec.reader().read(rs, planar, crs84);
    }

    @Override
    public <T> Optional<T> findById(Layer<T> layer, String id) {
        ParkTables.TableSpec<T> spec = ParkTables.of(layer);
        List<T> rows = jdbc.query("SELECT " + spec.selectList(dialect) + " FROM " + spec.table() + " WHERE id = ?",
                st -> st.setString(1, id), (rs, n) -> readRow(spec, rs));
        return rows.stream().findFirst();
    }

    @Override
    public Optional<Envelope> extentCrs84(Layer<?> layer) {
        ParkTables.TableSpec<?> spec = ParkTables.of(layer);
        return Optional.ofNullable(jdbc.query(dialect.extentQuery(spec.table(), "geom_crs84"),
                rs -> rs.next() ? dialect.readExtent(rs) : null));
    }

    @Override
    public boolean hasDataset(String name) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM seed_datasets WHERE name = ?", Integer.class, name);
        return count != null && count > 0;
    }

    @Override
    public boolean loadDataset(ParkDataset dataset) {
        try {
            Boolean loaded = transactions.execute(status -> {
                if (hasDataset(dataset.name())) {
                    return false;
                }
                // The marker row goes first: a second process loading at the same time waits on its primary key
                // until the first commits, then fails on it and rolls back whole, so the data is never loaded twice.
                jdbc.update("INSERT INTO seed_datasets (name, sha256, feature_count, loaded_at) VALUES (?, ?, ?, ?)",
                        dataset.name(), dataset.sha256(), dataset.featureCount(), Timestamp.from(Instant.now()));
                insertAll(ParkTables.VALLEY, dataset.valley());
                insertAll(ParkTables.ZONES, dataset.zones());
                insertAll(ParkTables.ROADS, dataset.roads());
                insertAll(ParkTables.CONSTRAINTS, dataset.constraints());
                insertAll(ParkTables.PARCELS, dataset.parcels());
                insertAll(ParkTables.PLACES, dataset.places());
                return true;
            });
            return Boolean.TRUE.equals(loaded);
        } catch (DuplicateKeyException loadedMeanwhile) {
            // Another instance starting on the same database loaded it first: nothing to do, and no reason to stop.
            if (hasDataset(dataset.name())) {
                return false;
            }
            throw loadedMeanwhile;
        }
    }

    private <T> int insertAll(ParkTables.TableSpec<T> spec, List<T> records) {
        return insert(spec, records, 0, false);
    }

    @Override
    public int insertParcelsIfAbsent(List<Parcel> parcels) {
        // Parcels are ordered by id, never by seq (which records the seed file's order), so imports need not count
        // the table to number their rows: that count would grow with the register on every batch.
        try {
            Integer inserted = transactions.execute(status -> insert(ParkTables.PARCELS, parcels, 0, true));
            return inserted == null ? 0 : inserted;
        } catch (RuntimeException e) {
            if (refusesTheData(e)) {
                throw new org.qiluvalley.planner.parcel.ParcelRefusedByStoreException(e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * True when the database refused the data itself: an SQLSTATE of class 22 (data exception, e.g. a value too
     * long) or 23 (integrity constraint violation, e.g. a check constraint), in PostgreSQL and H2 alike. Anything else
     * (connection lost, database down) is a failure of the store, not of one parcel.
     */
    static boolean refusesTheData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (java.sql.SQLException e = t instanceof java.sql.SQLException sql ? sql : null; e != null;
                    e = e.getNextException()) {
                String state = e.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean insertParcel(Parcel parcel) {
        Integer inserted = transactions.execute(status -> insert(ParkTables.PARCELS, List.of(parcel), 0, true));
        return inserted != null && inserted == 1;
    }

    @Override
    public boolean updateParcel(Parcel parcel, long expectedVersion) {
        ParkTables.TableSpec<Parcel> spec = ParkTables.PARCELS;
        Integer updated = transactions.execute(status -> jdbc.update(spec.updateIfVersionSql(dialect), st -> {
            int next = ParkTables.bindParcelColumns(st, 1, parcel);
            next = dialect.bindGeometry(st, next, parcel.planar());
            next = dialect.bindGeometry(st, next, parcel.crs84());
            st.setString(next++, parcel.id());
            st.setLong(next, expectedVersion);
        }));
        return updated != null && updated == 1;
    }

    /** Batch insert; with {@code ifAbsent} a row whose id exists is skipped. Returns the rows inserted. */
    private <T> int insert(ParkTables.TableSpec<T> spec, List<T> records, int firstSeq, boolean ifAbsent) {
        if (records.isEmpty()) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
        try (PreparedStatement st = connection.prepareStatement(ifAbsent ? spec.insertIfAbsentSql(dialect)
                : spec.insertSql(dialect))) {
            int seq = firstSeq;
            for (T record : records) {
                int next = spec.binder().bind(st, 1, record, seq++);
                Geometry[] geometries = spec.geometries().apply(record);
                next = dialect.bindGeometry(st, next, geometries[0]);
                next = dialect.bindGeometry(st, next, geometries[1]);
                if (ifAbsent) {
                    st.setString(next, spec.id().apply(record));
                }
                st.addBatch();
            }
            int inserted = 0;
            for (int rows : st.executeBatch()) {
                inserted += rows == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(rows, 0);
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert into " + spec.table() + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
        }
    }

    @Override
    public Map<String, Map<ParcelStatus, AreaTotals>> parcelTotalsByZone() {
        Map<String, Map<ParcelStatus, AreaTotals>> totals = new java.util.TreeMap<>();
        jdbc.query("SELECT zone_id, status, COUNT(*), SUM(area_m2), SUM(area_m2 * far_max) FROM parcels "
                + "WHERE status NOT IN ('withdrawn', 'retired') GROUP BY zone_id, status", (ResultSet rs) -> {
                    ParcelStatus status = ParcelStatus.fromWireName(rs.getString(2)).orElseThrow();
                    totals.computeIfAbsent(rs.getString(1), z -> new java.util.EnumMap<>(ParcelStatus.class))
                            .put(status, new AreaTotals(rs.getLong(3), rs.getDouble(4), rs.getDouble(5)));
                });
        return totals;
    }

    /**
     * One equality look-up per committed status, so both databases answer from the (zone_id, status) index, in one
     * statement (one round trip to a database server): the rows are the status, then count, area and floor area.
     * Takes the zone id twice.
     */
    public static final String COMMITTED_TOTALS_SQL = "SELECT 'allocated', COUNT(*), SUM(area_m2), SUM(area_m2 * far_max) "
            + "FROM parcels WHERE zone_id = ? AND status = 'allocated' UNION ALL "
            + "SELECT 'reserved', COUNT(*), SUM(area_m2), SUM(area_m2 * far_max) "
            + "FROM parcels WHERE zone_id = ? AND status = 'reserved'";

    @Override
    public Map<ParcelStatus, AreaTotals> committedTotals(String zoneId) {
        Map<ParcelStatus, AreaTotals> totals = new java.util.EnumMap<>(ParcelStatus.class);
        jdbc.query(COMMITTED_TOTALS_SQL, (ResultSet rs) -> {
            if (rs.getLong(2) > 0) {
                totals.put(ParcelStatus.fromWireName(rs.getString(1)).orElseThrow(),
                        new AreaTotals(rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
            }
        }, zoneId, zoneId);
        return totals;
    }

    @Override
    public <R> R inTransaction(java.util.function.Supplier<R> work) {
        return transactions.execute(status -> work.get());
    }

    @Override
    public void lockZone(String zoneId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("lockZone needs a transaction: call it inside inTransaction");
        }
        List<String> locked = jdbc.query("SELECT id FROM zones WHERE id = ? FOR UPDATE", (rs, n) -> rs.getString(1),
                zoneId);
        if (locked.isEmpty()) {
            throw new java.util.NoSuchElementException("no zone " + zoneId);
        }
    }
}
