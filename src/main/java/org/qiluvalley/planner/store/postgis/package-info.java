/**
 * The production store: PostgreSQL + PostGIS chosen by {@code VALLEY_DB_URL}, its Flyway migrations (GiST indexes,
 * validity checks) and its dialect (WKB in and out, {@code box2d} extents through PostGIS JDBC).
 */
package org.qiluvalley.planner.store.postgis;
