/**
 * The embedded default store: an H2 file database with H2GIS in {@code valley.data-dir}, its Flyway migrations and its dialect.
 */
package org.qiluvalley.planner.store.h2gis;
