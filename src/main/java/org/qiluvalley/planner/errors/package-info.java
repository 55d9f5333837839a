/**
 * The ways the service refuses a request, in the domain's words and free of HTTP: invalid input, something not
 * found, a conflict with the plan's state, a stale or missing version, a rate limit, a role that may not, a
 * collection that is read-only. Services, parsers and controllers throw them; the one error mapper in {@code web}
 * ({@code ProblemDetailsAdvice}) turns each kind into its status and problem document.
 */
package org.qiluvalley.planner.errors;
