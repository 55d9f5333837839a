/**
 * Coordinate reference systems (CRS84 and EPSG:4548, transformed with Proj4J) and the GeoJSON geometry codec with its guards against malformed input.
 */
package org.qiluvalley.planner.geo;
