package org.qiluvalley.planner.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.rules.Candidate;
import org.qiluvalley.planner.rules.Finding;

/**
 * The review at full production (达产) held against the standard-land pledges: the investment and the yearly tax
 * reported are divided by the parcel's area in mu and compared with the pledges (万元/亩). One finding per pledge
 * made: {@code pledge.investment}, {@code pledge.tax}, an error below the pledge and info at or above it, with the
 * per-mu value measured, the pledge as limit, and the percent achieved in the result beside them. A pledge not made
 * (a facility) gives no finding and no percent.
 */
final class PledgeReview {

    private static final String UNIT = "万元/亩";
    private static final String SOURCE = "the allottee's standard-land pledge (标准地承诺), in the allocation";

    /** The outcome: per-mu figures, percent of each pledge achieved (null when not pledged), and the findings. */
    record Result(double investmentWanYuanPerMu, double taxWanYuanPerMu, Double investmentPercent,
            Double taxPercent, List<Finding> findings) {
    }

    private PledgeReview() {
    }

    /** The area in mu of an area in m² (EPSG:4548). */
    static double mu(double squareMetres) {
        return squareMetres / Crs.SQUARE_METRES_PER_MU;
    }

    static Result of(String parcelId, Candidate.Pledges pledges, Allocation.Review review) {
        double investmentPerMu = review.investmentWanYuan() / review.areaMu();
        double taxPerMu = review.taxWanYuanPerYear() / review.areaMu();
        List<Finding> findings = new ArrayList<>();
        Double investmentPercent = compare(findings, "pledge.investment", "investment", "投资强度", investmentPerMu,
                pledges.investmentWanYuanPerMu(), parcelId);
        Double taxPercent = compare(findings, "pledge.tax", "yearly tax", "亩均税收", taxPerMu,
                pledges.taxWanYuanPerMu(), parcelId);
        return new Result(investmentPerMu, taxPerMu, investmentPercent, taxPercent, findings);
    }

    private static Double compare(List<Finding> findings, String rule, String what, String whatZh, double measured,
            Double pledge, String parcelId) {
        if (pledge == null) {
            return null;
        }
        Double percent = pledge == 0 ? null : 100 * measured / pledge;
        String achieved = percent == null ? "" : String.format(Locale.ROOT, " (%.1f%%)", percent);
        if (measured < pledge) {
            findings.add(Finding.error(rule, String.format(Locale.ROOT, "%s of %.2f 万元/亩 is below the pledge of "
                    + "%.2f 万元/亩%s", capitalised(what), measured, pledge, achieved),
                    String.format(Locale.ROOT, "%s %.2f 万元/亩，低于承诺的 %.2f 万元/亩%s", whatZh, measured, pledge,
                            achieved), measured, pledge, UNIT, SOURCE, List.of(parcelId), null));
        } else {
            findings.add(Finding.info(rule, String.format(Locale.ROOT, "%s of %.2f 万元/亩 meets the pledge of "
                    + "%.2f 万元/亩%s", capitalised(what), measured, pledge, achieved),
                    String.format(Locale.ROOT, "%s %.2f 万元/亩，达到承诺的 %.2f 万元/亩%s", whatZh, measured, pledge,
                            achieved), measured, pledge, UNIT, SOURCE, List.of(parcelId), null));
        }
        return percent;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
