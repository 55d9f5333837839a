package org.qiluvalley.planner.apidocs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * In the OpenAPI document of {@code /api} (springdoc reads these as if they were on the method): an operation that
 * needs a signed-in caller, by HTTP Basic or a browser session, and the two refusals every such operation shares,
 * 401 and the sign-in throttle's 429 (security/SignInThrottle). What else it answers (403 for a role, its own 4xx)
 * stays on the operation.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "session")
@ApiResponse(responseCode = "401", description = "Not signed in, or wrong credentials.",
        content = @Content(mediaType = SignedInOperation.PROBLEM_JSON, schema = @Schema(ref = SignedInOperation.PROBLEM)))
@ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = "integer")),
        content = @Content(mediaType = SignedInOperation.PROBLEM_JSON, schema = @Schema(ref = SignedInOperation.PROBLEM)))
public @interface SignedInOperation {

    /** The media type of every refusal (RFC 9457 problem details). */
    String PROBLEM_JSON = "application/problem+json";
    /** The problem document's schema in the generated document. */
    String PROBLEM = "#/components/schemas/Problem";
}
