package dev.strata.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The lines schema-events must hold: a pure core, Jackson and JDBC each in their own edge package. */
@AnalyzeClasses(packages = "dev.strata.events", importOptions = ArchitectureTest.ProductionCode.class)
class ArchitectureTest {

    /** Like ImportOption.DoNotIncludeTests, but also for build folders other than target/ (-Dstrata.build). */
    static final class ProductionCode implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static final String[] CORE = {"dev.strata.events", "dev.strata.events.schema..",
        "dev.strata.events.projection..", "dev.strata.events.sql..", "dev.strata.events.diagram..",
        "dev.strata.events.checkpoint.."};

    @ArchTest
    static final ArchRule core_does_no_io = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.nio.file..", "java.net..",
                    "org.sqlite..", "org.flywaydb..", "org.apache.kafka..", "picocli..",
                    "com.fasterxml.jackson..")
            .because("events, schema, projection, diff and SQL rendering are values in, values out: "
                    + "every I/O sits in an edge package so the core can be tested and reused anywhere");

    @ArchTest
    static final ArchRule core_does_not_print = noClasses().that().resideInAnyPackage(CORE)
            .should(ACCESS_STANDARD_STREAMS)
            .because("the core returns values; only commands decide what to print");

    @ArchTest
    static final ArchRule jackson_only_in_json = noClasses().that().resideOutsideOfPackage("dev.strata.events.json..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("the JSON and YAML formats, and so the revision hashes, are defined in one place");

    @ArchTest
    static final ArchRule jdbc_only_at_the_edge = noClasses().that().resideOutsideOfPackage("dev.strata.events.sqlite..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
            .because("live databases are read and written only by the sqlite edge package");

    @ArchTest
    static final ArchRule events_are_records = classes().that().implement(SchemaEvent.class)
            .should().beRecords()
            .because("events are immutable facts");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.strata.(**)").should().beFreeOfCycles();
}
