package org.qiluvalley.planner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** The package-by-feature boundaries of CONVENTIONS.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.qiluvalley.planner");

    /** The HTTP edge: the web package, security, the anonymous read path and every controller. */
    private static final DescribedPredicate<JavaClass> HTTP_EDGE = new DescribedPredicate<>(
            "in web, security or anonymousreads, or a controller") {
        @Override
        public boolean test(JavaClass c) {
            String name = c.getPackageName();
            return name.startsWith("org.qiluvalley.planner.web") || name.startsWith("org.qiluvalley.planner.security")
                    || name.startsWith("org.qiluvalley.planner.anonymousreads") || isController(c);
        }
    };

    /** A class that talks to the database itself: the store packages, and a feature's own {@code ...Store}. */
    private static final DescribedPredicate<JavaClass> STORE = new DescribedPredicate<>(
            "in a store package or named ...Store") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return c.getPackageName().startsWith("org.qiluvalley.planner.store") || top.getSimpleName().endsWith("Store");
        }
    };

    @Test
    void theFeaturesFormNoCycle() {
        assertHolds(slices().matching("org.qiluvalley.planner.(*)..").should().beFreeOfCycles());
    }

    @Test
    void onlyTheHttpEdgeKnowsHttp() {
        assertHolds(noClasses().that(DescribedPredicate.not(HTTP_EDGE))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "jakarta.servlet..")
                .because("services and the domain speak in domain exceptions; web/ProblemDetailsAdvice maps them")
                .allowEmptyShould(false));
    }

    @Test
    void onlyStoresUseJdbc() {
        assertHolds(noClasses().that(DescribedPredicate.not(STORE))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.springframework.jdbc..")
                .because("SQL is written in one place per table, next to its bound parameters")
                .allowEmptyShould(false));
    }

    @Test
    void theApiNeverReachesIntoStoreInternals() {
        assertHolds(noClasses().that().resideInAnyPackage("..features..", "..tiles..", "..map..", "..anonymousreads..",
                "..web..", "..rules..", "..seed..", "..allocation..", "..inquiry..", "..audit..", "..importer..",
                "..planning..", "..history..", "..security..", "..errors..", "..conditions..")
                .should().dependOnClassesThat().resideInAnyPackage("..store..")
                .because("features talk to the store contracts, never to an implementation")
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

    @Test
    void theDomainsRefusalsKnowNothingOfTheService() {
        assertHolds(noClasses().that().resideInAPackage("..errors..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.qiluvalley.planner.errors..")
                .allowEmptyShould(false));
    }

    private static boolean isController(JavaClass c) {
        return c.isAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                || c.isAnnotatedWith(org.springframework.stereotype.Controller.class)
                || c.isAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class);
    }

    private static void assertHolds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }
}
