package org.qiluvalley.planner.rules;

import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.ValleyPart;

/** {@code valley.contains}: the site lies inside the park boundary (tolerance from the rule book, 0.05 m). */
final class ValleyContainsRule implements Rule {

    static final String ID = "valley.contains";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        ZoningRuleBook.Checks limits = check.checks();
        ValleyPart valley = check.site().valley().orElse(null);
        if (valley == null) {
            return List.of();
        }
        Geometry outside = OutsideAreaRules.outside(check.candidate().planar(), valley.planar(),
                limits.containmentToleranceMetres(), limits.overlapToleranceM2());
        if (outside == null) {
            return List.of();
        }
        double area = outside.getArea();
        return List.of(Finding.error(ID, Check.areaEn(area) + " of the site lies outside the park boundary.",
                "地块有 " + Check.areaZh(area) + "位于园区边界之外。", area, 0.0, "m²",
                check.source(limits.source()), List.of(valley.id()), outside));
    }
}
