/**
 * GeoPackage (OGC 12-128r18, version 1.3) files of one feature layer: {@link
 * org.qiluvalley.planner.geopackage.GeoPackageWriter} writes a layer of EPSG:4548 features (streamed through a
 * temporary SQLite file, then copied out) for the {@code f=gpkg} download of a collection, and {@link
 * org.qiluvalley.planner.geopackage.GeoPackageReader} reads one layer in EPSG:4548, EPSG:4326 or CRS84 back as
 * EPSG:4548 features for the {@code import} command. The SQL lives in the two {@code ...GeoPackageStore} classes
 * (SQLite JDBC driver); the geometry encoding (GeoPackage binary header, ISO WKB) in {@code GeoPackageGeometry}.
 */
package org.qiluvalley.planner.geopackage;
