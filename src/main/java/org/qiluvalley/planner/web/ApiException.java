package org.qiluvalley.planner.web;

import org.springframework.http.HttpStatus;

/**
 * A client's request cannot be served; becomes an RFC 9457 problem detail with this status, title and detail.
 * Thrown by handlers, rendered only by {@link ProblemDetailsAdvice}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    /** Seconds for a {@code Retry-After} header, or null for none. */
    private final Long retryAfterSeconds;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    private ApiException(HttpStatus status, String title, String detail, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: the client has sent too much; it may try again after {@code retryAfterSeconds} (at least 1). */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail,
                Math.max(1, retryAfterSeconds));
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    /** Client input echoed in an error message, at most 80 characters, so a hostile value cannot bloat the answer. */
    public static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Seconds for a {@code Retry-After} header, or null when the answer has none. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
