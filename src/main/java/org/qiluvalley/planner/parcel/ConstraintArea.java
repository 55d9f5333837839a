package org.qiluvalley.planner.parcel;

import org.locationtech.jts.geom.Geometry;

/** One control-line area (e.g. the ecological red line), planar in EPSG:4548 and the same in CRS84. */
public record ConstraintArea(String id, ConstraintKind kind, String nameEn, String nameZh, Geometry planar,
        Geometry crs84) {
}
