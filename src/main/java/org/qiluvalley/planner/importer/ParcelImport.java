package org.qiluvalley.planner.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.qiluvalley.planner.importer.FeatureCollectionReader.FileFormatException;
import org.qiluvalley.planner.importer.ImportFailedException.Kind;
import org.qiluvalley.planner.geopackage.GeoPackageException;
import org.qiluvalley.planner.geopackage.GeoPackageFeature;
import org.qiluvalley.planner.geopackage.GeoPackageReader;
import org.qiluvalley.planner.geopackage.GeoPackageWriter;
import org.qiluvalley.planner.geopackage.UnreadableGeometryException;
import org.qiluvalley.planner.importer.ParcelFeatureValidator.Rejected;
import org.qiluvalley.planner.importer.ParcelFeatureValidator.StoredGeometry;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelRefusedByStoreException;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.rules.ZoningRuleBook;

import tools.jackson.databind.JsonNode;

/**
 * Imports parcels from a GeoJSON FeatureCollection (CRS84) or a GeoPackage layer (EPSG:4548, EPSG:4326 or CRS84)
 * into a {@link ParcelStore}: streams the file, validates each feature, and inserts the valid ones in batches through
 * {@link ParcelStore#insertParcelsIfAbsent}, one transaction per batch. A feature that fails validation becomes a
 * line of the rejects file and never stops the import; a file that is not a FeatureCollection (or not a readable
 * GeoPackage layer), or a store failure, does ({@link ImportFailedException}).
 *
 * <p>Idempotent: an id already stored is skipped and left as it is, so re-running the same file inserts nothing,
 * and re-running after a failure completes the import. Within one file an id may appear once; a later feature
 * with an id seen before is a reject.
 */
public final class ParcelImport {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** Larger batches bring nothing (one transaction each) and hold more parcels in memory. */
    public static final int MAX_BATCH_SIZE = 100_000;
    /** Bytes one feature may span in the file: a parcel outline is a few kB; this bounds the memory per feature. */
    public static final long DEFAULT_MAX_FEATURE_BYTES = 64L * 1024 * 1024;

    /**
     * @param batchSize parcels per transaction
     * @param maxFeatureBytes bytes one feature may span; in GeoJSON a larger one stops the import (it cannot be
     *     skipped without reading it); in a GeoPackage a larger geometry is not read and its feature is a reject
     */
    public record Settings(int batchSize, long maxFeatureBytes) {
        public Settings {
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("the batch size must be 1 to " + MAX_BATCH_SIZE + ", got "
                        + batchSize);
            }
            if (maxFeatureBytes < 1) {
                throw new IllegalArgumentException("maxFeatureBytes must be positive");
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_BATCH_SIZE, DEFAULT_MAX_FEATURE_BYTES);
        }

        public Settings withBatchSize(int size) {
            return new Settings(size, maxFeatureBytes);
        }
    }

    private final ParcelStore store;
    private final ZoningRuleBook rules;
    private final Clock clock;

    public ParcelImport(ParcelStore store, ZoningRuleBook rules, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Imports {@code file}, writing rejects to {@code rejectsFile} (replaced). A file whose name ends in {@code .gpkg}
     * is read as a GeoPackage ({@link #runGeoPackage} of its only feature layer), any other as GeoJSON.
     *
     * @throws ImportFailedException when the file is unreadable or not a FeatureCollection, or the store fails;
     *     batches committed before stay committed
     */
    public ImportReport run(Path file, Path rejectsFile, Settings settings, ProgressDisplay progress) {
        if (isGeoPackage(file)) {
            return runGeoPackage(file, null, rejectsFile, settings, progress);
        }
        Run run = new Run(settings, progress, rejectsFile);
        try {
            ImportReport report = run.importFile(file);
            progress.finish(report.read(), report.bytesRead(), "done");
            return report;
        } catch (ImportFailedException e) {
            progress.finish(e.soFar().read(), e.soFar().bytesRead(), "stopped");
            throw e;
        }
    }

    /**
     * Imports one feature layer of a GeoPackage (in EPSG:4548, EPSG:4326 or CRS84), writing rejects to
     * {@code rejectsFile} (replaced). Each feature is checked exactly as a GeoJSON feature is: its id is the text of
     * the layer's {@code id} column, its properties are the other columns, by name. A reject's {@code index} is the
     * feature's 0-based position in the layer, in primary key order.
     *
     * @param layer the layer's name; null for the file's only feature layer
     * @throws ImportFailedException when the file is not a GeoPackage, has no such layer, or the layer's SRS is not
     *     read, or has no {@code id} column, or the store fails; batches committed before stay committed
     */
    public ImportReport runGeoPackage(Path file, String layer, Path rejectsFile, Settings settings,
            ProgressDisplay progress) {
        Run run = new Run(settings, progress, rejectsFile);
        try {
            ImportReport report = run.importGeoPackage(file, layer);
            progress.finish(report.read(), report.bytesRead(), "done");
            return report;
        } catch (ImportFailedException e) {
            progress.finish(e.soFar().read(), e.soFar().bytesRead(), "stopped");
            throw e;
        }
    }

    /** Whether the file is read as a GeoPackage: its name ends in {@code .gpkg}, in any case. */
    public static boolean isGeoPackage(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(GeoPackageWriter.FILE_EXTENSION);
    }

    /** The state of one run. */
    private final class Run {
        private final Settings settings;
        private final ProgressDisplay progress;
        private final Path rejectsPath;
        private final long start = System.nanoTime();
        /**
         * Every well-formed id met so far in the file: a second feature with one of them is a reject. The one thing
         * that grows with the file: about 100 bytes per id, 100 MB for a million features.
         */
        private final Set<String> idsSeen = new HashSet<>();
        private final List<Pending> batch = new ArrayList<>();
        private CountingInputStream in;
        /** For a GeoPackage: the share of the file read, estimated from the features read out of the layer's count. */
        private long geoPackageBytes;
        private RejectsFile rejects;
        private long read;
        private long inserted;
        private long alreadyPresent;
        private long rejected;

        Run(Settings settings, ProgressDisplay progress, Path rejectsPath) {
            this.settings = settings;
            this.progress = progress;
            this.rejectsPath = rejectsPath;
        }

        ImportReport importFile(Path file) {
            Set<String> zoneIds = store.find(Layer.ZONES, FeatureQuery.all()).items().stream().map(Zone::id)
                    .collect(Collectors.toSet());
            ParcelFeatureValidator validator = new ParcelFeatureValidator(rules, zoneIds, clock.instant());
            InputStream raw;
            try {
                raw = Files.newInputStream(file);
            } catch (IOException e) {
                throw failed(Kind.BAD_FILE, "cannot read " + file + ": " + e.getMessage(), e);
            }
            try (CountingInputStream counting = new CountingInputStream(raw, settings.maxFeatureBytes());
                    RejectsFile rejectsFile = new RejectsFile(rejectsPath)) {
                in = counting;
                rejects = rejectsFile;
                try (FeatureCollectionReader reader = new FeatureCollectionReader(counting)) {
                    readAll(reader, validator);
                    reader.finish();
                } catch (FileFormatException e) {
                    // Everything validated before the broken spot is good data: keep it, then stop.
                    flush();
                    throw failed(Kind.BAD_FILE, file.getFileName() + ": " + e.getMessage(), e);
                }
                flush();
                return report();
            } catch (IOException | UncheckedIOException e) {
                throw failed(Kind.BAD_FILE, e.getMessage(), e);
            }
        }

        ImportReport importGeoPackage(Path file, String layer) {
            Set<String> zoneIds = store.find(Layer.ZONES, FeatureQuery.all()).items().stream().map(Zone::id)
                    .collect(Collectors.toSet());
            ParcelFeatureValidator validator = new ParcelFeatureValidator(rules, zoneIds, clock.instant());
            try (GeoPackageReader reader = GeoPackageReader.open(file, layer, settings.maxFeatureBytes())) {
                if (!reader.hasIdColumn()) {
                    throw failed(Kind.BAD_FILE, file.getFileName() + ": " + missingIdColumn(reader.layerName()), null);
                }
                long total = reader.count();
                long size = Files.size(file);
                try (RejectsFile rejectsFile = new RejectsFile(rejectsPath)) {
                    rejects = rejectsFile;
                    try {
                        readAll(reader, validator, total, size);
                    } catch (GeoPackageException e) {
                        // Everything validated before the broken spot is good data: keep it, then stop.
                        flush();
                        throw failed(Kind.BAD_FILE, e.getMessage(), e);
                    }
                    flush();
                    geoPackageBytes = size;
                    return report();
                }
            } catch (GeoPackageException e) {
                throw failed(Kind.BAD_FILE, e.getMessage(), e);
            } catch (IOException | UncheckedIOException e) {
                throw failed(Kind.BAD_FILE, e.getMessage(), e);
            }
        }

        private void readAll(GeoPackageReader reader, ParcelFeatureValidator validator, long total, long size) {
            for (long index = reader.position(); ; index++) {
                GeoPackageFeature feature;
                String unreadable = null;
                try {
                    feature = reader.nextAsStored();
                } catch (UnreadableGeometryException e) {
                    feature = e.feature();
                    unreadable = e.reason();
                }
                if (feature == null) {
                    return;
                }
                read++;
                JsonNode asGeoJson = GeoPackageFeatures.asGeoJsonFeature(feature);
                String id = null;
                try {
                    id = validator.id(asGeoJson);
                    if (!idsSeen.add(id)) {
                        throw new Rejected("duplicate id: an earlier feature of this file has the same id");
                    }
                    batch.add(new Pending(index, validator.parcel(id, asGeoJson,
                            new StoredGeometry(feature.geometry(), reader.crs(), unreadable))));
                } catch (Rejected e) {
                    reject(index, id != null ? id : stringId(asGeoJson), e.getMessage());
                }
                if (batch.size() >= settings.batchSize()) {
                    flush();
                }
                geoPackageBytes = total <= 0 ? size : Math.min(size, Math.round(size * (double) read / total));
                progress.update(read, geoPackageBytes);
            }
        }

        private void readAll(FeatureCollectionReader reader, ParcelFeatureValidator validator) {
            for (long index = reader.nextIndex(); ; index++) {
                JsonNode feature = reader.next();
                if (feature == null) {
                    return;
                }
                read++;
                String id = null;
                try {
                    id = validator.id(feature);
                    if (!idsSeen.add(id)) {
                        throw new Rejected("duplicate id: an earlier feature of this file has the same id");
                    }
                    batch.add(new Pending(index, validator.parcel(id, feature)));
                } catch (Rejected e) {
                    reject(index, id != null ? id : stringId(feature), e.getMessage());
                }
                if (batch.size() >= settings.batchSize()) {
                    flush();
                }
                progress.update(read, in.count());
            }
        }

        private void reject(long index, String id, String reason) {
            rejects.write(index, id, reason);
            rejected++;
        }

        /** Inserts the pending batch in one transaction. */
        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                count(batch.size(), store.insertParcelsIfAbsent(batch.stream().map(Pending::parcel).toList()));
            } catch (ParcelRefusedByStoreException e) {
                // The database refused a row that validation passed (say its validity check disagrees with JTS on
                // an edge case). The batch was rolled back whole: insert it row by row to reject only the culprit.
                for (Pending pending : batch) {
                    insertAlone(pending);
                }
            } catch (RuntimeException e) {
                throw failed(Kind.STORE, "the store failed: " + e.getMessage(), e);
            }
            batch.clear();
            rejects.flush();
        }

        private void insertAlone(Pending pending) {
            try {
                count(1, store.insertParcelsIfAbsent(List.of(pending.parcel())));
            } catch (ParcelRefusedByStoreException e) {
                reject(pending.index(), pending.parcel().id(), "the database refused it: " + e.getMessage());
            } catch (RuntimeException e) {
                throw failed(Kind.STORE, "the store failed: " + e.getMessage(), e);
            }
        }

        private void count(int size, int insertedNow) {
            inserted += insertedNow;
            alreadyPresent += size - insertedNow;
        }

        private ImportReport report() {
            return new ImportReport(read, inserted, alreadyPresent, rejected, in == null ? geoPackageBytes : in.count(),
                    Duration.ofNanos(System.nanoTime() - start), rejectsPath);
        }

        private ImportFailedException failed(Kind kind, String message, Throwable cause) {
            return new ImportFailedException(kind, message, report(), cause);
        }
    }

    /** Why a GeoPackage layer cannot be imported at all without an id column. */
    static String missingIdColumn(String layer) {
        return "layer " + layer + " has no \"id\" column: each parcel needs its id there (1 to "
                + ParcelFeatureValidator.MAX_ID_LENGTH + " characters A-Z a-z 0-9 . _ -)";
    }

    /** A valid parcel waiting for its batch, with its index in the file for a reject line. */
    private record Pending(long index, Parcel parcel) {
    }

    /** The id as written, for a reject line, when it is a string at all. */
    private static String stringId(JsonNode feature) {
        JsonNode id = feature.isObject() ? feature.get("id") : null;
        return id != null && id.isString() ? id.stringValue() : null;
    }
}
