package org.qiluvalley.planner.rules;

import java.util.List;

/** {@code parcel.area}: the site's area (EPSG:4548, m²) is within the zone's parcel area range. */
final class ParcelAreaRule implements Rule {

    static final String ID = "parcel.area";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        ZoneRules zone = check.zoneRules().orElse(null);
        if (zone == null || zone.parcelAreaM2() == null) {
            return List.of();
        }
        Limit range = zone.parcelAreaM2();
        double area = check.candidate().planar().getArea();
        if (range.admits(area)) {
            return List.of();
        }
        boolean small = range.min() != null && area < range.min();
        double limit = small ? range.min() : range.max();
        return List.of(Finding.error(ID, "The site covers " + Check.areaEn(area) + ", " + (small ? "below the minimum "
                : "above the maximum ") + Check.areaEn(limit) + " of a parcel in zone " + zone.id() + ".",
                "地块面积 " + Check.areaZh(area) + "，" + (small ? "低于" : "高于") + "功能区“" + zone.nameZh() + "”地块面积"
                        + (small ? "下限 " : "上限 ") + Check.areaZh(limit) + "。", area, limit, "m²",
                check.source(range.source()), List.of(zone.id()), check.candidate().planar()));
    }
}
