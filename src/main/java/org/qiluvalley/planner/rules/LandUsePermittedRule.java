package org.qiluvalley.planner.rules;

import java.util.List;

/** {@code landuse.permitted}: the intended land-use code is one the zone permits. */
final class LandUsePermittedRule implements Rule {

    static final String ID = "landuse.permitted";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean needsValidGeometry() {
        return false;
    }

    @Override
    public List<Finding> check(Check check) {
        ZoneRules zone = check.zoneRules().orElse(null);
        String code = check.candidate().landUse();
        if (zone == null || code == null || zone.permittedLandUses().contains(code)) {
            return List.of();
        }
        String name = check.book().landUse(code).map(c -> c.nameEn()).orElse("unknown code");
        String nameZh = check.book().landUse(code).map(c -> c.nameZh()).orElse("未知代码");
        return List.of(Finding.error(ID, "Land use " + code + " (" + name + ") is not permitted in zone " + zone.id()
                + "; permitted: " + String.join(", ", zone.permittedLandUses()) + ".", "功能区“" + zone.nameZh()
                + "”不允许用地性质 " + code + "（" + nameZh + "）；允许：" + String.join("、", zone.permittedLandUses()) + "。",
                null, null, "", check.source("mnr-land-use-classification-2023"), List.of(zone.id()),
                check.candidate().planar()));
    }
}
