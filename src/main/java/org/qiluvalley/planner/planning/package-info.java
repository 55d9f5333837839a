/**
 * Changing the plan safely: every parcel write (create, replace, withdraw, a status change by the allocation
 * lifecycle) runs inside one transaction that first locks the zone row(s) concerned, then re-reads, checks the
 * version, validates with the rule book, writes with a compare-and-set on the version, and records the audit event.
 * Two writers on one zone, in this process or another instance on the same database, therefore never both pass
 * the checks on a stale view.
 */
package org.qiluvalley.planner.planning;
