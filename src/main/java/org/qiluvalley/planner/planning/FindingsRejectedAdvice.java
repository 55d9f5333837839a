package org.qiluvalley.planner.planning;

import java.io.ByteArrayOutputStream;

import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.rules.FindingsGeoJson;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A write the rule book refuses: 422 problem+json carrying the findings report ({@code valid: false} and the
 * findings with their geometry, CRS84), so the client can show exactly what is wrong and where.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FindingsRejectedAdvice {

    private static final JsonFactory JSON = new JsonFactory();

    @ExceptionHandler(FindingsRejected.class)
    ResponseEntity<byte[]> rejected(FindingsRejected e, HttpServletRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        long errors = e.findings().stream().filter(org.qiluvalley.planner.rules.Finding::isError).count();
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeStringProperty("type", "about:blank");
            out.writeStringProperty("title", "Refused by the rule book");
            out.writeNumberProperty("status", 422);
            out.writeStringProperty("detail", errors + " rule" + (errors == 1 ? "" : "s")
                    + " of the rule book refuse this change; nothing was stored. See findings.");
            out.writeStringProperty("instance", request.getRequestURI());
            out.writeBooleanProperty("valid", false);
            out.writeName("findings");
            FindingsGeoJson.write(out, e.findings(), ResponseCrs.CRS84, null);
            out.writeEndObject();
        }
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(bytes.toByteArray());
    }
}
