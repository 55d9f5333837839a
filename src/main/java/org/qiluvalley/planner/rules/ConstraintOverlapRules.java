package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.ConstraintKind;

/** Shared by the rules that forbid building on a control line: one finding per control-line area overlapped. */
final class ConstraintOverlapRules {

    private ConstraintOverlapRules() {
    }

    static List<Finding> overlaps(Check check, String ruleId, Set<ConstraintKind> kinds) {
        Geometry site = check.candidate().planar();
        double tolerance = check.checks().overlapToleranceM2();
        List<Finding> findings = new ArrayList<>();
        for (ConstraintArea area : check.site().constraintsNear(site.getEnvelopeInternal())) {
            if (!kinds.contains(area.kind()) || !site.intersects(area.planar())) {
                continue;
            }
            Geometry overlap = Overlays.intersection(site, area.planar());
            double overlapArea = overlap.getArea();
            if (overlapArea > tolerance && !Overlays.isGridNoise(overlap)) {
                findings.add(Finding.error(ruleId, "The site overlaps the " + area.nameEn() + " by "
                        + Check.areaEn(overlapArea) + ".", "地块与" + area.nameZh() + "重叠 "
                        + Check.areaZh(overlapArea) + "。", overlapArea, tolerance, "m²",
                        "国土空间规划控制线 (territorial spatial plan control line): " + area.kind().wireName(),
                        List.of(area.id()), overlap));
            }
        }
        return findings;
    }
}
