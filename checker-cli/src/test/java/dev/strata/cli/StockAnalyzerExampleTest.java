package dev.strata.cli;

import dev.strata.events.Revision;
import dev.strata.events.json.HistoryVerifier;
import dev.strata.events.json.ModelsYaml;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Schema;
import dev.strata.events.sqlite.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled example is consistent, and stock Flyway applies its migrations to exactly the projected schema. */
class StockAnalyzerExampleTest {

    private static final Path EXAMPLE = ExampleProject.SOURCE;

    @Test
    void the_history_verifies_and_has_the_revisions_the_example_promises() {
        List<Revision> revisions = RevisionFiles.readAll(EXAMPLE.resolve("schema/events"), "schema/events");

        assertEquals(List.of(), HistoryVerifier.verify(revisions, "schema/events"));
        assertTrue(revisions.size() >= 10);
        assertTrue(revisions.stream().anyMatch(r -> r.message().equals("Add industry_code to companies table")));
    }

    @Test
    void the_migrations_are_exactly_what_the_events_project() {
        Cli cli = Cli.run("-C", EXAMPLE.toString(), "generate", "--check");

        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    void the_schema_at_head_equals_the_models() throws Exception {
        List<Revision> revisions = RevisionFiles.readAll(EXAMPLE.resolve("schema/events"), "schema/events");

        Schema models = ModelsYaml.read(Files.readString(EXAMPLE.resolve("schema/models.yaml")), "schema/models.yaml");

        assertEquals(models, Projection.schemaAt(revisions, revisions.size()));
    }

    @Test
    void stock_flyway_applies_the_migrations_to_the_projected_schema(@TempDir Path dir) throws Exception {
        List<Revision> revisions = RevisionFiles.readAll(EXAMPLE.resolve("schema/events"), "schema/events");
        Path db = dir.resolve("stock_data.db");

        MigrateResult result = Flyway.configure()
                .dataSource("jdbc:sqlite:" + db + "?foreign_keys=true", null, null)
                .locations("filesystem:" + EXAMPLE.resolve("db/migration"))
                .load().migrate();

        assertTrue(result.success);
        assertEquals(revisions.size(), result.migrationsExecuted);
        try (ScratchDatabase live = ScratchDatabase.file(db, true)) {
            assertEquals(Projection.schemaAt(revisions, revisions.size()), live.introspect());
        }
    }
}
