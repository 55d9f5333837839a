/**
 * The density view of the public map at city scale: public counts of parcels (available, with their area, and
 * unavailable) per square cell of a fixed EPSG:4548 grid, for map zooms at which single parcels would be too many to
 * draw. {@link org.qiluvalley.planner.density.ParcelDensity} computes the grid of the whole register once per
 * register revision and keeps it in memory, checking the revision (one primary-key read) on every request, so a
 * write on any instance shows at once; {@link org.qiluvalley.planner.density.DensityController} serves
 * {@code GET /api/parcels/density}. A feature of its own (model, service, web adapter), beside {@code features/}
 * (the OGC API) because it is the service's own JSON API, not an OGC resource.
 */
package org.qiluvalley.planner.density;
