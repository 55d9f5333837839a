package org.qiluvalley.planner.geopackage;

/**
 * A GeoPackage cannot be read (not an SQLite file, not a GeoPackage, no such layer, an SRS that is not supported, a
 * broken geometry) or written (the temporary file cannot be created or written). The message says which and is
 * written for the person who gave the file.
 */
public class GeoPackageException extends RuntimeException {

    public GeoPackageException(String message) {
        super(message);
    }

    public GeoPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
