package dev.strata.cli;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The lines checker-cli holds: picocli only in commands, JDBC only at the edge, never the registry's code. */
@AnalyzeClasses(packages = "dev.strata.cli", importOptions = ArchitectureTest.ProductionCode.class)
class ArchitectureTest {

    /** Like ImportOption.DoNotIncludeTests, also for build folders other than target/ (-Dstrata.build). */
    static final class ProductionCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule picocli_only_in_commands = noClasses().that().resideOutsideOfPackages("dev.strata.cli", "dev.strata.cli.command..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..")
            .because("commands are thin: they parse and render, the checks and reports know nothing of the command line");

    @ArchTest
    static final ArchRule jdbc_only_at_the_edge = noClasses().that().resideOutsideOfPackage("dev.strata.cli.ops..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
            .because("databases are reached through schema-events' sqlite package, or by the operations package");

    @ArchTest
    static final ArchRule jgit_only_in_git = noClasses().that().resideOutsideOfPackage("dev.strata.cli.git..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit..")
            .because("git is read in one place, through JGit, never by parsing git's output");

    @ArchTest
    static final ArchRule modules_stay_apart = noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.strata.registry..")
            .because("the CLI talks to the registry over HTTP only");

    @ArchTest
    static final ArchRule checks_do_not_print = noClasses().that().resideInAnyPackage("dev.strata.cli.check..", "dev.strata.cli.report..")
            .should(com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("checks return findings and reports return text; commands decide where it goes");

    // The root command names its subcommands in its annotation and they read its shared options: picocli's
    // structure, so this one edge from the root to the commands is not a cycle worth breaking.
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.strata.(**)").should().beFreeOfCycles()
            .ignoreDependency(JavaClass.Predicates.equivalentTo(StrataCommand.class),
                    JavaClass.Predicates.resideInAPackage("dev.strata.cli.command"));
}
