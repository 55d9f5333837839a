package org.qiluvalley.planner.rules;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;

import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.PlanningIndicators;

/**
 * The {@code indicator.*} rules: a proposed indicator lies within the zone's limits (rule book) and, for an
 * existing parcel, within that parcel's own planning conditions; the stricter bound applies. An indicator that is
 * not proposed is not checked.
 */
final class IndicatorRule implements Rule {

    private final String id;
    private final String nameEn;
    private final String nameZh;
    private final String unit;
    private final Function<Candidate.ProposedIndicators, Double> proposed;
    private final Function<ZoneRules, Limit> zoneLimit;
    private final Function<PlanningIndicators, Double> parcelMin;
    private final Function<PlanningIndicators, Double> parcelMax;
    /** How a value reads in a message: as the user typed it (a percent for a fraction, metres with "m"). */
    private final DoubleFunction<String> shown;

    private IndicatorRule(String id, String nameEn, String nameZh, String unit,
            Function<Candidate.ProposedIndicators, Double> proposed, Function<ZoneRules, Limit> zoneLimit,
            Function<PlanningIndicators, Double> parcelMin, Function<PlanningIndicators, Double> parcelMax,
            DoubleFunction<String> shown) {
        this.shown = shown;
        this.id = id;
        this.nameEn = nameEn;
        this.nameZh = nameZh;
        this.unit = unit;
        this.proposed = proposed;
        this.zoneLimit = zoneLimit;
        this.parcelMin = parcelMin;
        this.parcelMax = parcelMax;
    }

    /** {@code indicator.far}: floor area ratio (容积率). */
    static IndicatorRule far() {
        return new IndicatorRule("indicator.far", "FAR", "容积率", "ratio", Candidate.ProposedIndicators::far,
                ZoneRules::far, PlanningIndicators::farMin, PlanningIndicators::farMax, Check::format);
    }

    /** {@code indicator.coverage}: building coverage (建筑密度), a fraction. */
    static IndicatorRule coverage() {
        return new IndicatorRule("indicator.coverage", "building coverage", "建筑密度", "ratio",
                Candidate.ProposedIndicators::coverage, ZoneRules::coverage, PlanningIndicators::coverageMin,
                PlanningIndicators::coverageMax, Check::percent);
    }

    /** {@code indicator.green}: green ratio (绿地率), a fraction. */
    static IndicatorRule green() {
        return new IndicatorRule("indicator.green", "green ratio", "绿地率", "ratio",
                Candidate.ProposedIndicators::greenRatio, ZoneRules::greenRatio, PlanningIndicators::greenRatioMin,
                PlanningIndicators::greenRatioMax, Check::percent);
    }

    /** {@code indicator.height}: building height, metres (maximum only). */
    static IndicatorRule height() {
        return new IndicatorRule("indicator.height", "building height", "建筑高度", "m",
                Candidate.ProposedIndicators::heightMetres, ZoneRules::heightMaxMetres, i -> null,
                PlanningIndicators::heightMaxMetres, metres -> Check.format(metres) + " m");
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
        Candidate.ProposedIndicators indicators = check.candidate().indicators();
        Double value = indicators == null ? null : proposed.apply(indicators);
        ZoneRules zone = check.zoneRules().orElse(null);
        if (value == null || zone == null || zoneLimit.apply(zone) == null) {
            return List.of();
        }
        Limit limit = zoneLimit.apply(zone);
        Double min = limit.min();
        Double max = limit.max();
        String source = check.source(limit.source());
        String minSource = source;
        String maxSource = source;
        Parcel parcel = check.existingParcel().orElse(null);
        if (parcel != null) {
            Double ownMin = parcelMin.apply(parcel.indicators());
            Double ownMax = parcelMax.apply(parcel.indicators());
            if (ownMin != null && (min == null || ownMin > min)) {
                min = ownMin;
                minSource = "planning conditions of parcel " + parcel.id() + " (地块规划条件)";
            }
            if (ownMax != null && (max == null || ownMax < max)) {
                max = ownMax;
                maxSource = "planning conditions of parcel " + parcel.id() + " (地块规划条件)";
            }
        }
        List<String> related = parcel == null ? List.of(zone.id()) : List.of(zone.id(), parcel.id());
        if (min != null && value < min) {
            return List.of(Finding.error(id, "The proposed " + nameEn + " " + shown.apply(value) + " is below the minimum "
                    + shown.apply(min) + ".", "拟定" + nameZh + " " + shown.apply(value) + " 低于下限 " + shown.apply(min)
                    + "。", value, min, unit, minSource, related, check.candidate().planar()));
        }
        if (max != null && value > max) {
            return List.of(Finding.error(id, "The proposed " + nameEn + " " + shown.apply(value) + " is above the maximum "
                    + shown.apply(max) + ".", "拟定" + nameZh + " " + shown.apply(value) + " 高于上限 " + shown.apply(max)
                    + "。", value, max, unit, maxSource, related, check.candidate().planar()));
        }
        return List.of();
    }
}
