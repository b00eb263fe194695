package dev.strata.registry;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.strata.registry.domain.RegistryEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

/** The lines registry-service holds: a domain at the centre, stores as adapters, never the CLI's code. */
@AnalyzeClasses(packages = "dev.strata.registry", importOptions = ArchitectureTest.ProductionCode.class)
class ArchitectureTest {

    /** Like ImportOption.DoNotIncludeTests, also for build folders other than target/ (-Dstrata.build). */
    static final class ProductionCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    // the Kafka adapter does not exist yet: optional layers until it does. RegistryMain is the
    // composition root: it alone wires a store and the HTTP adapter together.
    @ArchTest
    static final ArchRule registry_is_an_onion = onionArchitecture()
            .domainModels("dev.strata.registry.domain..")
            .applicationServices("dev.strata.registry.service..")
            .adapter("sqlite", "dev.strata.registry.store.sqlite..")
            .adapter("kafka", "dev.strata.registry.store.kafka..")
            .adapter("http", "dev.strata.registry.http..")
            .adapter("web", "dev.strata.registry.web..")
            .withOptionalLayers(true)
            .ignoreDependency(JavaClass.Predicates.equivalentTo(RegistryMain.class), DescribedPredicate.alwaysTrue())
            .because("every store and the API implement or use the domain's port, never each other");

    @ArchTest
    static final ArchRule domain_uses_no_io = noClasses().that().resideInAPackage("dev.strata.registry.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..",
                    "org.sqlite..", "org.apache.kafka..", "com.fasterxml.jackson..")
            .because("the append rules must decide the same way on every instance, from the log alone");

    @ArchTest
    static final ArchRule modules_stay_apart = noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.strata.cli..")
            .because("the registry and the CLI talk over HTTP only");

    @ArchTest
    static final ArchRule the_web_ui_only_reads = noClasses().that().resideInAPackage("dev.strata.registry.web..")
            .should().callMethod(dev.strata.registry.service.Registry.class, "push", dev.strata.events.Subject.class, java.util.List.class)
            .orShould().callMethod(dev.strata.registry.service.Registry.class, "release", dev.strata.events.Subject.class,
                    dev.strata.registry.domain.TagReleased.class)
            .orShould().callMethod(dev.strata.registry.service.Registry.class, "deploy", dev.strata.events.Subject.class,
                    dev.strata.registry.domain.DeploymentRecorded.class)
            .because("the web UI is read-only: every write goes through the API and its write tokens");

    @ArchTest
    static final ArchRule events_are_records = classes().that().implement(RegistryEvent.class).should().beRecords();
}
