package org.qiluvalley.planner.errors;

/**
 * The service has no room for this request now, whoever sends it (all the slots of a costly kind of request are
 * taken); the client may try again after {@link #retryAfterSeconds()}.
 */
public class BusyException extends RateLimitedException {

    public BusyException(String detail, long retryAfterSeconds) {
        super("Busy", detail, retryAfterSeconds);
    }
}
