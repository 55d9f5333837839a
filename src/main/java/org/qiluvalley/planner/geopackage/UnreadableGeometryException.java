package org.qiluvalley.planner.geopackage;

/**
 * One feature's geometry cannot be read (broken bytes, an extension's encoding, longer than the reader's limit); the
 * rest of the feature was read and the reader has moved past it, so reading can go on with the next feature.
 */
public final class UnreadableGeometryException extends GeoPackageException {

    private final transient GeoPackageFeature feature;
    private final String reason;

    UnreadableGeometryException(String message, String reason, GeoPackageFeature feature, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.feature = feature;
    }

    /** The feature without its geometry (null there). */
    public GeoPackageFeature feature() {
        return feature;
    }

    /** What is wrong with the geometry, without the file and feature the message names. */
    public String reason() {
        return reason;
    }
}
