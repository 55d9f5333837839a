package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rule book loader: the committed {@code gis-data/zoning-rules.yaml} loads completely, and a malformed rule book
 * is refused with a {@link RuleBookException} naming the file and the offending line.
 */
class ZoningRuleBookTest {

    private static final List<String> ZONE_IDS = List.of("exhibition", "exchange-center", "incubator",
            "research-institute", "laser-industry", "infrastructure");

    @Nested
    @DisplayName("the committed rule book (gis-data/zoning-rules.yaml)")
    class CommittedRuleBook {

        private static ZoningRuleBook book;

        @BeforeAll
        static void load() throws IOException {
            try (InputStream in = Files.newInputStream(Path.of("gis-data", "zoning-rules.yaml"))) {
                book = ZoningRuleBook.load(in, "zoning-rules.yaml");
            }
        }

        @Test
        void hasTheSixZonesInOrder() {
            assertThat(book.zoneIds()).containsExactlyElementsOf(ZONE_IDS);
            assertThat(book.zones().keySet()).containsExactlyElementsOf(ZONE_IDS);
        }

        @Test
        void zonesHaveTheirCategories() {
            assertThat(book.zones().values().stream().filter(z -> z.category() == ZoneCategory.FACILITY)
                    .map(ZoneRules::id)).containsExactly("exhibition", "exchange-center", "incubator", "research-institute");
            assertThat(book.zone("laser-industry").orElseThrow().category()).isEqualTo(ZoneCategory.ENTERPRISE);
            ZoneRules infrastructure = book.zone("infrastructure").orElseThrow();
            assertThat(infrastructure.category()).isEqualTo(ZoneCategory.INFRASTRUCTURE);
            assertThat(infrastructure.allocatable()).isFalse();
            assertThat(infrastructure.far()).as("infrastructure has no indicator limits").isNull();
            assertThat(infrastructure.parcelAreaM2()).isNull();
        }

        @Test
        void listsTheLandUseCodes() {
            assertThat(book.landUseCodes().keySet()).containsExactlyInAnyOrder("100101", "0802", "1101", "080301",
                    "0902", "090104", "1207", "1401", "1402", "1303");
            assertThat(book.landUse("100101")).hasValueSatisfying(code -> {
                assertThat(code.nameEn()).isEqualTo("Class-1 industrial land");
                assertThat(code.nameZh()).isEqualTo("一类工业用地");
            });
            assertThat(book.landUse("9999")).isEmpty();
        }

        @Test
        void everyPermittedLandUseIsAListedCode() {
            for (ZoneRules zone : book.zones().values()) {
                assertThat(zone.permittedLandUses()).as("permitted land uses of %s", zone.id()).isNotEmpty()
                        .allSatisfy(code -> assertThat(book.landUseCodes()).containsKey(code));
            }
        }

        @Test
        void allocatableZonesHaveEveryLimit() {
            for (ZoneRules zone : book.zones().values()) {
                if (!zone.allocatable()) {
                    continue;
                }
                assertThat(zone.parcelAreaM2()).as("%s parcelAreaM2", zone.id()).isNotNull();
                assertThat(zone.far()).as("%s far", zone.id()).isNotNull();
                assertThat(zone.coverage()).as("%s coverage", zone.id()).isNotNull();
                assertThat(zone.greenRatio()).as("%s greenRatio", zone.id()).isNotNull();
                assertThat(zone.heightMaxMetres()).as("%s heightMaxMetres", zone.id()).isNotNull();
                // coverage and green ratio are fractions of the parcel area
                assertThat(zone.coverage().max()).as("%s coverage max", zone.id()).isLessThanOrEqualTo(1.0);
                assertThat(zone.greenRatio().max()).as("%s greenRatio max", zone.id()).isLessThanOrEqualTo(1.0);
            }
        }

        @Test
        void enterpriseLandHasTheParkPlansIllustrativeRangesWithAGreenRatioMaximum() {
            // No national document read states these numbers (gis-data/README.md): they are the park plan's choice.
            ZoneRules enterprise = book.zone("laser-industry").orElseThrow();
            assertThat(enterprise.coverage().min()).isEqualTo(0.40);
            assertThat(enterprise.greenRatio().max()).as("industrial green space is capped").isEqualTo(0.20);
            assertThat(enterprise.far().min()).isEqualTo(1.0);
            assertThat(List.of(enterprise.far().source(), enterprise.coverage().source(),
                    enterprise.greenRatio().source(), enterprise.pledges().source()))
                    .containsOnly("park-plan-illustrative");
            assertThat(enterprise.pledges()).isNotNull();
            assertThat(enterprise.pledges().investmentWanYuanPerMuMin()).isEqualTo(300);
            assertThat(enterprise.pledges().taxWanYuanPerMuMin()).isEqualTo(25);
        }

        @Test
        void industrialLandHasTheNationalAdminShareAndBuildingCoefficient() {
            ZoningRuleBook.IndustrialLand industrial = book.industrialLand().orElseThrow();
            assertThat(industrial.adminShare()).isEqualTo(new Limit(null, 0.07, "industrial-land-indicators"));
            assertThat(industrial.buildingCoefficient()).isEqualTo(new Limit(0.30, null, "industrial-land-indicators"));
            assertThat(ZoningRuleBook.isIndustrial("100101")).isTrue();
            assertThat(ZoningRuleBook.isIndustrial("0802")).isFalse();
            assertThat(ZoningRuleBook.isIndustrial("1101")).as("logistics and warehousing is not class 10").isFalse();
        }

        @Test
        void setbacksAndPledgesAreIllustrative() {
            // No text of Jinan's technical rules or of a Shandong standard-land notice stating them was found.
            assertThat(book.roadSetbacks().source()).isEqualTo("park-plan-illustrative");
            assertThat(book.zone("laser-industry").orElseThrow().pledges().source()).isEqualTo("park-plan-illustrative");
        }

        @Test
        void roadSetbacksAreReadInMetres() {
            ZoningRuleBook.RoadSetbacks setbacks = book.roadSetbacks();
            assertThat(setbacks.arterialMetres()).isEqualTo(10);
            assertThat(setbacks.secondaryMetres()).isEqualTo(8);
            assertThat(setbacks.branchMetres()).isEqualTo(5);
        }

        @Test
        void everySourceKeyResolvesToATitle() {
            List<String> unresolved = new ArrayList<>();
            checkSource(unresolved, "roadSetbacks", book.roadSetbacks().source());
            checkSource(unresolved, "checks", book.checks().source());
            ZoningRuleBook.IndustrialLand industrial = book.industrialLand().orElseThrow();
            checkSource(unresolved, "industrialLand.adminShare", industrial.adminShare().source());
            checkSource(unresolved, "industrialLand.buildingCoefficient", industrial.buildingCoefficient().source());
            for (ZoneRules zone : book.zones().values()) {
                for (Map.Entry<String, Limit> limit : limits(zone).entrySet()) {
                    if (limit.getValue() != null) {
                        checkSource(unresolved, zone.id() + "." + limit.getKey(), limit.getValue().source());
                    }
                }
                if (zone.budgetAreaHa() != null) {
                    checkSource(unresolved, zone.id() + ".budget", zone.budgetSource());
                }
                if (zone.pledges() != null) {
                    checkSource(unresolved, zone.id() + ".pledges", zone.pledges().source());
                }
            }
            assertThat(unresolved).as("sources that do not resolve to a title").isEmpty();
            assertThat(book.sourceTitle("industrial-land-indicators")).contains("工业项目建设用地控制指标");
            assertThat(book.sourceTitle("park-plan-illustrative")).contains("illustrative");
        }

        private static Map<String, Limit> limits(ZoneRules zone) {
            Map<String, Limit> limits = new LinkedHashMap<>();
            limits.put("parcelAreaM2", zone.parcelAreaM2());
            limits.put("far", zone.far());
            limits.put("coverage", zone.coverage());
            limits.put("greenRatio", zone.greenRatio());
            limits.put("heightMaxMetres", zone.heightMaxMetres());
            return limits;
        }

        /** sourceTitle falls back to the key itself, so a resolved source is one whose title differs from its key. */
        private void checkSource(List<String> unresolved, String where, String key) {
            if (key == null || key.isBlank()) {
                unresolved.add(where + ": no source");
                return;
            }
            String title = book.sourceTitle(key);
            if (title == null || title.isBlank() || title.equals(key)) {
                unresolved.add(where + ": source " + key + " has no title");
            }
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("malformed rule books are refused with the file name and line")
    class MalformedRuleBooks {

        /**
         * A small valid rule book. Each malformed case changes one line of it; line numbers in the expected messages
         * are 1-based lines of the modified text.
         */
        private static final String VALID = """
                version: 1
                sources:
                  plan:
                    title: "Park plan"
                  mnr:
                    title: "MNR industrial land standard"
                    note: "illustrative"
                landUseCodes:
                  "100101": { nameEn: "Class-1 industrial land", nameZh: "一类工业用地" }
                  "0802": { nameEn: "Scientific research land", nameZh: "科研用地" }
                  "1207": { nameEn: "Road land", nameZh: "道路用地" }
                roadSetbacks:
                  source: plan
                  arterialMetres: 10
                  secondaryMetres: 8
                  branchMetres: 5
                zones:
                  laser-industry:
                    nameEn: "Enterprise land"
                    nameZh: "企业用地"
                    category: enterprise
                    allocatable: true
                    permittedLandUses: ["100101", "0802"]
                    parcelAreaM2: { min: 5000, max: 100000, source: plan }
                    far: { min: 1.0, max: 2.5, source: mnr }
                    coverage: { min: 0.40, max: 0.60, source: mnr }
                    greenRatio: { min: 0.10, max: 0.20, source: mnr }
                    heightMaxMetres: { max: 50, source: plan }
                  infrastructure:
                    nameEn: "Infrastructure"
                    nameZh: "基础设施"
                    category: infrastructure
                    allocatable: false
                    permittedLandUses: ["1207"]
                checks:
                  source: plan
                  overlapToleranceM2: 0.5
                  containmentToleranceMetres: 0.05
                  roadAccessMaxDistanceMetres: 5
                  sliverMaxWidthMetres: 20
                  maxVertices: 5000
                  maxSiteAreaM2: 2000000
                """;

        private static ZoningRuleBook load(String yaml) {
            return ZoningRuleBook.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
        }

        /** Replaces the one line of {@link #VALID} that contains {@code fragment}; fails if not exactly one does. */
        private static String replaceLine(String fragment, String replacement) {
            List<String> lines = new ArrayList<>(VALID.lines().toList());
            int index = lineIndexOf(lines, fragment);
            lines.set(index, replacement);
            return String.join("\n", lines) + "\n";
        }

        /** Removes the one line of {@link #VALID} that contains {@code fragment}. */
        private static String removeLine(String fragment) {
            List<String> lines = new ArrayList<>(VALID.lines().toList());
            lines.remove(lineIndexOf(lines, fragment));
            return String.join("\n", lines) + "\n";
        }

        private static int lineIndexOf(List<String> lines, String fragment) {
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    hits.add(i);
                }
            }
            assertThat(hits).as("lines of the base rule book containing \"%s\"", fragment).hasSize(1);
            return hits.get(0);
        }

        private static void assertRefused(String yaml, int line, String detail) {
            assertThatThrownBy(() -> load(yaml))
                    .isInstanceOf(RuleBookException.class)
                    .hasMessageContaining("test.yaml line " + line + ":")
                    .hasMessageContaining(detail);
        }

        @Test
        void theBaseRuleBookIsValid() {
            ZoningRuleBook book = load(VALID);
            assertThat(book.zoneIds()).containsExactly("laser-industry", "infrastructure");
            assertThat(book.zone("laser-industry").orElseThrow().far().max()).isEqualTo(2.5);
            assertThat(book.sourceTitle("mnr")).isEqualTo("MNR industrial land standard");
        }

        /** {@link #VALID} with an {@code industrialLand} section appended, as the last top-level key. */
        private static String withIndustrialLand(String section) {
            return VALID + "industrialLand:\n" + section;
        }

        @Test
        void theIndustrialLandSectionIsOptionalAndReadWhenGiven() {
            assertThat(load(VALID).industrialLand()).isEmpty();
            ZoningRuleBook book = load(withIndustrialLand("""
                      adminShare: { max: 0.07, source: mnr }
                      buildingCoefficient: { min: 0.30, source: mnr }
                    """));
            assertThat(book.industrialLand().orElseThrow().adminShare()).isEqualTo(new Limit(null, 0.07, "mnr"));
            assertThat(book.industrialLand().orElseThrow().buildingCoefficient()).isEqualTo(new Limit(0.30, null, "mnr"));
        }

        @Test
        void anIndustrialLandSectionMissingALimitOrItsBoundIsRefused() {
            int first = (int) VALID.lines().count() + 1;
            assertRefused(withIndustrialLand("  adminShare: { max: 0.07, source: mnr }\n"), first + 1,
                    "missing key \"buildingCoefficient\"");
            assertRefused(withIndustrialLand("""
                      adminShare: { min: 0.07, source: mnr }
                      buildingCoefficient: { min: 0.30, source: mnr }
                    """), first + 1, "adminShare needs a max");
            assertRefused(withIndustrialLand("""
                      adminShare: { max: 0.07, source: mnr }
                      buildingCoefficient: { max: 0.30, source: mnr }
                    """), first + 2, "buildingCoefficient needs a min");
        }

        @Test
        void anIndustrialLandLimitThatIsNotAFractionOrHasAnUndeclaredSourceIsRefused() {
            int first = (int) VALID.lines().count() + 1;
            assertRefused(withIndustrialLand("""
                      adminShare: { max: 7, source: mnr }
                      buildingCoefficient: { min: 0.30, source: mnr }
                    """), first + 1, "a ratio is a fraction between 0 and 1");
            assertRefused(withIndustrialLand("""
                      adminShare: { max: 0.07, source: hearsay }
                      buildingCoefficient: { min: 0.30, source: mnr }
                    """), first + 1, "source \"hearsay\" is not declared under sources");
            assertRefused(withIndustrialLand("""
                      adminShare: { max: 0.07, source: mnr }
                      buildingCoefficient: { min: 0.30, source: mnr }
                      greenRatio: { max: 0.2, source: mnr }
                    """), first + 3, "unknown key \"greenRatio\"");
        }

        @Test
        void unknownKeyIsRefusedAtTheKeysLine() {
            // line 22: the key "colour" replaces "allocatable: true" in zone laser-industry
            String yaml = replaceLine("allocatable: true", "    colour: red");
            assertThat(yaml.lines().toList().get(21)).isEqualTo("    colour: red");
            assertRefused(yaml, 22, "unknown key \"colour\"");
        }

        @Test
        void missingFarInAnAllocatableZoneIsRefusedAtTheZonesFirstLine() {
            // The zone mapping starts at its first key, "nameEn" on line 19.
            String yaml = removeLine("far: { min: 1.0");
            assertThat(yaml.lines().toList().get(18)).contains("nameEn: \"Enterprise land\"");
            assertRefused(yaml, 19, "missing key \"far\"");
        }

        @Test
        void minimumAboveMaximumIsRefusedAtTheLimitsLine() {
            String yaml = replaceLine("far: { min: 1.0", "    far: { min: 3.0, max: 2.5, source: mnr }");
            assertRefused(yaml, 25, "far: min 3.0 is above max 2.5");
        }

        @Test
        void undeclaredSourceIsRefusedAtTheSourcesLine() {
            String yaml = replaceLine("heightMaxMetres:", "    heightMaxMetres: { max: 50, source: hearsay }");
            assertRefused(yaml, 28, "source \"hearsay\" is not declared under sources");
        }

        @Test
        void landUseCodeNotListedIsRefusedAtTheCodesLine() {
            // 1101 (logistics) is a real code but this rule book does not list it under landUseCodes
            String yaml = replaceLine("permittedLandUses: [\"100101\"", "    permittedLandUses: [\"100101\", \"1101\"]");
            assertRefused(yaml, 23, "land-use code \"1101\" is not listed under landUseCodes");
        }

        @Test
        void landUseCodeInAMultiLineListIsRefusedAtItsOwnLine() {
            String yaml = replaceLine("permittedLandUses: [\"100101\"",
                    "    permittedLandUses:\n      - \"100101\"\n      - \"1101\"");
            assertRefused(yaml, 25, "land-use code \"1101\" is not listed");
        }

        @Test
        void badYamlSyntaxIsRefusedAtTheProblemLine() {
            // "mapping values are not allowed here": a second ':' in a plain scalar on line 19
            String yaml = replaceLine("nameEn: \"Enterprise land\"", "    nameEn: Enterprise: land");
            assertRefused(yaml, 19, "mapping values are not allowed");
        }

        @Test
        void unclosedFlowMappingIsRefused() {
            // the scanner only notices the missing '}' on the next line (26)
            String yaml = replaceLine("far: { min: 1.0", "    far: { min: 1.0, max: 2.5, source: mnr");
            assertRefused(yaml, 26, "test.yaml line 26");
        }

        @Test
        void nonNumericValueIsRefusedAtTheValuesLine() {
            String yaml = replaceLine("arterialMetres: 10", "  arterialMetres: ten");
            assertRefused(yaml, 14, "arterialMetres must be a number, got \"ten\"");
        }

        @Test
        void nonNumericLimitIsRefusedAtTheLimitsLine() {
            String yaml = replaceLine("far: { min: 1.0", "    far: { min: low, max: 2.5, source: mnr }");
            assertRefused(yaml, 25, "far.min must be a number, got \"low\"");
        }

        @Test
        void ratioAboveOneIsRefusedAtTheRatiosLine() {
            // coverage written in percent instead of a fraction
            String yaml = replaceLine("coverage: { min: 0.40", "    coverage: { min: 40, max: 60, source: mnr }");
            assertRefused(yaml, 26, "a ratio is a fraction between 0 and 1");
        }

        @Test
        void greenRatioAboveOneIsRefusedAtItsLine() {
            String yaml = replaceLine("greenRatio: { min: 0.10", "    greenRatio: { min: 0.10, max: 1.5, source: mnr }");
            assertRefused(yaml, 27, "a ratio is a fraction between 0 and 1");
        }
    }
}
