package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiluvalley.planner.rules.RuleFixtures.BOOK;
import static org.qiluvalley.planner.rules.RuleFixtures.LASER;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

/**
 * {@code indicator.admin-share} (at most 0.07) and {@code indicator.building-coefficient} (at least 0.30) on
 * industrial land (land-use codes 10...), with the limits of the rule book's {@code industrialLand} section.
 */
class IndustrialLandRuleTest {

    private static final String SOURCE = BOOK.sourceTitle("industrial-land-indicators");

    private final InMemorySiteContext site = RuleFixtures.standardSite();
    private final Polygon outline = rect(600, 530, 700, 630);

    private List<Finding> check(Rule rule, String landUse, Double adminShare, Double buildingCoefficient) {
        Candidate candidate = new Candidate(null, outline, LASER, landUse,
                new Candidate.ProposedIndicators(null, null, null, null, adminShare, buildingCoefficient), "enterprise");
        return RuleFixtures.check(rule, candidate, site);
    }

    @Test
    void haveTheirIdsAndRunOnInvalidGeometry() {
        assertThat(List.of(IndustrialLandRule.adminShare(), IndustrialLandRule.buildingCoefficient()))
                .extracting(Rule::id, Rule::needsValidGeometry)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("indicator.admin-share", false),
                        org.assertj.core.groups.Tuple.tuple("indicator.building-coefficient", false));
    }

    @Test
    void valuesWithinTheLimitsPass() {
        assertThat(check(IndustrialLandRule.adminShare(), "100101", 0.07, null)).isEmpty();
        assertThat(check(IndustrialLandRule.adminShare(), "100101", 0.0, null)).isEmpty();
        assertThat(check(IndustrialLandRule.buildingCoefficient(), "100101", null, 0.30)).isEmpty();
        assertThat(check(IndustrialLandRule.buildingCoefficient(), "100101", null, 0.55)).isEmpty();
    }

    @Test
    void notProposedOrNotIndustrialIsNotChecked() {
        assertThat(check(IndustrialLandRule.adminShare(), "100101", null, null)).isEmpty();
        assertThat(check(IndustrialLandRule.buildingCoefficient(), "100101", null, null)).isEmpty();
        assertThat(check(IndustrialLandRule.adminShare(), "0802", 0.5, null)).as("research land").isEmpty();
        assertThat(check(IndustrialLandRule.buildingCoefficient(), "1101", null, 0.1)).as("logistics").isEmpty();
    }

    @Nested
    @DisplayName("outside the industrial-land limits")
    class Fails {

        @Test
        void anAdminShareOfEightPercent() {
            List<Finding> findings = check(IndustrialLandRule.adminShare(), "100101", 0.08, null);
            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding.rule()).isEqualTo("indicator.admin-share");
            assertThat(finding.isError()).isTrue();
            assertThat(finding.measured()).isEqualTo(0.08);
            assertThat(finding.limit()).isEqualTo(0.07);
            assertThat(finding.unit()).isEqualTo("ratio");
            assertThat(finding.source()).isEqualTo(SOURCE).contains("工业项目建设用地控制指标");
            assertThat(finding.related()).containsExactly(LASER);
            assertThat(finding.message()).isEqualTo("The proposed share of administrative office and living-service "
                    + "facilities 8% is above the maximum 7% for industrial land.");
            assertThat(finding.messageZh()).isEqualTo("拟定行政办公及生活服务设施用地所占比重 8% 高于工业用地上限 7%。");
        }

        @Test
        void aBuildingCoefficientOfTwentyFivePercent() {
            List<Finding> findings = check(IndustrialLandRule.buildingCoefficient(), "100101", null, 0.25);
            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding.rule()).isEqualTo("indicator.building-coefficient");
            assertThat(finding.measured()).isEqualTo(0.25);
            assertThat(finding.limit()).isEqualTo(0.30);
            assertThat(finding.unit()).isEqualTo("ratio");
            assertThat(finding.source()).isEqualTo(SOURCE);
            assertThat(finding.message()).isEqualTo("The proposed building coefficient 25% is below the minimum 30% "
                    + "for industrial land.");
            assertThat(finding.messageZh()).isEqualTo("拟定建筑系数 25% 低于工业用地下限 30%。");
        }
    }

    @Test
    void aRuleBookWithoutTheSectionChecksNothing() throws Exception {
        String yaml = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("gis-data", "zoning-rules.yaml")),
                java.nio.charset.StandardCharsets.UTF_8);
        String without = yaml.replaceAll("(?m)^industrialLand:\\n(  .*\\n)+", "");
        assertThat(without).doesNotContain("industrialLand:");
        ZoningRuleBook book = ZoningRuleBook.load(new java.io.ByteArrayInputStream(
                without.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "zoning-rules.yaml");
        Candidate candidate = new Candidate(null, outline, LASER, "100101",
                new Candidate.ProposedIndicators(null, null, null, null, 0.5, 0.0), "enterprise");
        assertThat(IndustrialLandRule.adminShare().check(new Check(candidate, site, book))).isEmpty();
    }
}
