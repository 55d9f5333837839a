/**
 * The plan-wide audit over HTTP: {@code /api/audit} (JSON with every finding and its geometry) and
 * {@code /api/audit.csv} (the zone budget table). The audit itself is {@link org.qiluvalley.planner.rules.ParkAudit}.
 */
package org.qiluvalley.planner.audit;
