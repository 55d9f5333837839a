package org.qiluvalley.planner.rules;

import java.util.List;
import java.util.function.Function;

/**
 * The {@code indicator.*} rules the national industrial-land indicators set on every industrial parcel (land-use
 * code of major class 10), whatever its zone, with the limits of the rule book's {@code industrialLand} section:
 * {@code indicator.admin-share} (administrative office and living-service facilities at most a share of the parcel)
 * and {@code indicator.building-coefficient} (建筑系数: buildings, structures and open storage yards at least a share
 * of the parcel; not building coverage, which counts footprints only). An indicator not proposed, a land use that is
 * not industrial, or a rule book without the section is not checked.
 */
final class IndustrialLandRule implements Rule {

    static final String ADMIN_SHARE = "indicator.admin-share";
    static final String BUILDING_COEFFICIENT = "indicator.building-coefficient";

    private final String id;
    private final String nameEn;
    private final String nameZh;
    private final Function<Candidate.ProposedIndicators, Double> proposed;
    private final Function<ZoningRuleBook.IndustrialLand, Limit> limit;

    private IndustrialLandRule(String id, String nameEn, String nameZh,
            Function<Candidate.ProposedIndicators, Double> proposed,
            Function<ZoningRuleBook.IndustrialLand, Limit> limit) {
        this.id = id;
        this.nameEn = nameEn;
        this.nameZh = nameZh;
        this.proposed = proposed;
        this.limit = limit;
    }

    /** {@code indicator.admin-share}: administrative office and living-service land, a fraction (maximum). */
    static IndustrialLandRule adminShare() {
        return new IndustrialLandRule(ADMIN_SHARE, "share of administrative office and living-service facilities",
                "行政办公及生活服务设施用地所占比重", Candidate.ProposedIndicators::adminShare,
                ZoningRuleBook.IndustrialLand::adminShare);
    }

    /** {@code indicator.building-coefficient}: building coefficient (建筑系数), a fraction (minimum). */
    static IndustrialLandRule buildingCoefficient() {
        return new IndustrialLandRule(BUILDING_COEFFICIENT, "building coefficient", "建筑系数",
                Candidate.ProposedIndicators::buildingCoefficient, ZoningRuleBook.IndustrialLand::buildingCoefficient);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean needsValidGeometry() {
        return false;
    }

    @Override
    public List<Finding> check(Check check) {
        Candidate candidate = check.candidate();
        Double value = candidate.indicators() == null ? null : proposed.apply(candidate.indicators());
        ZoningRuleBook.IndustrialLand industrial = check.book().industrialLand().orElse(null);
        if (value == null || industrial == null || !ZoningRuleBook.isIndustrial(candidate.landUse())) {
            return List.of();
        }
        Limit bounds = limit.apply(industrial);
        String source = check.source(bounds.source());
        List<String> related = candidate.zone() == null ? List.of() : List.of(candidate.zone());
        if (bounds.min() != null && value < bounds.min()) {
            return List.of(Finding.error(id, "The proposed " + nameEn + " " + Check.percent(value)
                    + " is below the minimum " + Check.percent(bounds.min()) + " for industrial land.", "拟定" + nameZh
                    + " " + Check.percent(value) + " 低于工业用地下限 " + Check.percent(bounds.min()) + "。", value,
                    bounds.min(), "ratio", source, related, candidate.planar()));
        }
        if (bounds.max() != null && value > bounds.max()) {
            return List.of(Finding.error(id, "The proposed " + nameEn + " " + Check.percent(value)
                    + " is above the maximum " + Check.percent(bounds.max()) + " for industrial land.", "拟定" + nameZh
                    + " " + Check.percent(value) + " 高于工业用地上限 " + Check.percent(bounds.max()) + "。", value,
                    bounds.max(), "ratio", source, related, candidate.planar()));
        }
        return List.of();
    }
}
