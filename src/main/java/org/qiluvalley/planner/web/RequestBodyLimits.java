package org.qiluvalley.planner.web;

import java.util.List;

/**
 * The largest request body each endpoint accepts, in one place. A body over its endpoint's limit is refused with 413
 * by {@link RequestBodyGate} before the service has buffered more than the limit, whether its length was declared
 * ({@code Content-Length}) or not ({@code Transfer-Encoding: chunked}).
 *
 * <p>Why these sizes: a parcel's or a drawn site's outline is the largest thing a client sends. The rule book refuses
 * outlines of more than 5,000 vertices ({@code geometry.valid}); at about 40 bytes per CRS84 coordinate pair in
 * JSON that is 200 kB, so 2 MiB leaves room for pretty-printed JSON and the planning conditions without letting a
 * client park megabytes in the heap. An inquiry is a few short texts, and so are the steps after an allocation's
 * approval (contract, milestone, review, revocation); an account, three strings.
 */
public final class RequestBodyLimits {

    /** A feature or site with its outline (parcel writes, the site checks, a proposal), bytes. */
    public static final int OUTLINE_BYTES = 2 * 1024 * 1024;
    /** An investor's inquiry or a planner's closing note, bytes. */
    public static final int INQUIRY_BYTES = 64 * 1024;
    /** An account (username, password, role) or a sign-in form, bytes. */
    public static final int ACCOUNT_BYTES = 4 * 1024;
    /** Every other request: none of the service's other endpoints reads a body, bytes. */
    public static final int OTHER_BYTES = 4 * 1024;

    /** One endpoint: its method, its path with {@code *} for one path segment, and its limit. */
    public record Limit(String method, String path, int maxBytes) {

        boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && pathMatches(path, requestPath);
        }
    }

    private static final List<Limit> LIMITS = List.of(
            new Limit("POST", "/ogc/collections/*/items", OUTLINE_BYTES),
            new Limit("PUT", "/ogc/collections/*/items/*", OUTLINE_BYTES),
            new Limit("PATCH", "/ogc/collections/*/items/*", OUTLINE_BYTES),
            new Limit("POST", "/api/parcels/validate", OUTLINE_BYTES),
            new Limit("POST", "/api/parcels/*/split", OUTLINE_BYTES),
            new Limit("POST", "/api/parcels/merge", INQUIRY_BYTES),
            new Limit("POST", "/api/allocations/validate", OUTLINE_BYTES),
            new Limit("POST", "/api/allocations", OUTLINE_BYTES),
            new Limit("POST", "/api/allocations/*/contract", INQUIRY_BYTES),
            new Limit("POST", "/api/allocations/*/milestones", INQUIRY_BYTES),
            new Limit("POST", "/api/allocations/*/review", INQUIRY_BYTES),
            new Limit("POST", "/api/allocations/*/revoke", INQUIRY_BYTES),
            new Limit("POST", "/api/inquiries", INQUIRY_BYTES),
            new Limit("POST", "/api/inquiries/*/close", INQUIRY_BYTES),
            new Limit("POST", "/api/users", ACCOUNT_BYTES),
            new Limit("PATCH", "/api/users/*", ACCOUNT_BYTES),
            new Limit("POST", "/login", ACCOUNT_BYTES));

    private RequestBodyLimits() {
    }

    /** Every endpoint with a limit of its own (the rest get {@link #OTHER_BYTES}). */
    public static List<Limit> all() {
        return LIMITS;
    }

    /** The limit of a request, bytes: its endpoint's, else {@link #OTHER_BYTES}. */
    public static int maxBytes(String method, String path) {
        for (Limit limit : LIMITS) {
            if (limit.matches(method, path)) {
                return limit.maxBytes();
            }
        }
        return OTHER_BYTES;
    }

    /** {@code pattern} and {@code path} have the same number of segments and agree on every one but a {@code *}. */
    static boolean pathMatches(String pattern, String path) {
        int p = 0;
        int q = 0;
        while (p < pattern.length() && q < path.length()) {
            if (pattern.charAt(p) == '*') {
                int end = path.indexOf('/', q);
                end = end < 0 ? path.length() : end;
                if (end == q) {
                    return false; // an empty segment is not a segment
                }
                q = end;
                p++;
            } else if (pattern.charAt(p) == path.charAt(q)) {
                p++;
                q++;
            } else {
                return false;
            }
        }
        return p == pattern.length() && q == path.length();
    }
}
