package org.qiluvalley.planner.rules;

/** An error refuses an allocation; a warning is shown to the planner but does not. */
public enum Severity {
    ERROR("error"), WARNING("warning");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
