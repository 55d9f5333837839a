package org.qiluvalley.planner.web;

/**
 * A request body the service stopped reading: over its endpoint's limit (413), too slow in arriving (408), or one
 * upload too many (503). Thrown
 * by the bounded body stream of {@link RequestBodyGate} from inside a read, so whoever was reading (Spring's message
 * converters, Jackson, a controller) stops at once; unchecked so that no reader wraps it as an I/O error, and
 * rendered as problem details by {@link ProblemDetailsAdvice}.
 */
public class RequestBodyRefusedException extends RuntimeException {

    /** Why the body was refused, with the HTTP status and title it is answered with. */
    public enum Reason {
        TOO_LARGE(413, "Request body too large"),
        TOO_SLOW(408, "Request body too slow"),
        /** Every upload slot is taken (answered with {@code Retry-After}). */
        BUSY(503, "Too many uploads");

        final int status;
        final String title;

        Reason(int status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Reason reason;

    RequestBodyRefusedException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return reason.status;
    }

    public String title() {
        return reason.title;
    }

    /** The refusal among {@code failure} and its causes, or null when there is none. */
    public static RequestBodyRefusedException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyRefusedException refused) {
                return refused;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
