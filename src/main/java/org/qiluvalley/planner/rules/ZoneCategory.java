package org.qiluvalley.planner.rules;

/** What a zone is for: one of the four facilities, enterprise land, or non-allocatable infrastructure. */
public enum ZoneCategory {
    FACILITY("facility"), ENTERPRISE("enterprise"), INFRASTRUCTURE("infrastructure");

    private final String wireName;

    ZoneCategory(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static ZoneCategory fromWireName(String name) {
        for (ZoneCategory category : values()) {
            if (category.wireName.equals(name)) {
                return category;
            }
        }
        return null;
    }
}
