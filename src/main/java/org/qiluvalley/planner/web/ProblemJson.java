package org.qiluvalley.planner.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * An RFC 9457 problem document written straight to a servlet response, for the places that answer before Spring MVC
 * and its error mapper ({@link ProblemDetailsAdvice}) are reached: the security handlers, the request-body gate and
 * Tomcat's own error pages. The members and their order are those of Spring's {@code ProblemDetail} as the mapper
 * writes it ({@code detail}, {@code instance}, {@code status}, {@code title}; {@code type} left out, which RFC 9457
 * reads as {@code about:blank}), so a client sees one shape, byte for byte, whoever answered.
 */
public final class ProblemJson {

    /** Exactly the media type the error mapper sends (JSON is UTF-8 by definition: no charset parameter). */
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    /** The document as UTF-8 bytes; {@code instance} (the request path) is left out when null. */
    public static byte[] bytes(int status, String title, String detail, String instance) {
        StringBuilder json = new StringBuilder(160).append("{\"detail\":");
        quote(json, detail);
        if (instance != null) {
            quote(json.append(",\"instance\":"), instance);
        }
        json.append(",\"status\":").append(status).append(",\"title\":");
        return quote(json, title).append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sets the status, the media type and {@code X-Content-Type-Options: nosniff}, and writes the document as the
     * whole body. The caller has checked that the response is not committed. No {@code Content-Length} is set here:
     * with one, Tomcat ends the request as soon as the last byte is written, and the request-body gate could no
     * longer drain what the client is still sending (Tomcat adds the length itself when the answer is complete).
     */
    public static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        byte[] body = bytes(status, title, detail, instance);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(body);
    }

    /** Appends {@code text} as a JSON string: quotes, backslashes and control characters escaped. */
    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
