package org.qiluvalley.planner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** The package-by-feature boundaries of CONVENTIONS.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.qiluvalley.planner");

    @Test
    void theApiNeverReachesIntoStoreInternals() {
        assertHolds(noClasses().that().resideInAnyPackage("..features..", "..web..", "..rules..", "..seed..", "..allocation..",
                "..inquiry..", "..audit..", "..importer..")
                .should().dependOnClassesThat().resideInAnyPackage("..store..")
                .because("features talk to the ParcelStore contract, never to an implementation")
                .allowEmptyShould(false));
    }

    @Test
    void theDomainModelDependsOnNoFeature() {
        assertHolds(noClasses().that().resideInAPackage("..parcel..")
                .should().dependOnClassesThat().resideInAnyPackage("..features..", "..store..", "..web..", "..seed..",
                        "org.springframework..")
                .allowEmptyShould(false));
    }

    @Test
    void theRuleBookAndGeometryCodeDoNotDependOnTheWebLayer() {
        assertHolds(noClasses().that().resideInAnyPackage("..rules..", "..geo..")
                .should().dependOnClassesThat().resideInAnyPackage("..features..", "..web..", "org.springframework.web..")
                .allowEmptyShould(false));
    }

    private static void assertHolds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }
}
