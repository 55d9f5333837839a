/**
 * The park's seed data: the deterministic generator of {@code gis-data/*.geojson} and the loader that puts it into an empty store once.
 */
package org.qiluvalley.planner.seed;
