package org.qiluvalley.planner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package-by-feature boundaries of CONVENTIONS.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.qiluvalley.planner");

    @Test
    void theApiNeverReachesIntoStoreInternals() {
        noClasses().that().resideInAnyPackage("..features..", "..web..", "..rules..", "..seed..")
                .should().dependOnClassesThat().resideInAnyPackage("..store..")
                .because("features talk to the ParcelStore contract, never to an implementation")
                .check(CLASSES);
    }

    @Test
    void theDomainModelDependsOnNoFeature() {
        noClasses().that().resideInAPackage("..parcel..")
                .should().dependOnClassesThat().resideInAnyPackage("..features..", "..store..", "..web..", "..seed..",
                        "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void theRuleBookAndGeometryCodeDoNotDependOnTheWebLayer() {
        noClasses().that().resideInAnyPackage("..rules..", "..geo..")
                .should().dependOnClassesThat().resideInAnyPackage("..features..", "..web..", "org.springframework.web..")
                .check(CLASSES);
    }
}
