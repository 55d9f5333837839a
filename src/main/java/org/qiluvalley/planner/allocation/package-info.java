/**
 * Allocations: the dry-run validation of an allocation against the rule book ({@code POST
 * /api/allocations/validate}); the lifecycle (propose, approve, reject, release) arrives with F4.
 */
package org.qiluvalley.planner.allocation;
