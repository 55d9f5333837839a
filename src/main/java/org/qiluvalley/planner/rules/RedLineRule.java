package org.qiluvalley.planner.rules;

import java.util.List;
import java.util.Set;

import org.qiluvalley.planner.parcel.ConstraintKind;

/** {@code constraint.redline}: no overlap with the ecological protection red line or permanent basic farmland. */
final class RedLineRule implements Rule {

    static final String ID = "constraint.redline";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        return ConstraintOverlapRules.overlaps(check, ID,
                Set.of(ConstraintKind.ECOLOGICAL_RED_LINE, ConstraintKind.PERMANENT_BASIC_FARMLAND));
    }
}
