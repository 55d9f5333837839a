package org.qiluvalley.planner.errors;

/** A change asked of something that cannot be changed this way (a read-only collection). */
public class ReadOnlyException extends RefusedException {

    public ReadOnlyException(String detail) {
        super("Method not allowed", detail);
    }
}
