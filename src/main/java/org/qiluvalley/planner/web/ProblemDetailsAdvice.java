package org.qiluvalley.planner.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;

import org.qiluvalley.planner.errors.ConflictException;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotAllowedException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.NotSignedInException;
import org.qiluvalley.planner.errors.BusyException;
import org.qiluvalley.planner.errors.RateLimitedException;
import org.qiluvalley.planner.errors.ReadOnlyException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.errors.StaleVersionException;
import org.qiluvalley.planner.errors.VersionRequiredException;
import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.planning.FindingsRejected;
import org.qiluvalley.planner.planning.ParcelReshaping;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.FindingsGeoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The one error mapper: every failure becomes an RFC 9457 {@code application/problem+json} body. The domain's
 * refusals ({@code errors}) get their status here and only here; a write refused by the rule book gets its findings;
 * Spring's own client errors keep their status; anything unexpected is a 500 whose body says nothing about the code
 * (the log has the details).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final JsonFactory JSON = new JsonFactory();

    /** A request the service refuses, in the domain's words: each kind gets its status here, and only here. */
    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(status(e), e.title(), e.getMessage(), request);
        if (!(e instanceof RateLimitedException limited)) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds())).body(response.getBody());
    }

    /** The HTTP status of each kind of refusal. */
    static HttpStatus status(RefusedException e) {
        if (e instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        } else if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        } else if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        } else if (e instanceof StaleVersionException) {
            return HttpStatus.PRECONDITION_FAILED;
        } else if (e instanceof VersionRequiredException) {
            return HttpStatus.PRECONDITION_REQUIRED;
        } else if (e instanceof BusyException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        } else if (e instanceof RateLimitedException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        } else if (e instanceof NotSignedInException) {
            return HttpStatus.UNAUTHORIZED;
        } else if (e instanceof NotAllowedException) {
            return HttpStatus.FORBIDDEN;
        } else if (e instanceof ReadOnlyException) {
            return HttpStatus.METHOD_NOT_ALLOWED;
        }
        throw new IllegalStateException("no status for " + e.getClass().getName());
    }

    /**
     * A write the rule book refuses: 422 problem+json carrying the findings report ({@code valid: false} and the
     * findings with their geometry, CRS84), so the client can show exactly what is wrong and where. Written with
     * the generator as it has always been (members in this order), since clients read the findings from it.
     */
    @ExceptionHandler(FindingsRejected.class)
    ResponseEntity<byte[]> rejectedByTheRuleBook(FindingsRejected e, HttpServletRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        long errors = e.findings().stream().filter(Finding::isError).count();
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
            if (e instanceof ParcelReshaping.PartsRejected split) {
                // A split or a merge: which new parcel each finding is about.
                out.writeArrayPropertyStart("parts");
                for (ParcelReshaping.NewParcel part : split.parts()) {
                    out.writeStartObject();
                    out.writeStringProperty("id", part.parcel().id());
                    out.writeNumberProperty("areaM2", Math.round(part.parcel().areaSquareMetres() * 100) / 100.0);
                    out.writeBooleanProperty("valid", org.qiluvalley.planner.rules.AllocationValidator
                            .isValid(part.findings()));
                    out.writeName("findings");
                    FindingsGeoJson.write(out, part.findings(), ResponseCrs.CRS84, null);
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(bytes.toByteArray());
    }

    /** A request body that is not JSON, or not the JSON expected (or one that stopped arriving in time). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        RequestBodyRefusedException refused = RequestBodyRefusedException.in(e);
        if (refused != null) {
            return bodyRefused(refused, request);
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request body is not valid JSON of the expected shape.",
                request);
    }

    /**
     * A body over its endpoint's limit (413), too slow in arriving (408) or one upload too many (503 with
     * {@code Retry-After}), stopped by the request-body gate in the middle of a read. The gate closes the connection
     * after this answer.
     */
    @ExceptionHandler(RequestBodyRefusedException.class)
    ResponseEntity<ProblemDetail> bodyRefused(RequestBodyRefusedException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatusCode.valueOf(e.status()), e.title(), e.getMessage(),
                request);
        if (e.reason() != RequestBodyRefusedException.Reason.BUSY) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody());
    }

    /** A path or query value of the wrong type. */
    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(TypeMismatchException e, HttpServletRequest request) {
        String name = e.getPropertyName() == null ? "a parameter" : e.getPropertyName();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", name + " has a value of the wrong type", request);
    }

    /**
     * A lock not granted in time (many writers queued on one zone), or a deadlock the database broke: the
     * transaction was rolled back and the client may retry. H2 reports its lock timeout as an
     * {@code SQLTimeoutException}, which Spring translates to {@code QueryTimeoutException} rather than a locking
     * failure; no statement timeout is configured, so that is the only source of one.
     */
    @ExceptionHandler({org.springframework.dao.PessimisticLockingFailureException.class,
            org.springframework.dao.CannotAcquireLockException.class,
            org.springframework.dao.QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException e, HttpServletRequest request) {
        log.warn("Lock not granted serving {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                "Other changes to the same zone are in progress; retry in a moment. Nothing was changed.", request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1").body(response.getBody());
    }

    /**
     * Spring's own errors (404 no route, 405 method, 406 not acceptable, 415 media type...) keep their status and
     * headers such as Allow; anything else unexpected is a 500 whose body says nothing about the code.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        OutOfMemoryIsFatal.haltIfOutOfMemory(e);
        RequestBodyRefusedException refused = RequestBodyRefusedException.in(e);
        if (refused != null) {
            return bodyRefused(refused, request);
        }
        if (e instanceof ErrorResponse error && error.getStatusCode().value() < 500) {
            HttpStatusCode status = error.getStatusCode();
            HttpStatus known = HttpStatus.resolve(status.value());
            ResponseEntity<ProblemDetail> response = problem(status, known == null ? "Error" : known.getReasonPhrase(),
                    error.getBody().getDetail(), request);
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(response.getHeaders());
            headers.addAll(error.getHeaders());
            return new ResponseEntity<>(response.getBody(), headers, status);
        }
        log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The service failed to answer this request; the failure has been logged.", request);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
            HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setTitle(title);
        body.setDetail(detail);
        try {
            body.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // A path that is not a valid URI reference is left out rather than failing the error response.
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
