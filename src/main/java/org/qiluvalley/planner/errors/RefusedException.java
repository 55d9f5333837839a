package org.qiluvalley.planner.errors;

/**
 * A request the service refuses, with the title and detail the client is told. Each subclass is one kind of
 * refusal; the error mapper in {@code web} gives each kind its HTTP status. Thrown, never logged as a failure: it is
 * the client's request, not the service, that is at fault.
 */
public abstract class RefusedException extends RuntimeException {

    private final String title;

    protected RefusedException(String title, String detail) {
        super(detail, null, false, false);
        this.title = title;
    }

    /** A short, fixed summary of the kind of refusal ("Not found", "Conflict"...). */
    public String title() {
        return title;
    }

    /** Client input echoed in a detail, at most 80 characters, so that a hostile value cannot bloat the answer. */
    public static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
