package org.qiluvalley.planner.rules;

import java.util.List;

/**
 * One check of the rule book, with a stable id (e.g. {@code parcel.overlap}). A rule looks at one candidate
 * allocation in its site context and returns its findings: empty when the rule holds. Plain Java over JTS, all
 * metric work in EPSG:4548.
 */
public interface Rule {

    /** The stable id clients and findings use. */
    String id();

    /** True when the rule measures the outline, so it can only run on a valid polygon. */
    default boolean needsValidGeometry() {
        return true;
    }

    List<Finding> check(Check check);
}
