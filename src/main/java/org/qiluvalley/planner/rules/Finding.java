package org.qiluvalley.planner.rules;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * One thing wrong with an allocation, as data: which rule, how bad, by how much, on what authority, involving
 * which other features, and where.
 *
 * @param rule the rule's stable id, e.g. {@code parcel.overlap}
 * @param message what is wrong, in English, with the numbers
 * @param messageZh the same in Chinese
 * @param measured the measured value (null when the rule measures nothing, e.g. a land-use code)
 * @param limit the limit it was held against (null when none)
 * @param unit unit of {@code measured} and {@code limit}: {@code m²}, {@code m}, {@code ratio}, or empty
 * @param source the authority of the limit (the rule book's source title)
 * @param related ids of the other features involved (a parcel, a zone, a control line)
 * @param planar the offending part in EPSG:4548 (null when there is no place to show)
 */
public record Finding(String rule, Severity severity, String message, String messageZh, Double measured,
        Double limit, String unit, String source, List<String> related, Geometry planar) {

    public Finding {
        related = List.copyOf(related);
    }

    public static Finding error(String rule, String message, String messageZh, Double measured, Double limit,
            String unit, String source, List<String> related, Geometry planar) {
        return new Finding(rule, Severity.ERROR, message, messageZh, measured, limit, unit, source, related, planar);
    }

    public static Finding warning(String rule, String message, String messageZh, Double measured, Double limit,
            String unit, String source, List<String> related, Geometry planar) {
        return new Finding(rule, Severity.WARNING, message, messageZh, measured, limit, unit, source, related, planar);
    }

    public static Finding info(String rule, String message, String messageZh, Double measured, Double limit,
            String unit, String source, List<String> related, Geometry planar) {
        return new Finding(rule, Severity.INFO, message, messageZh, measured, limit, unit, source, related, planar);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
