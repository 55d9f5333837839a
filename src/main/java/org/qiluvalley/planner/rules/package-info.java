/**
 * The zoning rule book ({@code gis-data/zoning-rules.yaml}): permitted land uses, indicator limits, parcel areas, budgets and pledges per zone, each limit with its source. Loaded strictly: a malformed rule book stops the service with the line at fault.
 */
package org.qiluvalley.planner.rules;
