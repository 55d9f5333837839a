package org.qiluvalley.planner.parcel;

import java.util.List;

import org.locationtech.jts.geom.Point;

/**
 * A place investors measure a site against (the airport, a railway station, an expressway interchange, the park's
 * service centre): an approximate position with the page it was taken from, or a statement that it was placed by
 * hand.
 *
 * @param kind one of {@link #KINDS}
 * @param source where the position comes from (the page or data read), or "approximate, placed by hand ..."
 * @param planar the position in EPSG:4548 (SRID 4548, x easting, y northing)
 * @param crs84 the same position in CRS84 (SRID 4326, longitude, latitude)
 */
public record Place(String id, String kind, String nameEn, String nameZh, String source, Point planar, Point crs84) {

    /** The kinds of place, as the seed file and the API name them. */
    public static final List<String> KINDS = List.of("airport", "railway-station", "expressway-interchange",
            "service-centre");
}
