package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.ConstraintKind;

/** {@code constraint.udb}: the site lies inside the urban development boundary (城镇开发边界). */
final class UrbanDevelopmentBoundaryRule implements Rule {

    static final String ID = "constraint.udb";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        List<Geometry> boundaries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ConstraintArea area : check.site().constraints()) {
            if (area.kind() == ConstraintKind.URBAN_DEVELOPMENT_BOUNDARY) {
                boundaries.add(area.planar());
                ids.add(area.id());
            }
        }
        if (boundaries.isEmpty()) {
            return List.of();
        }
        Geometry udb = boundaries.size() == 1 ? boundaries.get(0)
                : org.locationtech.jts.operation.union.UnaryUnionOp.union(boundaries);
        ZoningRuleBook.Checks limits = check.checks();
        Geometry outside = OutsideAreaRules.outside(check.candidate().planar(), udb, limits.containmentToleranceMetres(),
                limits.overlapToleranceM2());
        if (outside == null) {
            return List.of();
        }
        double area = outside.getArea();
        return List.of(Finding.error(ID, Check.areaEn(area) + " of the site lies outside the urban development "
                + "boundary.", "地块有 " + Check.areaZh(area) + "位于城镇开发边界之外。", area, 0.0, "m²",
                "国土空间规划控制线 (territorial spatial plan control line): urban-development-boundary", ids, outside));
    }
}
