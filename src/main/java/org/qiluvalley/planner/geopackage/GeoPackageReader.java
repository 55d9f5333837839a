package org.qiluvalley.planner.geopackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.geopackage.ReadableGeoPackageStore.Column;
import org.qiluvalley.planner.geopackage.ReadableGeoPackageStore.LayerEntry;
import org.qiluvalley.planner.geopackage.ReadableGeoPackageStore.Row;

/**
 * Reads one feature layer of a GeoPackage, one feature at a time (memory does not grow with the layer), in primary
 * key order. The layer's SRS must be EPSG:4548, EPSG:4326 or CRS84 ({@link GeoPackageCrs}); any other is refused when
 * the layer is opened, with a message naming it. {@link #next()} gives each geometry in EPSG:4548, transformed with
 * {@link org.qiluvalley.planner.geo.CrsTransform} when the layer is in longitude/latitude.
 *
 * <pre>{@code
 * try (GeoPackageReader layer = GeoPackageReader.open(file, "parcels")) {
 *     for (GeoPackageFeature feature; (feature = layer.next()) != null; ) {
 *         ... feature.id(), feature.geometry() (EPSG:4548), feature.properties()
 *     }
 * }
 * }</pre>
 *
 * <p>Failures are {@link GeoPackageException}s: not a GeoPackage, no such layer, an SRS not read; a geometry that
 * cannot be read is an {@link UnreadableGeometryException} thrown by the {@code next} that meets it, naming the
 * feature's primary key, after which reading may go on.
 */
public final class GeoPackageReader implements AutoCloseable {

    /** Longest geometry read by default, bytes (a parcel outline takes a few kB). */
    public static final long DEFAULT_MAX_GEOMETRY_BYTES = 64L * 1024 * 1024;

    private final ReadableGeoPackageStore store;
    private final String fileName;
    private final LayerEntry layer;
    private final GeoPackageCrs crs;
    private final List<GeoPackageField> fields;
    /** Index in {@link #fields} of the {@code id} column, or -1. */
    private final int idIndex;
    private final long maxGeometryBytes;
    private final ReadableGeoPackageStore.Rows rows;
    private long position;
    /** Primary key of the feature read last. */
    private long lastFid;

    private GeoPackageReader(ReadableGeoPackageStore store, String fileName, LayerEntry layer, GeoPackageCrs crs,
            long maxGeometryBytes) {
        this.store = store;
        this.fileName = fileName;
        this.layer = layer;
        this.crs = crs;
        this.maxGeometryBytes = maxGeometryBytes;
        List<Column> columns = store.columns(layer.table());
        String primaryKey = null;
        List<GeoPackageField> attributes = new ArrayList<>();
        boolean geometryFound = false;
        for (Column column : columns) {
            if (column.name().equalsIgnoreCase(layer.geometryColumn())) {
                geometryFound = true;
            } else if (column.primaryKey() && primaryKey == null) {
                primaryKey = column.name();
            } else {
                attributes.add(new GeoPackageField(column.name(),
                        GeoPackageField.Type.ofDeclared(column.declaredType())));
            }
        }
        if (!geometryFound) {
            throw new GeoPackageException(fileName + ": layer " + layer.table() + " has no column "
                    + layer.geometryColumn() + ", which gpkg_geometry_columns names as its geometry");
        }
        this.fields = List.copyOf(attributes);
        int id = -1;
        for (int i = 0; i < fields.size() && id < 0; i++) {
            if (fields.get(i).name().equalsIgnoreCase(GeoPackageLayer.ID_COLUMN)) {
                id = i;
            }
        }
        this.idIndex = id;
        this.rows = store.rows(layer.table(), primaryKey, layer.geometryColumn(),
                fields.stream().map(GeoPackageField::name).toList(), maxGeometryBytes);
    }

    /**
     * Opens a layer.
     *
     * @param layerName the layer (table) name; null for the file's only feature layer
     * @throws GeoPackageException when the file is not a GeoPackage, has no such layer (or, with null, not exactly
     *     one), or the layer's SRS is not one of {@link GeoPackageCrs}
     */
    public static GeoPackageReader open(Path file, String layerName) {
        return open(file, layerName, DEFAULT_MAX_GEOMETRY_BYTES);
    }

    /**
     * As {@link #open(Path, String)}; a geometry longer than {@code maxGeometryBytes} is not read ({@link #next()}
     * throws {@link UnreadableGeometryException} for its feature).
     */
    public static GeoPackageReader open(Path file, String layerName, long maxGeometryBytes) {
        ReadableGeoPackageStore store = openStore(file);
        String fileName = String.valueOf(file.getFileName());
        try {
            LayerEntry layer = choose(fileName, store.featureLayers(), layerName);
            return new GeoPackageReader(store, fileName, layer, crs(fileName, layer), maxGeometryBytes);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The names of the file's feature layers, sorted.
     *
     * @throws GeoPackageException when the file is not a GeoPackage
     */
    public static List<String> featureLayers(Path file) {
        try (ReadableGeoPackageStore store = openStore(file)) {
            return store.featureLayers().stream().map(LayerEntry::table).toList();
        }
    }

    private static ReadableGeoPackageStore openStore(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new GeoPackageException(file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
        }
        return new ReadableGeoPackageStore(file);
    }

    private static LayerEntry choose(String fileName, List<LayerEntry> layers, String name) {
        List<String> names = layers.stream().map(LayerEntry::table).toList();
        if (layers.isEmpty()) {
            throw new GeoPackageException(fileName + " has no feature layer");
        }
        if (name == null) {
            if (layers.size() > 1) {
                throw new GeoPackageException(fileName + " has " + layers.size() + " feature layers ("
                        + String.join(", ", names) + "): name the one to read");
            }
            return layers.get(0);
        }
        List<LayerEntry> byCase = layers.stream().filter(l -> l.table().equals(name)).toList();
        List<LayerEntry> anyCase = layers.stream().filter(l -> l.table().equalsIgnoreCase(name)).toList();
        if (byCase.size() == 1) {
            return byCase.get(0);
        }
        if (anyCase.size() == 1) {
            return anyCase.get(0);
        }
        throw new GeoPackageException(fileName + " has no feature layer \"" + name + "\" (its feature layers: "
                + String.join(", ", names) + ")");
    }

    private static GeoPackageCrs crs(String fileName, LayerEntry layer) {
        String which = "layer " + layer.table() + " of " + fileName;
        if (layer.organization() == null) {
            throw new GeoPackageException(which + " names srs_id " + layer.srsId()
                    + ", which gpkg_spatial_ref_sys does not define");
        }
        long coordsys = layer.organizationCoordsysId() == null ? Long.MIN_VALUE : layer.organizationCoordsysId();
        return GeoPackageCrs.of(layer.organization(), coordsys, layer.definition()).orElseThrow(() -> {
            String srs = layer.organization().equalsIgnoreCase("NONE") ? "\"" + layer.srsName() + "\" (srs_id "
                    + layer.srsId() + ")" : layer.organization().toUpperCase(Locale.ROOT) + ":" + coordsys
                    + (layer.srsName() == null ? "" : " (" + layer.srsName() + ")");
            return new GeoPackageException(which + " is in " + srs + "; only EPSG:4548, EPSG:4326 and OGC:CRS84 "
                    + "are read: reproject it first, e.g. ogr2ogr -t_srs EPSG:4548 out.gpkg " + fileName);
        });
    }

    /** The layer's name (its table). */
    public String layerName() {
        return layer.table();
    }

    /** The layer's SRS. */
    public GeoPackageCrs crs() {
        return crs;
    }

    /** The geometry type {@code gpkg_geometry_columns} gives, e.g. {@code POLYGON}. */
    public String geometryTypeName() {
        return layer.geometryTypeName();
    }

    /** The attribute columns (every column but the primary key and the geometry, so {@code id} too), in order. */
    public List<GeoPackageField> fields() {
        return fields;
    }

    /** Whether the layer has an {@code id} column (compared without case, as SQLite does). */
    public boolean hasIdColumn() {
        return idIndex >= 0;
    }

    /** The features of the layer. */
    public long count() {
        return store.count(layer.table());
    }

    /** Features returned so far. */
    public long position() {
        return position;
    }

    /**
     * The next feature with its geometry in EPSG:4548 (SRID 4548), or null after the last.
     *
     * @throws UnreadableGeometryException when the feature's geometry cannot be read or transformed (the reader has
     *     moved past it)
     */
    public GeoPackageFeature next() {
        GeoPackageFeature stored = nextAsStored();
        if (stored == null || stored.geometry() == null || crs == GeoPackageCrs.EPSG_4548) {
            return stored;
        }
        Geometry planar;
        try {
            planar = crs.toPlanar(stored.geometry());
        } catch (RuntimeException e) {
            String reason = "the geometry cannot be transformed from " + crs + " to EPSG:4548: " + e.getMessage();
            throw new UnreadableGeometryException(fileName + ": feature " + lastFid + " of layer " + layer.table()
                    + ": " + reason, reason, new GeoPackageFeature(stored.id(), null, stored.properties()), e);
        }
        return new GeoPackageFeature(stored.id(), planar, stored.properties());
    }

    /**
     * The next feature with its geometry as the layer stores it, or null after the last: in EPSG:4548 (SRID 4548),
     * or for EPSG:4326 and CRS84 in (longitude, latitude) with SRID 4326. {@link #crs()} says which.
     *
     * @throws UnreadableGeometryException when the feature's geometry cannot be read (the reader has moved past it)
     */
    public GeoPackageFeature nextAsStored() {
        Row row = rows.next();
        if (row == null) {
            return null;
        }
        position++;
        lastFid = row.fid();
        LinkedHashMap<String, Object> properties = new LinkedHashMap<>();
        String id = null;
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            if (i == idIndex && values[i] instanceof String text) {
                id = text;
            } else {
                properties.put(fields.get(i).name(), values[i]);
            }
        }
        Geometry geometry = null;
        try {
            if (row.geometryBytes() > maxGeometryBytes) {
                throw new GeoPackageException("the geometry takes " + row.geometryBytes() + " bytes, more than the "
                        + maxGeometryBytes + " read; it is not read into memory");
            }
            if (row.geometry() != null) {
                geometry = GeoPackageGeometry.decode(row.geometry(), crs.factory());
            }
        } catch (GeoPackageException e) {
            throw new UnreadableGeometryException(fileName + ": feature " + row.fid() + " of layer " + layer.table()
                    + ": " + e.getMessage(), e.getMessage(), GeoPackageFeature.read(id, null, properties), e);
        }
        return GeoPackageFeature.read(id, geometry, properties);
    }

    @Override
    public void close() {
        try {
            rows.close();
        } finally {
            store.close();
        }
    }
}
