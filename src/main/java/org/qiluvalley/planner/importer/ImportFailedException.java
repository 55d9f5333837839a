package org.qiluvalley.planner.importer;

/**
 * The import stopped before the end of the file. Parcels of batches written before the failure stay in the store;
 * since the import skips ids already stored, running it again (after fixing the cause) completes it.
 */
public class ImportFailedException extends RuntimeException {

    /** Why it stopped. */
    public enum Kind {
        /**
         * The file cannot be read, is not JSON or not a GeoJSON FeatureCollection, or not a readable GeoPackage
         * layer: the user must fix the file.
         */
        BAD_FILE,
        /** The store failed (database unreachable, a write refused for a reason that is not the data). */
        STORE
    }

    private final Kind kind;
    private final transient ImportReport soFar;

    ImportFailedException(Kind kind, String message, ImportReport soFar, Throwable reason) {
        super(message, reason);
        this.kind = kind;
        this.soFar = soFar;
    }

    public Kind kind() {
        return kind;
    }

    /** What had been done when it stopped. */
    public ImportReport soFar() {
        return soFar;
    }
}
