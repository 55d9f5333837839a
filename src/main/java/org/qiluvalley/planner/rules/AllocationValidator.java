package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the rule book over one candidate allocation: every rule, in a fixed order, returning all findings. When the
 * outline itself is invalid only the rules that do not measure it run (a broken polygon has no area to overlap).
 */
public final class AllocationValidator {

    /** The rules in the order their findings are reported. */
    public static final List<Rule> RULES = List.of(new GeometryValidRule(), new ValleyContainsRule(),
            new ZoneContainsRule(), new ParcelOverlapRule(), new RedLineRule(), new UrbanDevelopmentBoundaryRule(),
            new CorridorRule(), new RoadAccessRule(), new LandUsePermittedRule(), new ParcelAreaRule(),
            IndicatorRule.far(), IndicatorRule.coverage(), IndicatorRule.green(), IndicatorRule.height(),
            new ZoneCapacityRule(), new ParcelStatusRule(), new SliverGapRule());

    private final ZoningRuleBook book;
    private final List<Rule> rules;

    public AllocationValidator(ZoningRuleBook book) {
        this(book, RULES);
    }

    AllocationValidator(ZoningRuleBook book, List<Rule> rules) {
        this.book = book;
        this.rules = rules;
    }

    /** All findings for the candidate in its site context; no error finding means the allocation is valid. */
    public List<Finding> validate(Candidate candidate, SiteContext site) {
        Check check = new Check(candidate, site, book);
        List<Finding> findings = new ArrayList<>();
        boolean geometryUsable = true;
        for (Rule rule : rules) {
            if (rule.needsValidGeometry() && !geometryUsable) {
                continue;
            }
            List<Finding> found = rule.check(check);
            if (rule.id().equals(GeometryValidRule.ID) && found.stream().anyMatch(Finding::isError)) {
                geometryUsable = false;
            }
            findings.addAll(found);
        }
        return findings;
    }

    public static boolean isValid(List<Finding> findings) {
        return findings.stream().noneMatch(Finding::isError);
    }

    /** The ids of every rule, in report order. */
    public static List<String> ruleIds() {
        return RULES.stream().map(Rule::id).toList();
    }
}
