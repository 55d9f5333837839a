package org.qiluvalley.planner.rules;

import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.Zone;

/** {@code zone.contains}: the site lies inside the zone it is allocated in. */
final class ZoneContainsRule implements Rule {

    static final String ID = "zone.contains";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        ZoningRuleBook.Checks limits = check.checks();
        Zone zone = check.site().zone(check.candidate().zone()).orElse(null);
        if (zone == null) {
            return List.of(Finding.error(ID, "Zone " + check.candidate().zone() + " has no outline in the plan.",
                    "规划中没有功能区 " + check.candidate().zone() + " 的范围。", null, null, "",
                    check.source(limits.source()), List.of(check.candidate().zone()), null));
        }
        Geometry outside = OutsideAreaRules.outside(check.candidate().planar(), zone.planar(),
                limits.containmentToleranceMetres(), limits.overlapToleranceM2());
        if (outside == null) {
            return List.of();
        }
        double area = outside.getArea();
        return List.of(Finding.error(ID, Check.areaEn(area) + " of the site lies outside zone " + zone.id() + " ("
                + zone.nameEn() + ").", "地块有 " + Check.areaZh(area) + "位于功能区“" + zone.nameZh() + "”之外。",
                area, 0.0, "m²", check.source(limits.source()), List.of(zone.id()), outside));
    }
}
