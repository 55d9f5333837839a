package org.qiluvalley.planner.errors;

/**
 * The request conflicts with the state of the plan: a parcel that is not available, a transition the lifecycle does
 * not allow, an id that exists already, something closed already.
 */
public class ConflictException extends RefusedException {

    public ConflictException(String detail) {
        this("Conflict", detail);
    }

    /** With a title of its own (e.g. "Not available"), where the kind of conflict is worth naming. */
    public ConflictException(String title, String detail) {
        super(title, detail);
    }
}
