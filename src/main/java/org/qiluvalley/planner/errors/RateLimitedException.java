package org.qiluvalley.planner.errors;

/** The client has sent too much; it may try again after {@link #retryAfterSeconds()} (at least 1). */
public class RateLimitedException extends RefusedException {

    private final long retryAfterSeconds;

    public RateLimitedException(String detail, long retryAfterSeconds) {
        this("Too many requests", detail, retryAfterSeconds);
    }

    protected RateLimitedException(String title, String detail, long retryAfterSeconds) {
        super(title, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
