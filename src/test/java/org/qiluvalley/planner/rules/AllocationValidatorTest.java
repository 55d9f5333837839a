package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiluvalley.planner.rules.RuleFixtures.ALLOCATED_PARCEL;
import static org.qiluvalley.planner.rules.RuleFixtures.BOOK;
import static org.qiluvalley.planner.rules.RuleFixtures.LASER;
import static org.qiluvalley.planner.rules.RuleFixtures.rect;
import static org.qiluvalley.planner.rules.RuleFixtures.wkt;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** The validator runs the whole rule book over one candidate, in a fixed order. */
class AllocationValidatorTest {

    private static final List<String> ALL_IDS = List.of("geometry.valid", "valley.contains", "zone.contains",
            "parcel.overlap", "constraint.redline", "constraint.udb", "constraint.corridor", "road.access",
            "landuse.permitted", "parcel.area", "indicator.far", "indicator.coverage", "indicator.green",
            "indicator.height", "indicator.admin-share", "indicator.building-coefficient", "zone.capacity",
            "pledge.minimum", "allocation.term", "parcel.status", "sliver.gap");

    /** The rules that still run on a broken outline: they do not measure it. */
    private static final List<String> WITHOUT_GEOMETRY = List.of("geometry.valid", "landuse.permitted",
            "indicator.far", "indicator.coverage", "indicator.green", "indicator.height", "indicator.admin-share",
            "indicator.building-coefficient", "pledge.minimum", "allocation.term", "parcel.status");

    private final AllocationValidator validator = new AllocationValidator(BOOK);
    private final InMemorySiteContext site = RuleFixtures.standardSite();

    /** A good site: 100 m x 100 m in laser-industry, fronting keji-road-red-line (y 500..530) from the north. */
    private static Candidate good() {
        return new Candidate(null, rect(600, 530, 700, 630), LASER, "100101",
                new Candidate.ProposedIndicators(1.5, 0.5, 0.15, 30.0), "enterprise");
    }

    @Test
    void ruleIdsAreTheTwentyOneRulesInReportOrder() {
        assertThat(AllocationValidator.ruleIds()).containsExactlyElementsOf(ALL_IDS);
        assertThat(AllocationValidator.RULES).hasSize(21);
        assertThat(AllocationValidator.RULES.stream().filter(r -> !r.needsValidGeometry()).map(Rule::id))
                .containsExactlyElementsOf(WITHOUT_GEOMETRY);
    }

    @Test
    void runsEveryRuleInOrder() {
        List<String> ran = new ArrayList<>();
        List<Rule> recording = AllocationValidator.RULES.stream().map(rule -> recording(rule, ran)).toList();
        new AllocationValidator(BOOK, recording).validate(good(), site);
        assertThat(ran).containsExactlyElementsOf(ALL_IDS);
    }

    @Test
    void aGoodSiteHasNoErrors() {
        List<Finding> findings = validator.validate(good(), site);
        assertThat(findings).as("%s", describe(findings)).noneMatch(Finding::isError);
        assertThat(AllocationValidator.isValid(findings)).isTrue();
    }

    @Test
    void findingsComeInRuleOrder() {
        // Out of the zone, over LI-001, across nothing else; unpermitted land use; FAR too low; an allocated parcel.
        Candidate messy = new Candidate(ALLOCATED_PARCEL, rect(150, 380, 1010, 420), LASER, "0902",
                new Candidate.ProposedIndicators(0.6, null, null, null), null);
        List<Finding> findings = validator.validate(messy, site);
        List<Integer> order = findings.stream().map(f -> ALL_IDS.indexOf(f.rule())).toList();
        assertThat(order).as("%s", describe(findings)).isSorted();
        assertThat(findings).extracting(Finding::rule).contains("zone.contains", "parcel.overlap",
                "landuse.permitted", "indicator.far", "parcel.status");
    }

    @Nested
    class WhenTheOutlineIsBroken {

        private final Candidate bowTie = new Candidate(ALLOCATED_PARCEL,
                wkt("POLYGON ((100 100, 300 300, 300 100, 100 300, 100 100))"), LASER, "0902",
                new Candidate.ProposedIndicators(0.6, 0.7, 0.3, 60.0), null);

        @Test
        void onlyTheRulesThatDoNotMeasureItRun() {
            List<String> ran = new ArrayList<>();
            List<Rule> recording = AllocationValidator.RULES.stream().map(rule -> recording(rule, ran)).toList();
            new AllocationValidator(BOOK, recording).validate(bowTie, site);
            assertThat(ran).containsExactlyElementsOf(WITHOUT_GEOMETRY);
        }

        @Test
        void theGeometryErrorComesWithTheLandUseIndicatorAndStatusFindings() {
            List<Finding> findings = validator.validate(bowTie, site);
            assertThat(findings).extracting(Finding::rule).containsExactly("geometry.valid", "landuse.permitted",
                    "indicator.far", "indicator.coverage", "indicator.green", "indicator.height", "parcel.status");
            assertThat(findings.get(0).planar().getCoordinate().x).isEqualTo(200.0);
            assertThat(findings.get(0).planar().getCoordinate().y).isEqualTo(200.0);
            assertThat(AllocationValidator.isValid(findings)).isFalse();
        }

        @Test
        void aMultiPolygonIsRefusedWithoutMeasuringIt() {
            Geometry two = wkt("MULTIPOLYGON (((600 530, 700 530, 700 630, 600 630, 600 530)), "
                    + "((800 530, 900 530, 900 630, 800 630, 800 530)))");
            List<Finding> findings = validator.validate(new Candidate(null, two, LASER, "100101",
                    Candidate.ProposedIndicators.NONE, null), site);
            assertThat(findings).extracting(Finding::rule).containsExactly("geometry.valid");
        }

        @Test
        void aLineStringIsRefusedWithoutMeasuringIt() {
            List<Finding> findings = validator.validate(new Candidate(null, wkt("LINESTRING (600 530, 700 630)"), LASER,
                    "0902", Candidate.ProposedIndicators.NONE, null), site);
            assertThat(findings).extracting(Finding::rule).containsExactly("geometry.valid", "landuse.permitted");
        }
    }

    @Nested
    class WhenDecidingValidity {

        @Test
        void noFindingsIsValid() {
            assertThat(AllocationValidator.isValid(List.of())).isTrue();
        }

        @Test
        void warningsAloneAreValid() {
            // Against the park's west edge and the road reserve, 5 m short of LI-001: a sliver (a warning).
            Candidate nearRoad = new Candidate(null, rect(0, 400, 95, 500), LASER, "100101",
                    Candidate.ProposedIndicators.NONE, null);
            List<Finding> findings = validator.validate(nearRoad, site);
            assertThat(findings).as("%s", describe(findings)).isNotEmpty().allMatch(f -> !f.isError());
            assertThat(findings).extracting(Finding::rule).contains("sliver.gap");
            assertThat(AllocationValidator.isValid(findings)).isTrue();
        }

        @Test
        void anyErrorIsInvalid() {
            Finding warning = Finding.warning("sliver.gap", "w", "w", 1.0, 2.0, "m²", "", List.of(), null);
            Finding error = Finding.error("parcel.area", "e", "e", 1.0, 2.0, "m²", "", List.of(), null);
            assertThat(AllocationValidator.isValid(List.of(warning))).isTrue();
            assertThat(AllocationValidator.isValid(List.of(warning, error))).isFalse();
            assertThat(AllocationValidator.isValid(List.of(error))).isFalse();
        }

        @Test
        void aCandidateFailingOneRuleIsInvalid() {
            Candidate lowFar = new Candidate(null, rect(600, 530, 700, 630), LASER, "100101",
                    new Candidate.ProposedIndicators(0.6, null, null, null), null);
            List<Finding> findings = validator.validate(lowFar, site);
            assertThat(findings.stream().filter(Finding::isError).map(Finding::rule)).containsExactly("indicator.far");
            assertThat(AllocationValidator.isValid(findings)).isFalse();
        }
    }

    private static Rule recording(Rule rule, List<String> ran) {
        return new Rule() {
            @Override
            public String id() {
                return rule.id();
            }

            @Override
            public boolean needsValidGeometry() {
                return rule.needsValidGeometry();
            }

            @Override
            public List<Finding> check(Check check) {
                ran.add(rule.id());
                return rule.check(check);
            }
        };
    }

    static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().wireName() + " " + f.rule() + ": " + f.message())
                .collect(Collectors.joining("\n", "\n", ""));
    }
}
