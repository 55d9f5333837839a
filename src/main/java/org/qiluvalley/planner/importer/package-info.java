/**
 * Bulk import of real datasets: the {@code import} command streams a GeoJSON FeatureCollection or a GeoPackage layer
 * into the configured store (embedded H2GIS or PostGIS) in batches, validates every feature, writes rejects with
 * their reasons to an NDJSON file, shows progress on the terminal and is idempotent on re-run (ids already stored are
 * skipped).
 */
package org.qiluvalley.planner.importer;
