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
            IndustrialLandRule.adminShare(), IndustrialLandRule.buildingCoefficient(), new ZoneCapacityRule(),
            new PledgeRule(), new TermRule(), new ParcelStatusRule(), new SliverGapRule());

    /** The indicator rules, which check proposed values against the zone (and an existing parcel's conditions). */
    private static final java.util.Set<String> INDICATOR_RULES = java.util.Set.of("indicator.far",
            "indicator.coverage", "indicator.green", "indicator.height", IndustrialLandRule.ADMIN_SHARE,
            IndustrialLandRule.BUILDING_COEFFICIENT);
    /** Rules about allocating land, not about drawing the plan: a parcel edit skips them. */
    private static final java.util.Set<String> ALLOCATION_ONLY = java.util.Set.of(ParcelStatusRule.ID,
            ZoneCapacityRule.ID, PledgeRule.ID, TermRule.ID);

    private final ZoningRuleBook book;
    private final List<Rule> rules;

    public AllocationValidator(ZoningRuleBook book) {
        this(book, RULES);
    }

    AllocationValidator(ZoningRuleBook book, List<Rule> rules) {
        this.book = book;
        this.rules = rules;
    }

    /**
     * The rules a parcel edit (create, replace) must pass: geometry, containment, overlap, control lines, access,
     * land use, area and the sliver warning; not the indicator rules (see {@link #indicatorsOnly}) nor the rules
     * about allocating land (status, zone capacity, pledges, term).
     */
    public static AllocationValidator forParcelEdits(ZoningRuleBook book) {
        return new AllocationValidator(book, RULES.stream()
                .filter(r -> !ALLOCATION_ONLY.contains(r.id()) && !INDICATOR_RULES.contains(r.id())).toList());
    }

    /** Only the {@code indicator.*} rules: for checking a parcel's planning conditions against its zone. */
    public static AllocationValidator indicatorsOnly(ZoningRuleBook book) {
        return new AllocationValidator(book, RULES.stream().filter(r -> INDICATOR_RULES.contains(r.id())).toList());
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

    /**
     * The {@code parcel.status} finding as the public may read it: the parcel is not available, without saying
     * whether it is reserved or allocated.
     */
    public static Finding notAvailable(org.qiluvalley.planner.parcel.Parcel parcel) {
        return ParcelStatusRule.notAvailable(parcel);
    }

    public static boolean isValid(List<Finding> findings) {
        return findings.stream().noneMatch(Finding::isError);
    }

    /** The ids of every rule, in report order. */
    public static List<String> ruleIds() {
        return RULES.stream().map(Rule::id).toList();
    }
}
