package org.qiluvalley.planner.allocation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * In the OpenAPI document of {@code /api}: the answer every step after approval (contract, milestones, review,
 * revoke) gives a body over its 64 KiB bound. Springdoc reads it as if it were on the method, as
 * {@link LifecycleStepResponses}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "413", description = "The body is over 64 KiB.",
        content = @Content(mediaType = AllocationApiSchemas.PROBLEM_JSON,
                schema = @Schema(ref = AllocationApiSchemas.PROBLEM)))
@interface SmallBodyResponses {
}
