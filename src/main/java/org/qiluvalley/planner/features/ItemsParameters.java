package org.qiluvalley.planner.features;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.filter.Filter;
import org.qiluvalley.planner.filter.FilterCrs;
import org.qiluvalley.planner.filter.FilterLanguage;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.OgcCrs;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of an items request, parsed and checked. OGC API Features requires a 400 for a parameter the
 * API does not define, so every name is checked against the collection's allow-list before anything is read.
 *
 * @param bbox the CRS84 envelope of the {@code bbox}, or null: what the stores' spatial indexes narrow on
 * @param bboxArea the exact area of the {@code bbox} when the envelope says more than it, else null; features must
 *     intersect it (see {@link Bbox})
 * @param bboxText the {@code bbox} as sent, for paging links
 * @param bboxCrs the CRS of the {@code bbox} ({@code bbox-crs}; CRS84 by default)
 * @param crs the CRS of the coordinates answered ({@code crs}; CRS84 by default)
 * @param datetime the {@code datetime} as sent, checked, or null (see {@link #checkDatetime})
 * @param limit features per page, already reduced to the maximum
 * @param offset features skipped
 * @param propertyEquals equality filters on the collection's queryable properties
 * @param filter the CQL2 {@code filter} (Part 3), parsed but not yet checked against the collection's queryables,
 *     or null
 * @param filterText the {@code filter} as sent, for paging links, or null
 * @param filterLanguage its encoding ({@code filter-lang}; CQL2-Text by default)
 * @param filterCrs the CRS of its geometry literals ({@code filter-crs}; CRS84 by default)
 */
record ItemsParameters(Envelope bbox, Geometry bboxArea, String bboxText, OgcCrs bboxCrs, OgcCrs crs, String datetime,
        int limit, int offset, Map<String, String> propertyEquals, Filter filter, String filterText,
        FilterLanguage filterLanguage, OgcCrs filterCrs) {

    /** The parameters of OGC API Features Part 1 (Core) and Part 2 (CRS) every collection accepts. */
    static final Set<String> STANDARD = Set.of(OgcApi.PARAM_BBOX, OgcApi.PARAM_BBOX_CRS, OgcApi.PARAM_CRS,
            OgcApi.PARAM_DATETIME, OgcApi.PARAM_LIMIT, OgcApi.PARAM_OFFSET, OgcApi.PARAM_FORMAT, OgcApi.PARAM_FILTER,
            OgcApi.PARAM_FILTER_LANG, OgcApi.PARAM_FILTER_CRS);
    /** The largest offset accepted: far beyond any register, small enough to stay an int. */
    static final int MAX_OFFSET = 1_000_000_000;
    /** Longest {@code datetime} read: an interval of two full RFC 3339 timestamps with fractions and offsets. */
    private static final int MAX_DATETIME_LENGTH = 80;

    static ItemsParameters parse(MultiValueMap<String, String> query, List<String> propertyParameters, int defaultLimit,
            int maxLimit) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!STANDARD.contains(name) && !propertyParameters.contains(name)) {
                throw new InvalidInputException("unknown query parameter \"" + RefusedException.clip(name)
                        + "\"; this collection accepts " + String.join(", ", STANDARD.stream().sorted().toList())
                        + (propertyParameters.isEmpty() ? "" : " and the property filters "
                                + String.join(", ", propertyParameters)));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidInputException("query parameter \"" + name + "\" is given more than once");
            }
            if (propertyParameters.contains(name)) {
                filters.put(name, parameter.getValue().get(0));
            }
        }
        String format = query.getFirst(OgcApi.PARAM_FORMAT);
        if (format != null && !format.equals("json") && !format.equals("geojson")) {
            throw new InvalidInputException("f must be json, geojson or html");
        }
        OgcCrs crs = crs(query.getFirst(OgcApi.PARAM_CRS), OgcApi.PARAM_CRS);
        OgcCrs bboxCrs = crs(query.getFirst(OgcApi.PARAM_BBOX_CRS), OgcApi.PARAM_BBOX_CRS);
        String bboxText = query.getFirst(OgcApi.PARAM_BBOX);
        String datetime = query.getFirst(OgcApi.PARAM_DATETIME);
        if (datetime != null) {
            checkDatetime(datetime);
        }
        int limit = Math.min(integer(query.getFirst(OgcApi.PARAM_LIMIT), OgcApi.PARAM_LIMIT, defaultLimit, 1,
                Integer.MAX_VALUE), maxLimit);
        int offset = integer(query.getFirst(OgcApi.PARAM_OFFSET), OgcApi.PARAM_OFFSET, 0, 0, MAX_OFFSET);
        String languageName = query.getFirst(OgcApi.PARAM_FILTER_LANG);
        FilterLanguage language = languageName == null ? FilterLanguage.CQL2_TEXT
                : FilterLanguage.fromWireName(languageName).orElseThrow(() -> new InvalidInputException(
                        "filter-lang must be cql2-text or cql2-json, got \"" + RefusedException.clip(languageName) + "\""));
        OgcCrs filterCrs = crs(query.getFirst(OgcApi.PARAM_FILTER_CRS), OgcApi.PARAM_FILTER_CRS);
        String filterText = query.getFirst(OgcApi.PARAM_FILTER);
        Filter filter = filterText == null ? null : language.parse(filterText, filterCrs(filterCrs));
        Envelope bbox = null;
        Geometry bboxArea = null;
        if (bboxText != null) {
            Bbox box = bbox(bboxText, bboxCrs);
            bbox = box.crs84Envelope();
            bboxArea = box.exactArea();
        }
        return new ItemsParameters(bbox, bboxArea, bboxText, bboxCrs, crs, datetime, limit, offset, filters, filter,
                filterText, language, filterCrs);
    }

    /**
     * How the geometry literals of a filter in {@code crs} reach the stored CRS they are compared in: EPSG:4548 ones
     * (northing first, as the CRS defines) the planar columns, axes swapped; the others the CRS84 columns.
     */
    static FilterCrs filterCrs(OgcCrs crs) {
        return switch (crs) {
            case CRS84 -> FilterCrs.CRS84;
            case CGCS2000_GK_CM_117E -> FilterCrs.of(crs.uri(), FilterCrs.Target.PLANAR, crs::toPlanar);
            default -> FilterCrs.of(crs.uri(), FilterCrs.Target.CRS84, crs::toCrs84);
        };
    }

    private static OgcCrs crs(String name, String parameter) {
        if (name == null) {
            return OgcCrs.CRS84;
        }
        return OgcCrs.fromName(name).orElseThrow(() -> new InvalidInputException(parameter + " \""
                + RefusedException.clip(name) + "\" is not supported; the CRSs are "
                + String.join(", ", OgcCrs.ALL.stream().map(OgcCrs::uri).toList())));
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

    /**
     * A {@code bbox}: what the stores narrow on, and what features must intersect when that is less than it.
     *
     * @param crs84Envelope the CRS84 envelope of the box
     * @param exactArea null when the box is exactly its CRS84 envelope; else the box itself: in EPSG:4548 (SRID
     *     4548, x easting) for a box in EPSG:4548, compared there without any transform; else in CRS84 (SRID 4326),
     *     the two halves of a box crossing the antimeridian or a box in EPSG:3857 with its edges carried over
     */
    record Bbox(Envelope crs84Envelope, Geometry exactArea) {
    }

    /**
     * A {@code bbox}: four numbers (or six, with heights, which are ignored) on the first and second axes of
     * {@code crs}, in its axis order (longitude first for CRS84, latitude first for EPSG:4490, northing first for
     * EPSG:4548). In a geographic CRS a minimum longitude above the maximum means the box crosses the antimeridian
     * (OGC API Features Part 1, 7.15.3): it is the two boxes either side of it.
     */
    static Bbox bbox(String text, OgcCrs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw new InvalidInputException("bbox must be 4 numbers (or 6 with heights): the lower corner's then the "
                    + "upper corner's coordinates in the axis order of " + crs.uri() + ", got \""
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
        double minFirst = n[0];
        double minSecond = n[1];
        double maxFirst = n[half];
        double maxSecond = n[half + 1];
        // Some clients send EPSG:4490 and EPSG:4548 boxes in the traditional GIS order (longitude or easting first),
        // whatever the CRS says (OGC's own test suite among them). Where the CRS is used the two orders cannot be
        // confused: no latitude is above 90 degrees, and an EPSG:4548 northing (above 2,400 km in China) always
        // exceeds the easting (500 km +- 170 km). Such a box is read in the order it was evidently written in.
        return switch (crs) {
            case CRS84 -> geographic(minFirst, minSecond, maxFirst, maxSecond);
            case CGCS2000 -> Math.abs(minFirst) > 90 || Math.abs(maxFirst) > 90
                    ? geographic(minFirst, minSecond, maxFirst, maxSecond)
                    : geographic(minSecond, minFirst, maxSecond, maxFirst);
            case CGCS2000_GK_CM_117E -> minFirst < minSecond
                    ? projected(crs, minSecond, minFirst, maxSecond, maxFirst)
                    : projected(crs, minFirst, minSecond, maxFirst, maxSecond);
            case WEB_MERCATOR -> projected(crs, minFirst, minSecond, maxFirst, maxSecond);
        };
    }

    private static Bbox geographic(double minLon, double minLat, double maxLon, double maxLat) {
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > 180 || maxLon < -180
                || minLat > 90 || maxLat < -90) {
            throw new InvalidInputException("bbox is outside the range of longitude -180..180, latitude -90..90");
        }
        if (minLat > maxLat) {
            throw new InvalidInputException("bbox minimum latitude " + minLat + " is above its maximum " + maxLat);
        }
        if (minLon <= maxLon) {
            return new Bbox(new Envelope(minLon, maxLon, minLat, maxLat), null);
        }
        Geometry halves = CrsTransform.CRS84.createMultiPolygon(new Polygon[] {
            (Polygon) CrsTransform.CRS84.toGeometry(new Envelope(minLon, 180, minLat, maxLat)),
            (Polygon) CrsTransform.CRS84.toGeometry(new Envelope(-180, maxLon, minLat, maxLat))});
        return new Bbox(halves.getEnvelopeInternal(), halves);
    }

    private static Bbox projected(OgcCrs crs, double minFirst, double minSecond, double maxFirst, double maxSecond) {
        if (minFirst > maxFirst || minSecond > maxSecond) {
            throw new InvalidInputException("bbox lower corner (" + minFirst + ", " + minSecond
                    + ") is not below and left of its upper corner (" + maxFirst + ", " + maxSecond + ") in "
                    + crs.uri());
        }
        // EPSG:4548 is defined for 115.5 to 118.5 E, EPSG:3857 for the whole world within about 20,000 km of its
        // origin: further out the transforms fold or fail, and no feature of the park is there.
        double limit = crs == OgcCrs.WEB_MERCATOR ? 2.0037508342789244e7 : 1.0e7;
        if (Math.abs(minFirst) > limit || Math.abs(maxFirst) > limit || Math.abs(minSecond) > limit
                || Math.abs(maxSecond) > limit) {
            throw new InvalidInputException("bbox is outside the range of " + crs.uri());
        }
        Polygon crs84 = crs.rectangleInCrs84(minFirst, minSecond, maxFirst, maxSecond);
        for (Coordinate c : crs84.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new InvalidInputException("bbox is outside the area where " + crs.uri() + " is defined");
            }
        }
        Geometry exact = crs == OgcCrs.CGCS2000_GK_CM_117E
                // Northing first in the CRS, easting first (x) in the stores.
                ? CrsTransform.PLANAR.toGeometry(new Envelope(minSecond, maxSecond, minFirst, maxFirst))
                : crs84;
        return new Bbox(crs84.getEnvelopeInternal(), exact);
    }

    /**
     * {@code datetime} (OGC API Features Part 1, 7.15.4): an RFC 3339 date-time or date, or an interval of two
     * separated by {@code /}, either end open as {@code ..} or empty, the start not after the end. The park's
     * layers have no temporal property: a feature without a temporal geometry is in every answer
     * (/req/core/fc-time-response), so a valid {@code datetime} selects every feature. A malformed one is a 400.
     */
    static void checkDatetime(String text) {
        if (text.length() > MAX_DATETIME_LENGTH) {
            throw new InvalidInputException("datetime is longer than " + MAX_DATETIME_LENGTH + " characters");
        }
        String[] ends = text.split("/", -1);
        if (ends.length > 2 || ends.length == 1 && (text.isEmpty() || text.equals(".."))) {
            throw new InvalidInputException("datetime must be a date-time (RFC 3339), a date, or an interval "
                    + "start/end with .. for an open end, got \"" + RefusedException.clip(text) + "\"");
        }
        OffsetDateTime start = instant(ends[0], true);
        OffsetDateTime end = ends.length == 2 ? instant(ends[1], false) : start;
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidInputException("datetime interval starts after it ends: \""
                    + RefusedException.clip(text) + "\"");
        }
    }

    /** One end of a datetime, as the first (or last) instant it covers; null for an open end. */
    private static OffsetDateTime instant(String text, boolean start) {
        if (text.isEmpty() || text.equals("..")) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return start ? day.atStartOfDay().atOffset(ZoneOffset.UTC)
                        : day.plusDays(1).atStartOfDay().minusNanos(1).atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text.replace('t', 'T').replace('z', 'Z'));
        } catch (DateTimeException e) {
            throw new InvalidInputException("datetime \"" + RefusedException.clip(text) + "\" is not an RFC 3339 "
                    + "date-time (e.g. 2026-12-04T10:00:00Z) or date (2026-12-04)");
        }
    }
}
