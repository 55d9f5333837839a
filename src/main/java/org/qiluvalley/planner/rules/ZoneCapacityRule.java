package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.AreaTotals;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;

/**
 * {@code zone.capacity}: with this allocation, the zone's committed land (allocated and reserved parcels) and
 * committed floor area stay within the zone's budgets. Floor area of committed parcels counts at their maximum FAR
 * (the plan's capacity); the candidate counts at its proposed FAR, or at its planned maximum when none is proposed.
 */
final class ZoneCapacityRule implements Rule {

    static final String ID = "zone.capacity";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        ZoneRules zone = check.zoneRules().orElse(null);
        if (zone == null || zone.budgetAreaHa() == null) {
            return List.of();
        }
        Map<ParcelStatus, AreaTotals> totals = check.site().zoneTotals(zone.id());
        AreaTotals committed = totals.getOrDefault(ParcelStatus.ALLOCATED, AreaTotals.NONE)
                .plus(totals.getOrDefault(ParcelStatus.RESERVED, AreaTotals.NONE));
        double land = committed.areaSquareMetres();
        double floor = committed.floorAreaCapacitySquareMetres();
        Parcel existing = check.existingParcel().orElse(null);
        if (existing != null && existing.zone().equals(zone.id())
                && (existing.status() == ParcelStatus.ALLOCATED || existing.status() == ParcelStatus.RESERVED)) {
            // Already counted: do not count the same parcel twice.
            land -= existing.areaSquareMetres();
            floor -= existing.areaSquareMetres() * existing.indicators().farMax();
        }
        double area = check.candidate().planar().getArea();
        Double proposedFar = check.candidate().indicators() == null ? null : check.candidate().indicators().far();
        // Without a proposed FAR the site counts at its planned maximum: the parcel's own, capped at the zone's.
        double zoneMax = zone.far() == null ? 0 : zone.far().max();
        double far = proposedFar != null ? proposedFar
                : existing != null ? Math.min(existing.indicators().farMax(), zoneMax) : zoneMax;
        land += area;
        floor += area * far;

        List<Finding> findings = new ArrayList<>();
        double landBudget = zone.budgetAreaHa() * Crs.SQUARE_METRES_PER_HECTARE;
        String source = check.source(zone.budgetSource());
        if (land > landBudget) {
            findings.add(Finding.error(ID, "With this site, committed land in zone " + zone.id() + " would be "
                    + Check.areaEn(land) + ", over its budget of " + Check.areaEn(landBudget) + " ("
                    + Check.format(zone.budgetAreaHa()) + " ha).", "加上本地块，功能区“" + zone.nameZh() + "”已用地将达 "
                    + Check.areaZh(land) + "，超过用地指标 " + Check.areaZh(landBudget) + "。", land,
                    landBudget, "m²", source, List.of(zone.id()), check.candidate().planar()));
        }
        if (zone.budgetFloorAreaM2() != null && floor > zone.budgetFloorAreaM2()) {
            findings.add(Finding.error(ID, "With this site, committed floor area in zone " + zone.id() + " would be "
                    + Check.floorEn(floor) + ", over its budget of " + Check.floorEn(zone.budgetFloorAreaM2()) + ".",
                    "加上本地块，功能区“" + zone.nameZh() + "”建筑面积将达 " + Check.floorZh(floor) + "，超过指标 "
                            + Check.floorZh(zone.budgetFloorAreaM2()) + "。", floor, zone.budgetFloorAreaM2(),
                    "m²", source, List.of(zone.id()), check.candidate().planar()));
        }
        return findings;
    }
}
