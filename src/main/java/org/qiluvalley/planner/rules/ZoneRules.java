package org.qiluvalley.planner.rules;

import java.util.List;

/**
 * One zone's entry in the rule book.
 *
 * @param parcelAreaM2 parcel area range, m² in EPSG:4548 (null for non-allocatable zones)
 * @param far floor area ratio range (容积率)
 * @param coverage building coverage range as a fraction of the parcel area (建筑密度)
 * @param greenRatio green ratio range as a fraction of the parcel area (绿地率)
 * @param heightMaxMetres building height limit, metres
 * @param budgetAreaHa the zone's land budget, hectares (null when none)
 * @param budgetFloorAreaM2 the zone's floor-area budget, m² (null when none)
 * @param budgetSource source of both budgets
 * @param pledges "standard land" minimums for enterprises (null when the zone has none)
 */
public record ZoneRules(
        String id,
        String nameEn,
        String nameZh,
        ZoneCategory category,
        boolean allocatable,
        List<String> permittedLandUses,
        Limit parcelAreaM2,
        Limit far,
        Limit coverage,
        Limit greenRatio,
        Limit heightMaxMetres,
        Double budgetAreaHa,
        Double budgetFloorAreaM2,
        String budgetSource,
        Pledges pledges) {

    public ZoneRules {
        permittedLandUses = List.copyOf(permittedLandUses);
    }

    /** Minimum "standard land" (标准地) pledges in 万元/亩. */
    public record Pledges(double investmentWanYuanPerMuMin, double taxWanYuanPerMuMin, String source) {
    }
}
