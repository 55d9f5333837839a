package org.qiluvalley.planner.parcel;

/**
 * A parcel's planning conditions (控制指标) as set by the plan.
 *
 * @param farMin floor area ratio minimum (容积率)
 * @param farMax floor area ratio maximum
 * @param coverageMin building coverage minimum, fraction of the parcel area (建筑密度)
 * @param coverageMax building coverage maximum, fraction
 * @param greenRatioMin green ratio minimum, fraction (绿地率)
 * @param greenRatioMax green ratio maximum, fraction
 * @param heightMaxMetres building height limit, metres
 * @param setbackMetres building setback from the road red line, metres (建筑退线)
 */
public record PlanningIndicators(double farMin, double farMax, double coverageMin, double coverageMax,
        double greenRatioMin, double greenRatioMax, double heightMaxMetres, double setbackMetres) {
}
