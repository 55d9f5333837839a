/**
 * Allocations: the dry-run validation of an allocation against the rule book ({@code POST
 * /api/allocations/validate}, open to the public as the map's site check), and the lifecycle (propose, approve,
 * reject, release) with its store and endpoints. Every transition runs under the zone's lock and records its audit
 * event in the same transaction.
 */
package org.qiluvalley.planner.allocation;
