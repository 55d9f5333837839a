package org.qiluvalley.planner.errors;

/** The caller must be signed in for this. */
public class NotSignedInException extends RefusedException {

    public NotSignedInException(String detail) {
        super("Unauthorized", detail);
    }
}
