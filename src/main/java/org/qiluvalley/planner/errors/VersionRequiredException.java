package org.qiluvalley.planner.errors;

/** A change that must name the version it is based on (an If-Match ETag) did not. */
public class VersionRequiredException extends RefusedException {

    public VersionRequiredException(String detail) {
        super("Precondition required", detail);
    }
}
