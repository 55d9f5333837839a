package org.qiluvalley.planner.allocation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.MediaType;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * In the OpenAPI document of {@code /api}: the answers every step of an allocation's lifecycle shares (approve,
 * reject, release, and the steps after approval): the allocation after the step, an unknown id, a step the state
 * machine does not allow, and the zone lock not granted in time. Springdoc reads these as if they were on the
 * method.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "The allocation after the step.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                schema = @Schema(implementation = AllocationApiSchemas.Allocation.class)))
@ApiResponse(responseCode = "404", description = "No allocation has this id.",
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON, schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
@ApiResponse(responseCode = "409", description = "The state machine does not allow this step from the allocation's "
        + "state (or it changed meanwhile).",
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON, schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
@ApiResponse(responseCode = "503", description = "The zone's lock was not granted in time; nothing changed, send the "
        + "same request again.",
        headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = "integer")),
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON, schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
@interface LifecycleStepResponses {
}
