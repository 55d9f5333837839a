/**
 * The audit history: every change to a parcel, an allocation or an inquiry is an event (who, when, what, the
 * feature before and after as JSON, GeoJSON for parcels), written in the same transaction as the change, and
 * served to planners by {@code GET /api/history?feature=ID}. Nothing is ever physically deleted.
 */
package org.qiluvalley.planner.history;
