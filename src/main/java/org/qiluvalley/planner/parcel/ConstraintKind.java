package org.qiluvalley.planner.parcel;

import java.util.Optional;

/** The control lines (控制线) of the territorial spatial plan that parcels must respect. */
public enum ConstraintKind {
    /** 生态保护红线: no construction. */
    ECOLOGICAL_RED_LINE("ecological-red-line"),
    /** 永久基本农田: no construction. */
    PERMANENT_BASIC_FARMLAND("permanent-basic-farmland"),
    /** 城镇开发边界: construction only inside. */
    URBAN_DEVELOPMENT_BOUNDARY("urban-development-boundary"),
    /** 河道蓝线: river management line, no construction. */
    RIVER_BLUE_LINE("river-blue-line"),
    /** 高压走廊: high-voltage line corridor, no buildings. */
    HIGH_VOLTAGE_CORRIDOR("high-voltage-corridor");

    private final String wireName;

    ConstraintKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ConstraintKind> fromWireName(String name) {
        for (ConstraintKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
