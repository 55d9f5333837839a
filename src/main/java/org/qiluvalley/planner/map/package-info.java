/**
 * The web map's own endpoints, beside {@code features/} (the OGC API) because they are the service's own JSON API,
 * not OGC resources: {@code GET /api/map-config} (the optional basemap and the zoom threshold), {@code GET
 * /api/land-use-codes} (the rule book's codes with their names), and the density view of the public map at city
 * scale, {@code GET /api/parcels/density}: public counts of parcels (available, with their area, and unavailable)
 * per square cell of a fixed EPSG:4548 grid, for map zooms at which single parcels would be too many to draw.
 * {@link org.qiluvalley.planner.map.ParcelDensity} computes the grid of the whole register once per register
 * revision and keeps it in memory, checking the revision (one primary-key read) on every request, so a write on any
 * instance shows at once; {@link org.qiluvalley.planner.map.DensityController} serves it.
 */
package org.qiluvalley.planner.map;
