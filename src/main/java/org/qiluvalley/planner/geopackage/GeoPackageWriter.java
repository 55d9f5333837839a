package org.qiluvalley.planner.geopackage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.geo.Crs;

/**
 * Writes one feature layer in EPSG:4548 as a GeoPackage 1.3 file (OGC 12-128r18): {@code gpkg_spatial_ref_sys} with
 * the three rows the standard requires and EPSG:4548, {@code gpkg_contents} with the layer's bounds, {@code
 * gpkg_geometry_columns}, the feature table ({@value GeoPackageLayer#FID_COLUMN} integer primary key, {@value
 * GeoPackageLayer#GEOMETRY_COLUMN}, the feature id as text in {@value GeoPackageLayer#ID_COLUMN}, then the fields),
 * geometries in the GeoPackage binary encoding (header with envelope, then ISO WKB), an RTree spatial index, and the
 * {@code application_id} and {@code user_version} pragmas.
 *
 * <p>Features are streamed: each {@link #add} goes into a temporary SQLite file (not memory), and {@link #writeTo}
 * copies the finished file to the caller's stream. The temporary file is deleted by {@link #close()}, whatever
 * happened before, so use it in try-with-resources:
 *
 * <pre>{@code
 * try (GeoPackageWriter gpkg = GeoPackageWriter.create(layer)) {
 *     for (...) {
 *         gpkg.add(new GeoPackageFeature(id, planarGeometry, properties));
 *     }
 *     long bytes = gpkg.finish();      // e.g. for a Content-Length
 *     gpkg.transferTo(response);      // or gpkg.writeTo(response), which does both
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one writer per response.
 */
public final class GeoPackageWriter implements AutoCloseable {

    /** The media type of a GeoPackage (OGC, registered with IANA). */
    public static final String MEDIA_TYPE = "application/geopackage+sqlite3";
    /** The file name extension of a GeoPackage. */
    public static final String FILE_EXTENSION = ".gpkg";

    private final GeoPackageLayer layer;
    private final Path file;
    private final WritableGeoPackageStore store;
    /** Field name to its index in the layer's field list. */
    private final Map<String, Integer> fieldIndex = new HashMap<>();
    private final Envelope bounds = new Envelope();
    private long count;
    private long size = -1;
    private boolean closed;

    private GeoPackageWriter(GeoPackageLayer layer, Path directory) {
        this.layer = Objects.requireNonNull(layer, "layer");
        List<GeoPackageField> fields = layer.fields();
        for (int i = 0; i < fields.size(); i++) {
            fieldIndex.put(fields.get(i).name(), i);
        }
        try {
            this.file = directory == null ? Files.createTempFile("valley-", FILE_EXTENSION)
                    : Files.createTempFile(directory, "valley-", FILE_EXTENSION);
        } catch (IOException e) {
            throw new GeoPackageException("cannot create a temporary file for the GeoPackage: " + e.getMessage(), e);
        }
        try {
            // SQLite creates a database in an empty file as in a missing one.
            this.store = new WritableGeoPackageStore(file, layer);
        } catch (RuntimeException e) {
            deleteFile();
            throw e;
        }
    }

    /** A writer whose temporary file is in the default temporary directory ({@code java.io.tmpdir}). */
    public static GeoPackageWriter create(GeoPackageLayer layer) {
        return new GeoPackageWriter(layer, null);
    }

    /** A writer whose temporary file is in {@code directory}. */
    public static GeoPackageWriter create(GeoPackageLayer layer, Path directory) {
        return new GeoPackageWriter(layer, Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Writes {@code features} as {@code layer} to {@code out} (not closed), through a temporary file deleted before
     * this returns or throws.
     *
     * @return the bytes written
     */
    public static long write(GeoPackageLayer layer, Iterable<GeoPackageFeature> features, OutputStream out) {
        try (GeoPackageWriter writer = create(layer)) {
            for (GeoPackageFeature feature : features) {
                writer.add(feature);
            }
            return writer.writeTo(out);
        }
    }

    public GeoPackageLayer layer() {
        return layer;
    }

    /** Features added so far. */
    public long count() {
        return count;
    }

    /**
     * Adds a feature.
     *
     * @param feature its geometry in EPSG:4548 (SRID 4548) and of the layer's geometry type, or null; its properties
     *     only of the layer's fields, each value null or of the field's type ({@link GeoPackageField.Type})
     * @throws IllegalArgumentException for a feature that does not fit the layer (nothing is written of it)
     */
    public void add(GeoPackageFeature feature) {
        checkOpen();
        if (size >= 0) {
            throw new IllegalStateException("the GeoPackage is finished; no feature can be added");
        }
        String id = Objects.requireNonNull(feature.id(), "a feature needs an id");
        Geometry geometry = feature.geometry();
        byte[] encoded = null;
        Envelope envelope = null;
        if (geometry != null) {
            if (geometry.getSRID() != Crs.PLANAR_SRID) {
                throw new IllegalArgumentException("feature " + id + ": the geometry must be in EPSG:4548 (SRID "
                        + Crs.PLANAR_SRID + "), its SRID is " + geometry.getSRID());
            }
            if (!layer.geometryType().accepts(geometry)) {
                throw new IllegalArgumentException("feature " + id + ": a " + geometry.getGeometryType()
                        + " in a layer of " + layer.geometryType().typeName());
            }
            encoded = GeoPackageGeometry.encode(geometry, SpatialReferenceSystems.EPSG_4548_SRS_ID);
            if (!geometry.isEmpty()) {
                envelope = geometry.getEnvelopeInternal();
            }
        }
        Object[] values = new Object[layer.fields().size()];
        for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
            Integer index = fieldIndex.get(property.getKey());
            if (index == null) {
                throw new IllegalArgumentException("feature " + id + ": property \"" + property.getKey()
                        + "\" is not a field of layer " + layer.name());
            }
            values[index] = value(id, layer.fields().get(index), property.getValue());
        }
        store.insert(id, encoded, envelope, values);
        if (envelope != null) {
            bounds.expandToInclude(envelope);
        }
        count++;
    }

    /**
     * Completes the file (bounds, spatial index triggers) and closes its database; no feature can be added after.
     * Idempotent.
     *
     * @return the size of the file, bytes
     */
    public long finish() {
        checkOpen();
        if (size < 0) {
            store.finish(bounds);
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of the GeoPackage: " + e.getMessage(), e);
            }
        }
        return size;
    }

    /** Copies the finished file to {@code out} (not closed). */
    public void transferTo(OutputStream out) {
        checkOpen();
        if (size < 0) {
            throw new IllegalStateException("finish() the GeoPackage before transferring it");
        }
        try {
            Files.copy(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send the GeoPackage: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #finish()}, then {@link #transferTo}.
     *
     * @return the bytes written
     */
    public long writeTo(OutputStream out) {
        long bytes = finish();
        transferTo(out);
        return bytes;
    }

    /** Deletes the temporary file (closing its database first if it is still open). Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                store.close();
            } finally {
                deleteFile();
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the GeoPackage writer is closed");
        }
    }

    private void deleteFile() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    /** The value as the store binds it for the field: String, Double, Long, byte[] or null. */
    private static Object value(String id, GeoPackageField field, Object value) {
        if (value == null) {
            return null;
        }
        Object converted = switch (field.type()) {
            case TEXT -> value instanceof byte[] ? null : value.toString();
            case REAL -> value instanceof Number number && Double.isFinite(number.doubleValue())
                    ? number.doubleValue() : null;
            case INTEGER -> integer(value);
            case BLOB -> value instanceof byte[] ? value : null;
        };
        if (converted == null) {
            throw new IllegalArgumentException("feature " + id + ": field \"" + field.name() + "\" is "
                    + field.type() + ", the value is a " + value.getClass().getSimpleName() + " (" + clip(value) + ")");
        }
        return converted;
    }

    private static Long integer(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1L : 0L;
        }
        return null;
    }

    private static String clip(Object value) {
        String text = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** For tests: the temporary file. */
    Path file() {
        return file;
    }
}
