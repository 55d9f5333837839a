package org.qiluvalley.planner.web;

import org.springframework.http.HttpStatus;

/**
 * A client's request cannot be served; becomes an RFC 9457 problem detail with this status, title and detail.
 * Thrown by handlers, rendered only by {@link ProblemDetailsAdvice}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public ApiException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
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
}
