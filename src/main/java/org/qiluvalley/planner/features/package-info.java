/**
 * OGC API Features (Part 1: Core, GeoJSON, OpenAPI 3.0) rooted at {@code /ogc}: the collection allow-list, parameter
 * parsing, GeoJSON streaming, the self-contained API definition, and the planners' writes in the style of Part 4
 * (strong ETags, {@code If-Match}). Vector tiles are in {@code tiles}, the anonymous fast path in
 * {@code anonymousreads}.
 */
package org.qiluvalley.planner.features;
