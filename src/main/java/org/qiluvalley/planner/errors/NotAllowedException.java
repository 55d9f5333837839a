package org.qiluvalley.planner.errors;

/** The caller is signed in, but their role may not do this. */
public class NotAllowedException extends RefusedException {

    public NotAllowedException(String detail) {
        super("Forbidden", detail);
    }
}
