package org.qiluvalley.planner.rules;

/**
 * An error refuses an allocation; a warning is shown to the planner but does not. Info states a measurement that
 * meets its limit (a review at full production that reaches a pledge).
 */
public enum Severity {
    ERROR("error"), WARNING("warning"), INFO("info");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
