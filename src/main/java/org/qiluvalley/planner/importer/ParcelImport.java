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
import java.util.Set;
import java.util.stream.Collectors;

import org.qiluvalley.planner.importer.FeatureCollectionReader.FileFormatException;
import org.qiluvalley.planner.importer.ImportFailedException.Kind;
import org.qiluvalley.planner.importer.ParcelFeatureValidator.Rejected;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelRefusedByStoreException;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.rules.ZoningRuleBook;

import tools.jackson.databind.JsonNode;

/**
 * Imports parcels from a GeoJSON FeatureCollection (CRS84) into a {@link ParcelStore}: streams the file, validates
 * each feature, and inserts the valid ones in batches through {@link ParcelStore#insertParcelsIfAbsent}, one
 * transaction per batch. A feature that fails validation becomes a line of the rejects file and never stops the
 * import; a file that is not a FeatureCollection, or a store failure, does ({@link ImportFailedException}).
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
     * @param maxFeatureBytes bytes one feature may span; a larger one stops the import (it cannot be skipped
     *     without reading it)
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
     * Imports {@code file}, writing rejects to {@code rejectsFile} (replaced).
     *
     * @throws ImportFailedException when the file is unreadable or not a FeatureCollection, or the store fails;
     *     batches committed before stay committed
     */
    public ImportReport run(Path file, Path rejectsFile, Settings settings, ProgressDisplay progress) {
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
            return new ImportReport(read, inserted, alreadyPresent, rejected, in == null ? 0 : in.count(),
                    Duration.ofNanos(System.nanoTime() - start), rejectsPath);
        }

        private ImportFailedException failed(Kind kind, String message, Throwable cause) {
            return new ImportFailedException(kind, message, report(), cause);
        }
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
