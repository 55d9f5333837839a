package org.qiluvalley.planner.rules;

/**
 * A bound pair from the rule book with the authority it comes from. Either bound may be absent (null): a height
 * limit has only a maximum. Units are those of the rule book key the limit was read from.
 *
 * @param source key of the rule book's {@code sources} entry the numbers come from
 */
public record Limit(Double min, Double max, String source) {

    public Limit {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("minimum " + min + " is above maximum " + max);
        }
    }

    /** True when {@code value} is within both bounds (inclusive). */
    public boolean admits(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }
}
