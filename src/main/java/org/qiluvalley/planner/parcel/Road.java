package org.qiluvalley.planner.parcel;

import org.locationtech.jts.geom.Geometry;

/**
 * A road: its centreline (kind {@code centreline}, a line) or its reserve between the red lines (kind
 * {@code reserve}, a polygon).
 *
 * @param roadClass {@code arterial}, {@code secondary} or {@code branch}
 * @param redLineWidthMetres width between the road red lines, metres
 */
public record Road(String id, String kind, String nameEn, String nameZh, String roadClass, double redLineWidthMetres,
        Geometry planar, Geometry crs84) {
}
