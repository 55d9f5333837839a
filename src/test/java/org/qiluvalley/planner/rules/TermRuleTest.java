package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiluvalley.planner.rules.RuleFixtures.LASER;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code allocation.term}: the term may not exceed the statutory maximum for the land use's category (art. 12 of the
 * 1990 Provisional Regulations), one table shared with the planning-conditions letter ({@link LeaseTerms}).
 */
class TermRuleTest {

    private final InMemorySiteContext site = RuleFixtures.standardSite();

    private List<Finding> check(String landUse, Integer years) {
        Candidate candidate = new Candidate(null, rect(600, 530, 700, 630), LASER, landUse,
                Candidate.ProposedIndicators.NONE, "enterprise", null, years);
        return RuleFixtures.check(new TermRule(), candidate, site);
    }

    @Test
    void hasItsIdAndRunsOnInvalidGeometry() {
        assertThat(new TermRule().id()).isEqualTo("allocation.term");
        assertThat(new TermRule().needsValidGeometry()).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1} years")
    @CsvSource({"090104, 40", "0902, 40", "100101, 50", "0802, 50", "1101, 50", "070101, 70", "090104, 1"})
    void aTermWithinTheMaximumPasses(String landUse, int years) {
        assertThat(check(landUse, years)).isEmpty();
    }

    @Test
    void noTermIsNotChecked() {
        assertThat(check("090104", null)).isEmpty();
    }

    @Test
    void theTableHasTheFiveCategoriesOfArticleTwelve() {
        assertThat(LeaseTerms.forLandUse("070101")).isEqualTo(new LeaseTerms.Term(70, "residential", "居住用地"));
        assertThat(LeaseTerms.forLandUse("100101").maxYears()).isEqualTo(50);
        assertThat(LeaseTerms.forLandUse("0802").maxYears()).isEqualTo(50);
        assertThat(LeaseTerms.forLandUse("090104").maxYears()).isEqualTo(40);
        assertThat(LeaseTerms.forLandUse("1207").categoryEn()).isEqualTo("comprehensive or other");
        assertThat(LeaseTerms.LONGEST_YEARS).isEqualTo(70);
        assertThat(LeaseTerms.SOURCE).contains("城镇国有土地使用权出让和转让暂行条例", "第十二条");
    }

    @Nested
    @DisplayName("a term beyond the maximum for the land use fails")
    class Fails {

        @Test
        void aHotelForFiftyYears() {
            List<Finding> findings = check("090104", 50);
            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding.rule()).isEqualTo("allocation.term");
            assertThat(finding.isError()).isTrue();
            assertThat(finding.measured()).isEqualTo(50.0);
            assertThat(finding.limit()).isEqualTo(40.0);
            assertThat(finding.unit()).isEqualTo("years");
            assertThat(finding.source()).isEqualTo(LeaseTerms.SOURCE);
            assertThat(finding.message()).isEqualTo("The proposed term of 50 years exceeds the maximum of 40 years for "
                    + "commerce, tourism and entertainment land (land use 090104).");
            assertThat(finding.messageZh()).isEqualTo("拟定出让年限 50 年，超过商业、旅游、娱乐用地出让最高年限 40 年（用地代码 090104）。");
        }

        @Test
        void businessAndFinanceForFortyOneYears() {
            assertThat(check("0902", 41)).extracting(Finding::measured, Finding::limit)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(41.0, 40.0));
        }

        @Test
        void industryForFiftyOneYears() {
            assertThat(check("100101", 51)).extracting(Finding::measured, Finding::limit)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(51.0, 50.0));
        }
    }
}
