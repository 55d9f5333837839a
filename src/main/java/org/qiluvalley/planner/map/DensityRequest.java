package org.qiluvalley.planner.map;

import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.geo.CrsTransform;

/**
 * The parameters of {@code GET /api/parcels/density}, checked: {@code bbox} (CRS84 lon/lat degrees,
 * {@code minLon,minLat,maxLon,maxLat}) and {@code zoom} (the map's Web Mercator zoom, 0 to 24, fractions allowed),
 * both required; any other parameter, a repeated one, or a malformed value is a 400.
 *
 * @param cellSizeMetres the grid cell size the zoom picks, metres in EPSG:4548
 * @param planar the bbox clipped to the area of use of EPSG:4548 and transformed there (metres); null when the
 *     bbox lies outside it (the answer is then empty)
 */
record DensityRequest(double zoom, int cellSizeMetres, Envelope planar) {

    static final Set<String> NAMES = Set.of("bbox", "zoom");

    /** The longitude band of EPSG:4548 (3-degree Gauss-Kruger zone, central meridian 117 E), degrees. */
    static final double MIN_LON = 115.5;
    static final double MAX_LON = 118.5;
    /** Latitudes beyond these are far from any register and only make the projection misbehave. */
    static final double MAX_ABS_LAT = 84;

    /** Points along each edge of the bbox transformed to EPSG:4548: its edges are curves there. */
    private static final int EDGE_POINTS = 16;

    static DensityRequest parse(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!NAMES.contains(parameter.getKey())) {
                throw new InvalidInputException("unknown parameter '" + RefusedException.clip(parameter.getKey())
                        + "'; this endpoint takes bbox and zoom");
            }
            if (parameter.getValue().length != 1) {
                throw new InvalidInputException(parameter.getKey() + " must be given once");
            }
        }
        String bboxText = single(parameters, "bbox");
        String zoomText = single(parameters, "zoom");
        if (bboxText == null || zoomText == null) {
            throw new InvalidInputException("bbox (minLon,minLat,maxLon,maxLat in CRS84 degrees) and zoom (0 to 24)"
                    + " are required");
        }
        double zoom = number(zoomText, "zoom");
        if (zoom < 0 || zoom > DensityLevels.MAX_ZOOM) {
            throw new InvalidInputException("zoom must be from 0 to 24");
        }
        double[] bbox = bbox(bboxText);
        int cellSize = DensityLevels.cellSizeForZoom(zoom);
        return new DensityRequest(zoom, cellSize, planar(bbox));
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    private static double number(String text, String name) {
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new InvalidInputException(name + " must be a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a number, not '" + RefusedException.clip(text) + "'");
        }
    }

    private static double[] bbox(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidInputException("bbox must be four numbers: minLon,minLat,maxLon,maxLat (CRS84 degrees)");
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            b[i] = number(parts[i], "bbox");
        }
        if (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
            throw new InvalidInputException("bbox must lie within longitudes -180..180 and latitudes -90..90");
        }
        if (b[0] >= b[2] || b[1] >= b[3]) {
            throw new InvalidInputException("bbox must have minLon < maxLon and minLat < maxLat (crossing the"
                    + " antimeridian is not supported)");
        }
        return b;
    }

    /** The bbox clipped to EPSG:4548's band, as the envelope of its densified outline in EPSG:4548; or null. */
    private static Envelope planar(double[] b) {
        double minLon = Math.max(b[0], MIN_LON);
        double maxLon = Math.min(b[2], MAX_LON);
        double minLat = Math.max(b[1], -MAX_ABS_LAT);
        double maxLat = Math.min(b[3], MAX_ABS_LAT);
        if (minLon >= maxLon || minLat >= maxLat) {
            return null;
        }
        Coordinate[] ring = new Coordinate[4 * EDGE_POINTS + 1];
        for (int i = 0; i < EDGE_POINTS; i++) {
            double t = (double) i / EDGE_POINTS;
            ring[i] = new Coordinate(minLon + t * (maxLon - minLon), minLat);
            ring[EDGE_POINTS + i] = new Coordinate(maxLon, minLat + t * (maxLat - minLat));
            ring[2 * EDGE_POINTS + i] = new Coordinate(maxLon - t * (maxLon - minLon), maxLat);
            ring[3 * EDGE_POINTS + i] = new Coordinate(minLon, maxLat - t * (maxLat - minLat));
        }
        ring[4 * EDGE_POINTS] = ring[0];
        Geometry outline = CrsTransform.toPlanar(CrsTransform.CRS84.createLineString(ring));
        return outline.getEnvelopeInternal();
    }
}
