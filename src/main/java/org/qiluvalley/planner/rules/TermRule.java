package org.qiluvalley.planner.rules;

import java.util.List;

/**
 * {@code allocation.term}: the proposed term of the land-use right is no longer than the statutory maximum for the
 * category of its land use ({@link LeaseTerms}: a hotel or an office block 40 years, industry 50). A candidate
 * without a term (a site check that does not give one) is not checked.
 */
final class TermRule implements Rule {

    static final String ID = "allocation.term";

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
        Integer years = check.candidate().termYears();
        String landUse = check.candidate().landUse();
        if (years == null || landUse == null) {
            return List.of();
        }
        LeaseTerms.Term term = LeaseTerms.forLandUse(landUse);
        if (years <= term.maxYears()) {
            return List.of();
        }
        return List.of(Finding.error(ID, "The proposed term of " + years + " years exceeds the maximum of "
                + term.maxYears() + " years for " + term.categoryEn() + " land (land use " + landUse + ").",
                "拟定出让年限 " + years + " 年，超过" + term.categoryZh() + "出让最高年限 " + term.maxYears() + " 年（用地代码 "
                        + landUse + "）。", (double) years, (double) term.maxYears(), "years", LeaseTerms.SOURCE,
                List.of(), null));
    }
}
