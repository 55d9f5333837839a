package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.ConstraintKind;
import org.qiluvalley.planner.parcel.Road;

/**
 * {@code constraint.corridor}: clear of the river blue line, the high-voltage corridor and the road reserves
 * between the road red lines. One finding per corridor or road overlapped.
 */
final class CorridorRule implements Rule {

    static final String ID = "constraint.corridor";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        List<Finding> findings = new ArrayList<>(ConstraintOverlapRules.overlaps(check, ID,
                Set.of(ConstraintKind.RIVER_BLUE_LINE, ConstraintKind.HIGH_VOLTAGE_CORRIDOR)));
        Geometry site = check.candidate().planar();
        double tolerance = check.checks().overlapToleranceM2();
        for (Road road : check.site().roadReservesNear(site.getEnvelopeInternal())) {
            if (!site.intersects(road.planar())) {
                continue;
            }
            Geometry overlap = Overlays.intersection(site, road.planar());
            double area = overlap.getArea();
            if (area > tolerance && !Overlays.isGridNoise(overlap)) {
                findings.add(Finding.error(ID, "The site reaches " + Check.areaEn(area) + " into the red lines of "
                        + road.nameEn() + " (" + Check.format(road.redLineWidthMetres()) + " m road reserve).",
                        "地块侵入" + road.nameZh() + "道路红线 " + Check.areaZh(area) + "。", area, tolerance, "m²",
                        "道路红线 (road red line)", List.of(road.id()), overlap));
            }
        }
        return findings;
    }
}
