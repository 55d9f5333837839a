/**
 * The park's domain model (parcels, zones, control lines, roads, the valley boundary) and the store contract {@link org.qiluvalley.planner.parcel.ParcelStore} that every database implements.
 */
package org.qiluvalley.planner.parcel;
