package io.widrow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

@AnalyzeClasses(packages = "io.widrow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final Pattern INTERNAL = Pattern.compile("io\\.widrow\\.([a-z0-9]+)\\.internal(\\..*)?");
    private static final Pattern FEATURE = Pattern.compile("io\\.widrow\\.([a-z0-9]+)(\\..*)?");

    /** The engine must stay a plain-Java library so it can be tested and benchmarked without a container. */
    @ArchTest
    static final ArchRule engineDependsOnlyOnJava = classes()
            .that().resideInAPackage("io.widrow.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jdk.incubator.vector..", "io.widrow.engine..")
            .as("the engine depends only on the JDK (incl. the Vector API module) and itself");

    /** A feature's internal package is its private implementation; other features go through its root package. */
    @ArchTest
    static final ArchRule noFeatureReachesIntoAnotherFeaturesInternals = classes()
            .that().resideInAPackage("io.widrow..")
            .should(notUseOtherFeaturesInternals())
            .as("no feature depends on another feature's internal package");

    /** Dependencies arrive through constructors into final fields, never by field injection. */
    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("io.widrow..")
            .should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
            .orShould().beAnnotatedWith("jakarta.inject.Inject")
            .as("no field injection");

    /** Entities are persistence details of their feature: internal and not public. */
    @ArchTest
    static final ArchRule entitiesStayInsideTheirFeature = classes()
            .that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().resideInAPackage("io.widrow.*.internal..")
            .andShould().notBePublic()
            .allowEmptyShould(true)
            .as("JPA entities live in a feature's internal package and are package-private");

    private static ArchCondition<JavaClass> notUseOtherFeaturesInternals() {
        return new ArchCondition<>("not depend on another feature's internal package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = feature(item.getPackageName());
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    Matcher m = INTERNAL.matcher(d.getTargetClass().getPackageName());
                    if (m.matches() && !m.group(1).equals(own)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static String feature(String pkg) {
        Matcher m = FEATURE.matcher(pkg);
        return m.matches() ? m.group(1) : "";
    }
}
