package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.rules.RuleFixtures.BOOK;
import static org.qiluvalley.planner.rules.RuleFixtures.INFRASTRUCTURE;
import static org.qiluvalley.planner.rules.RuleFixtures.LASER;
import static org.qiluvalley.planner.rules.RuleFixtures.drawn;
import static org.qiluvalley.planner.rules.RuleFixtures.existing;
import static org.qiluvalley.planner.rules.RuleFixtures.only;
import static org.qiluvalley.planner.rules.RuleFixtures.parcel;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;
import static org.qiluvalley.planner.rules.RuleFixtures.wkt;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.PlanningIndicators;

/**
 * The {@code indicator.*} rules (far, coverage, green, height) against laser-industry's limits: FAR 1.0..2.5,
 * coverage 0.40..0.60, green ratio 0.10..0.20 (the park plan's illustrative ranges), height at most 50 m. For an
 * existing parcel its own planning conditions tighten the range.
 */
class IndicatorRuleTest {

    private static final String PLAN = BOOK.sourceTitle("park-plan-illustrative");
    private static final String PARK = BOOK.sourceTitle("park-plan-illustrative");
    private static final String TIGHT = "LI-010";
    private static final String LOOSE = "LI-011";

    private final Polygon outline = rect(600, 100, 700, 200);
    private final Parcel tight = parcel(TIGHT, LASER, ParcelStatus.AVAILABLE,
            new PlanningIndicators(1.2, 2.0, 0.45, 0.55, 0.12, 0.18, 40, 5), rect(600, 400, 700, 500));
    private final Parcel loose = parcel(LOOSE, LASER, ParcelStatus.AVAILABLE,
            new PlanningIndicators(0.5, 3.0, 0.2, 0.8, 0.05, 0.3, 80, 5), rect(700, 400, 800, 500));
    private final InMemorySiteContext site = RuleFixtures.standardWorld().parcel(tight).parcel(loose).build();

    private static Candidate.ProposedIndicators proposed(Double far, Double coverage, Double green, Double height) {
        return new Candidate.ProposedIndicators(far, coverage, green, height);
    }

    private List<Finding> check(IndicatorRule rule, Candidate candidate) {
        return RuleFixtures.check(rule, candidate, site);
    }

    private List<Finding> checkAll(Candidate candidate) {
        return List.of(IndicatorRule.far(), IndicatorRule.coverage(), IndicatorRule.green(), IndicatorRule.height())
                .stream().flatMap(rule -> check(rule, candidate).stream()).toList();
    }

    @Test
    void haveTheirIdsAndRunOnInvalidGeometry() {
        assertThat(List.of(IndicatorRule.far(), IndicatorRule.coverage(), IndicatorRule.green(), IndicatorRule.height()))
                .extracting(Rule::id)
                .containsExactly("indicator.far", "indicator.coverage", "indicator.green", "indicator.height");
        assertThat(IndicatorRule.far().needsValidGeometry()).isFalse();
        assertThat(IndicatorRule.height().needsValidGeometry()).isFalse();
    }

    @Test
    void indicatorsInRangePass() {
        assertThat(checkAll(drawn(outline, LASER, proposed(1.5, 0.5, 0.15, 30.0)))).isEmpty();
    }

    @Test
    void theBoundsAreInclusive() {
        assertThat(checkAll(drawn(outline, LASER, proposed(1.0, 0.4, 0.1, 50.0)))).isEmpty();
        assertThat(checkAll(drawn(outline, LASER, proposed(2.5, 0.6, 0.2, 0.0)))).isEmpty();
    }

    @Test
    void anAbsentIndicatorIsNotChecked() {
        assertThat(checkAll(drawn(outline, LASER, Candidate.ProposedIndicators.NONE))).isEmpty();
        assertThat(checkAll(drawn(outline, LASER, null))).isEmpty();
        // Only the proposed FAR is checked; the absent ones are not (and would not be taken as zero).
        assertThat(checkAll(drawn(outline, LASER, proposed(3.0, null, null, null))))
                .extracting(Finding::rule).containsExactly("indicator.far");
    }

    @Test
    void aZoneWithoutLimitsIsNotChecked() {
        assertThat(checkAll(drawn(outline, INFRASTRUCTURE, proposed(9.0, 0.99, 0.0, 500.0)))).isEmpty();
        assertThat(checkAll(drawn(outline, "no-such-zone", proposed(9.0, 0.99, 0.0, 500.0)))).isEmpty();
    }

    @Test
    void indicatorsAreCheckedOnABrokenOutline() {
        Candidate broken = drawn(wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"), LASER, proposed(0.6, null, null, null));
        assertThat(only(check(IndicatorRule.far(), broken)).limit()).isEqualTo(1.0);
    }

    @Nested
    class WhenAnIndicatorIsOutOfTheZonesRange {

        @Test
        void farBelowTheMinimumFails() {
            Finding finding = only(check(IndicatorRule.far(), drawn(outline, LASER, proposed(0.6, null, null, null))));
            assertThat(finding.rule()).isEqualTo("indicator.far");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isEqualTo(0.6);
            assertThat(finding.limit()).isEqualTo(1.0);
            assertThat(finding.unit()).isEqualTo("ratio");
            assertThat(finding.source()).isEqualTo(PLAN);
            assertThat(finding.related()).containsExactly(LASER);
            assertThat(finding.message()).contains("below the minimum 1");
            assertThat((Object) finding.planar()).isSameAs(outline);
            assertThat(finding.planar().getArea()).isEqualTo(10_000.0);
        }

        @Test
        void farAboveTheMaximumFails() {
            Finding finding = only(check(IndicatorRule.far(), drawn(outline, LASER, proposed(2.6, null, null, null))));
            assertThat(finding.rule()).isEqualTo("indicator.far");
            assertThat(finding.measured()).isEqualTo(2.6);
            assertThat(finding.limit()).isEqualTo(2.5);
            assertThat(finding.unit()).isEqualTo("ratio");
            assertThat(finding.message()).contains("above the maximum 2.5");
        }

        @Test
        void coverageBelowTheIndustrialMinimumFails() {
            Finding finding = only(check(IndicatorRule.coverage(),
                    drawn(outline, LASER, proposed(null, 0.35, null, null))));
            assertThat(finding.rule()).isEqualTo("indicator.coverage");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isEqualTo(0.35);
            assertThat(finding.limit()).isEqualTo(0.4);
            assertThat(finding.unit()).isEqualTo("ratio");
            assertThat(finding.source()).isEqualTo(PLAN);
            assertThat(finding.related()).containsExactly(LASER);
        }

        @Test
        void coverageAboveTheMaximumFails() {
            Finding finding = only(check(IndicatorRule.coverage(),
                    drawn(outline, LASER, proposed(null, 0.65, null, null))));
            assertThat(finding.measured()).isEqualTo(0.65);
            assertThat(finding.limit()).isEqualTo(0.6);
            assertThat(finding.message()).contains("65% is above the maximum 60%");
        }

        @Test
        void greenRatioBelowTheMinimumFails() {
            Finding finding = only(check(IndicatorRule.green(), drawn(outline, LASER, proposed(null, null, 0.05, null))));
            assertThat(finding.rule()).isEqualTo("indicator.green");
            assertThat(finding.measured()).isEqualTo(0.05);
            assertThat(finding.limit()).isEqualTo(0.1);
            assertThat(finding.unit()).isEqualTo("ratio");
            assertThat(finding.related()).containsExactly(LASER);
            // Read as the user typed it: a percent, not the fraction 0.05.
            assertThat(finding.message()).contains("green ratio 5% is below the minimum 10%");
            assertThat(finding.messageZh()).contains("绿地率 5% 低于下限 10%");
        }

        @Test
        void greenRatioAboveTheIndustrialMaximumFails() {
            Finding finding = only(check(IndicatorRule.green(), drawn(outline, LASER, proposed(null, null, 0.25, null))));
            assertThat(finding.rule()).isEqualTo("indicator.green");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isEqualTo(0.25);
            assertThat(finding.limit()).isEqualTo(0.2);
            assertThat(finding.source()).isEqualTo(PLAN);
        }

        @Test
        void heightAboveTheMaximumFailsInMetres() {
            Finding finding = only(check(IndicatorRule.height(), drawn(outline, LASER, proposed(null, null, null, 55.0))));
            assertThat(finding.rule()).isEqualTo("indicator.height");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isEqualTo(55.0);
            assertThat(finding.limit()).isEqualTo(50.0);
            assertThat(finding.unit()).isEqualTo("m");
            assertThat(finding.source()).isEqualTo(PARK);
            assertThat(finding.related()).containsExactly(LASER);
        }

        @Test
        void everyOutOfRangeIndicatorGetsItsOwnFinding() {
            assertThat(checkAll(drawn(outline, LASER, proposed(0.6, 0.7, 0.3, 60.0))))
                    .extracting(Finding::rule, Finding::measured, Finding::limit)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("indicator.far", 0.6, 1.0),
                            org.assertj.core.groups.Tuple.tuple("indicator.coverage", 0.7, 0.6),
                            org.assertj.core.groups.Tuple.tuple("indicator.green", 0.3, 0.2),
                            org.assertj.core.groups.Tuple.tuple("indicator.height", 60.0, 50.0));
        }
    }

    @Nested
    class WhenTheParcelsOwnConditionsAreTighter {

        private final String parcelSource = "planning conditions of parcel " + TIGHT + " (地块规划条件)";

        @Test
        void aFarWithinTheZoneButAboveTheParcelsMaximumFails() {
            // Zone max 2.5, parcel farMax 2.0: 2.2 fails against 2.0.
            Finding finding = only(check(IndicatorRule.far(), existing(tight, proposed(2.2, null, null, null))));
            assertThat(finding.rule()).isEqualTo("indicator.far");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.measured()).isEqualTo(2.2);
            assertThat(finding.limit()).isEqualTo(2.0);
            assertThat(finding.unit()).isEqualTo("ratio");
            assertThat(finding.source()).isEqualTo(parcelSource);
            assertThat(finding.related()).containsExactly(LASER, TIGHT);
            assertThat(finding.planar().getArea()).isCloseTo(10_000.0, within(1e-6));
        }

        @Test
        void aFarWithinTheZoneButBelowTheParcelsMinimumFails() {
            Finding finding = only(check(IndicatorRule.far(), existing(tight, proposed(1.1, null, null, null))));
            assertThat(finding.measured()).isEqualTo(1.1);
            assertThat(finding.limit()).isEqualTo(1.2);
            assertThat(finding.source()).isEqualTo(parcelSource);
            assertThat(finding.related()).containsExactly(LASER, TIGHT);
        }

        @Test
        void theParcelsHeightLimitApplies() {
            Finding finding = only(check(IndicatorRule.height(), existing(tight, proposed(null, null, null, 45.0))));
            assertThat(finding.measured()).isEqualTo(45.0);
            assertThat(finding.limit()).isEqualTo(40.0);
            assertThat(finding.unit()).isEqualTo("m");
            assertThat(finding.source()).isEqualTo(parcelSource);
        }

        @Test
        void theParcelsCoverageAndGreenRangesApply() {
            assertThat(only(check(IndicatorRule.coverage(), existing(tight, proposed(null, 0.42, null, null)))).limit())
                    .isEqualTo(0.45);
            assertThat(only(check(IndicatorRule.green(), existing(tight, proposed(null, null, 0.19, null)))).limit())
                    .isEqualTo(0.18);
        }

        @Test
        void theSameProposalPassesOnADrawnSiteOrWithinTheParcelsRange() {
            assertThat(check(IndicatorRule.far(), drawn(tight.planar(), LASER, proposed(2.2, null, null, null))))
                    .isEmpty();
            assertThat(checkAll(existing(tight, proposed(1.5, 0.5, 0.15, 30.0)))).isEmpty();
        }

        @Test
        void looserParcelConditionsDoNotLoosenTheZonesRange() {
            Finding high = only(check(IndicatorRule.far(), existing(loose, proposed(2.8, null, null, null))));
            assertThat(high.limit()).isEqualTo(2.5);
            assertThat(high.source()).isEqualTo(PLAN);
            assertThat(high.related()).containsExactly(LASER, LOOSE);
            Finding low = only(check(IndicatorRule.far(), existing(loose, proposed(0.8, null, null, null))));
            assertThat(low.limit()).isEqualTo(1.0);
            Finding tall = only(check(IndicatorRule.height(), existing(loose, proposed(null, null, null, 60.0))));
            assertThat(tall.limit()).isEqualTo(50.0);
        }
    }
}
