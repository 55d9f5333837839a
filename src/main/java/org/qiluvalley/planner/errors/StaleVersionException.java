package org.qiluvalley.planner.errors;

/** The version the client based its change on is no longer the current one (its ETag is stale): nothing was changed. */
public class StaleVersionException extends RefusedException {

    public StaleVersionException(String detail) {
        super("Precondition failed", detail);
    }
}
