package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code pledge.minimum}: an enterprise taking "standard land" (标准地) pledges at least the zone's minimum investment
 * intensity and tax per mu (万元/亩), as the rule book sets them. Facilities are not bound by pledges; a candidate
 * without pledges (a site check) is not checked.
 */
final class PledgeRule implements Rule {

    static final String ID = "pledge.minimum";

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
        Candidate.Pledges pledged = check.candidate().pledges();
        ZoneRules zone = check.zoneRules().orElse(null);
        if (pledged == null || zone == null || zone.pledges() == null
                || !"enterprise".equals(check.candidate().allotteeType())) {
            return List.of();
        }
        ZoneRules.Pledges minimum = zone.pledges();
        List<Finding> findings = new ArrayList<>();
        compare(check, findings, "investment intensity", "投资强度", pledged.investmentWanYuanPerMu(),
                minimum.investmentWanYuanPerMuMin(), minimum, zone);
        compare(check, findings, "tax per mu", "亩均税收", pledged.taxWanYuanPerMu(), minimum.taxWanYuanPerMuMin(),
                minimum, zone);
        return findings;
    }

    private static void compare(Check check, List<Finding> findings, String nameEn, String nameZh, Double pledged,
            double minimum, ZoneRules.Pledges rules, ZoneRules zone) {
        String source = check.source(rules.source());
        if (pledged == null) {
            findings.add(Finding.error(ID, "An enterprise in zone " + zone.id() + " must pledge its " + nameEn
                    + " (at least " + Check.format(minimum) + " 万元/亩).", "功能区“" + zone.nameZh() + "”的企业须承诺"
                    + nameZh + "（不低于 " + Check.format(minimum) + " 万元/亩）。", null, minimum, "万元/亩", source,
                    List.of(zone.id()), null));
        } else if (pledged < minimum) {
            findings.add(Finding.error(ID, "The pledged " + nameEn + " of " + Check.format(pledged)
                    + " 万元/亩 is below the zone's minimum of " + Check.format(minimum) + " 万元/亩.", "承诺" + nameZh
                    + " " + Check.format(pledged) + " 万元/亩，低于本功能区标准 " + Check.format(minimum) + " 万元/亩。",
                    pledged, minimum, "万元/亩", source, List.of(zone.id()), null));
        }
    }
}
