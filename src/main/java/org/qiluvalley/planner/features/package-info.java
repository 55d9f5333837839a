/**
 * OGC API Features (Part 1: Core, GeoJSON, OpenAPI 3.0) rooted at {@code /ogc}: the collection allow-list, parameter parsing, GeoJSON streaming and the self-contained API definition.
 */
package org.qiluvalley.planner.features;
