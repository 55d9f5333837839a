package org.qiluvalley.planner.filter;

import java.util.Optional;

/** The encodings of a filter ({@code filter-lang} of OGC API Features Part 3), each with its parser. */
public enum FilterLanguage {
    /** CQL2-Text, the default of {@code filter-lang}. */
    CQL2_TEXT("cql2-text"),
    CQL2_JSON("cql2-json");

    private final String wireName;

    FilterLanguage(String wireName) {
        this.wireName = wireName;
    }

    /** The value of {@code filter-lang}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<FilterLanguage> fromWireName(String name) {
        for (FilterLanguage language : values()) {
            if (language.wireName.equals(name)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads {@code filter} in this encoding.
     *
     * @throws org.qiluvalley.planner.errors.InvalidInputException when it is not a filter this service can
     *     evaluate, or exceeds a limit
     */
    public Filter parse(String filter, FilterCrs crs, FilterLimits limits) {
        return this == CQL2_TEXT ? Cql2Text.parse(filter, crs, limits) : Cql2Json.parse(filter, crs, limits);
    }

    public Filter parse(String filter, FilterCrs crs) {
        return parse(filter, crs, FilterLimits.DEFAULT);
    }
}
