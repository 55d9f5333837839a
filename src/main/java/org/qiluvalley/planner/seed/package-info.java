/**
 * The park's seed data: the loader that puts {@code gis-data/} into an empty store once, in one transaction whose
 * first row marks the dataset. The deterministic generators that wrote {@code gis-data/*.geojson} (and the synthetic
 * city for benchmarks) are tools, not part of the service: they live on the test class path and run from
 * {@code scripts/generate-gis-data.sh} and {@code scripts/make-synthetic-parcels.sh}.
 */
package org.qiluvalley.planner.seed;
