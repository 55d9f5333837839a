package org.qiluvalley.planner.geo;

/** A client or a data file sent a geometry that is not acceptable GeoJSON; the message says why. */
public class InvalidGeometryException extends IllegalArgumentException {

    public InvalidGeometryException(String message) {
        super(message);
    }
}
