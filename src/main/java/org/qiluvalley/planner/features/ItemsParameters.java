package org.qiluvalley.planner.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of an items request, parsed and checked. OGC API Features requires a 400 for a parameter the
 * API does not define, so every name is checked against the collection's allow-list before anything is read.
 *
 * @param bbox the CRS84 lon/lat rectangle, or null
 * @param limit features per page, already reduced to the maximum
 * @param offset features skipped
 * @param propertyEquals equality filters on the collection's queryable properties
 */
record ItemsParameters(Envelope bbox, String bboxText, int limit, int offset, Map<String, String> propertyEquals) {

    private static final Set<String> STANDARD = Set.of(OgcApi.PARAM_BBOX, OgcApi.PARAM_LIMIT, OgcApi.PARAM_OFFSET,
            OgcApi.PARAM_FORMAT);
    /** The largest offset accepted: far beyond any register, small enough to stay an int. */
    static final int MAX_OFFSET = 1_000_000_000;

    static ItemsParameters parse(MultiValueMap<String, String> query, List<String> queryables, int defaultLimit,
            int maxLimit) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!STANDARD.contains(name) && !queryables.contains(name)) {
                throw new InvalidInputException("unknown query parameter \"" + RefusedException.clip(name) + "\"; this collection accepts "
                        + String.join(", ", STANDARD.stream().sorted().toList())
                        + (queryables.isEmpty() ? "" : " and the queryables " + String.join(", ", queryables)));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidInputException("query parameter \"" + name + "\" is given more than once");
            }
            if (queryables.contains(name)) {
                filters.put(name, parameter.getValue().get(0));
            }
        }
        String format = query.getFirst(OgcApi.PARAM_FORMAT);
        if (format != null && !format.equals("json") && !format.equals("geojson")) {
            throw new InvalidInputException("f must be json or geojson; this API serves GeoJSON only");
        }
        String bboxText = query.getFirst(OgcApi.PARAM_BBOX);
        int limit = Math.min(integer(query.getFirst(OgcApi.PARAM_LIMIT), OgcApi.PARAM_LIMIT, defaultLimit, 1,
                Integer.MAX_VALUE), maxLimit);
        int offset = integer(query.getFirst(OgcApi.PARAM_OFFSET), OgcApi.PARAM_OFFSET, 0, 0, MAX_OFFSET);
        return new ItemsParameters(bboxText == null ? null : bbox(bboxText), bboxText, limit, offset, filters);
    }

    private static int integer(String text, String name, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be an integer, got \"" + RefusedException.clip(text) + "\"");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return (int) value;
    }

    /** {@code minLon,minLat,maxLon,maxLat} (or the 6-number form with heights, which are ignored), CRS84 degrees. */
    static Envelope bbox(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw new InvalidInputException("bbox must be 4 numbers minLon,minLat,maxLon,maxLat (or 6 with heights), got \""
                    + RefusedException.clip(text) + "\"");
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("bbox value \"" + RefusedException.clip(parts[i]) + "\" is not a number");
            }
            if (!Double.isFinite(n[i])) {
                throw new InvalidInputException("bbox values must be finite numbers");
            }
        }
        int half = parts.length / 2;
        double minLon = n[0];
        double minLat = n[1];
        double maxLon = n[half];
        double maxLat = n[half + 1];
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > 180 || maxLon < -180
                || minLat > 90 || maxLat < -90) {
            throw new InvalidInputException("bbox is outside the CRS84 range (longitude -180..180, latitude -90..90)");
        }
        if (minLat > maxLat) {
            throw new InvalidInputException("bbox minimum latitude " + minLat + " is above its maximum " + maxLat);
        }
        if (minLon > maxLon) {
            throw new InvalidInputException("bbox crossing the antimeridian (minLon > maxLon) is not supported");
        }
        return new Envelope(minLon, maxLon, minLat, maxLat);
    }
}
