package dev.strata.maven;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.strata.cli.ExitCode;
import dev.strata.cli.StrataCommand;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The lines the plugin holds: Maven's API in the goals only, Hibernate behind one package, the CLI only through its command. */
@AnalyzeClasses(packages = "dev.strata.maven", importOptions = ArchitectureTest.ProductionCode.class)
class ArchitectureTest {

    /** Like ImportOption.DoNotIncludeTests, also for build folders other than target/ (-Dstrata.build). */
    static final class ProductionCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule maven_only_in_the_goals = noClasses().that().resideOutsideOfPackage("dev.strata.maven")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..")
            .because("rendering entities knows nothing of the build that asks for it, so it can be tested without one");

    @ArchTest
    static final ArchRule hibernate_only_in_its_package = noClasses().that().resideOutsideOfPackage("dev.strata.maven.hibernate..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..")
            .because("Hibernate is reached through HibernateModels and EntityScan, which the goals call");

    @ArchTest
    static final ArchRule the_cli_only_through_its_command = noClasses().should().dependOnClassesThat(
                    JavaClass.Predicates.resideInAPackage("dev.strata.cli..")
                            .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(StrataCommand.class, ExitCode.class))))
            .because("the check goal runs strata check as a user would, so the build fails exactly as the command does");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.strata.(**)").should().beFreeOfCycles();
}
