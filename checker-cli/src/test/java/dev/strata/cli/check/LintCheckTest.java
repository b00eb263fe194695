package dev.strata.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import dev.strata.cli.project.GeneratedFiles;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every lint rule on a history of one risky change per revision, recorded as events and as the plain
 * Flyway folder Strata writes for them: both must warn the same, and strata.yaml can disable rules.
 */
class LintCheckTest {

    /** Per revision from 2 on, the rule its change breaks. */
    private static final List<String> EXPECTED = List.of("2 drop-table", "3 drop-column", "4 rename-table", "5 rename-column",
            "6 type-narrowing", "7 rebuild-referenced-table", "8 not-null-without-default");

    @TempDir
    Path dir;

    @Test
    void an_event_history_warns_once_per_risky_change_with_the_rule_id() throws Exception {
        writeHistory(true);

        assertEquals(EXPECTED, lint(Cli.run("-C", dir.toString(), "check", "--format", "json")));
    }

    @Test
    void a_flyway_folder_of_the_same_migrations_warns_the_same_renames_included() throws Exception {
        writeHistory(false);

        Cli cli = Cli.run("-C", dir.toString(), "check", "--format", "json");

        // without events the changes come from the schema after each upgrade; revision 8's upgrade fails on the seeded
        // rows, as its rule warns, and runs without them, so its change is still seen
        assertEquals(EXPECTED, lint(cli));
        assertTrue(findings(cli).stream().anyMatch(f -> f.get("check").asText().equals("reversibility")
                && f.get("revision").asInt() == 8 && f.get("message").asText().contains("NOT NULL")), cli.out());
    }

    @Test
    void rules_disabled_in_strata_yaml_are_not_reported() throws Exception {
        writeHistory(false);
        Files.writeString(dir.resolve("strata.yaml"), "lint:\n  disable: [drop-table, rename-column]\n");

        List<String> expected = new ArrayList<>(EXPECTED);
        expected.removeAll(List.of("2 drop-table", "5 rename-column"));
        assertEquals(expected, lint(Cli.run("-C", dir.toString(), "check", "--format", "json")));
    }

    /** Writes the migrations, and the revisions they are projected from when {@code withEvents}. */
    private void writeHistory(boolean withEvents) throws Exception {
        Table companies = new Table(Identifier.of("companies"), List.of(new Column(Identifier.of("id"), "INTEGER", false, null, null),
                new Column(Identifier.of("symbol"), "TEXT", true, null, null), Column.of("name", "TEXT")),
                PrimaryKey.of("id"), List.of(), List.of(), List.of());
        Table prices = new Table(Identifier.of("prices"), List.of(Column.of("id", "INTEGER"), Column.of("company_id", "INTEGER"),
                Column.of("close", "REAL")), PrimaryKey.of("id"), List.of(), List.of(new ForeignKey(List.of(Identifier.of("company_id")),
                Identifier.of("companies"), List.of(Identifier.of("id")), ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION)),
                List.of());
        Table notes = new Table(Identifier.of("notes"), List.of(Column.of("id", "INTEGER"), Column.of("body", "TEXT"),
                Column.of("rating", "TEXT")), PrimaryKey.of("id"), List.of(), List.of(), List.of());
        Table scratch = new Table(Identifier.of("scratch"), List.of(Column.of("id", "INTEGER")), PrimaryKey.of("id"), List.of(),
                List.of(), List.of());
        List<List<SchemaEvent>> changes = List.of(
                List.of(new TableCreated(companies), new TableCreated(prices), new TableCreated(notes), new TableCreated(scratch)),
                List.of(new TableDropped(Identifier.of("scratch"))),
                List.of(new ColumnDropped(Identifier.of("companies"), Identifier.of("name"))),
                List.of(new TableRenamed(Identifier.of("notes"), Identifier.of("memos"))),
                List.of(new ColumnRenamed(Identifier.of("memos"), Identifier.of("body"), Identifier.of("text"))),
                List.of(new ColumnAltered(Identifier.of("memos"), Column.of("rating", "INTEGER"))),
                List.of(new ColumnAltered(Identifier.of("companies"), new Column(Identifier.of("symbol"), "VARCHAR(20)", true, null, null))),
                List.of(new ColumnAdded(Identifier.of("memos"), new Column(Identifier.of("flag"), "INTEGER", true, null, null))));
        List<Revision> revisions = new ArrayList<>();
        String parent = null;
        for (int i = 0; i < changes.size(); i++) {
            Revision r = RevisionHasher.seal(new Revision(i + 1, "change-" + (i + 1), "Change " + (i + 1), "test", Instant.EPOCH,
                    parent, changes.get(i), null));
            revisions.add(r);
            parent = r.hash();
            if (withEvents) {
                RevisionFiles.write(dir.resolve("schema/events"), r);
            }
        }
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        for (Map.Entry<String, String> f : GeneratedFiles.of(revisions, "schema/events").entrySet()) {
            Files.writeString(migrations.resolve(f.getKey()), f.getValue());
        }
    }

    private static List<JsonNode> findings(Cli cli) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(cli.out()).get("findings").forEach(out::add);
        return out;
    }

    /** "revision rule-id" of each lint finding, in order. */
    private static List<String> lint(Cli cli) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : findings(cli)) {
            if (f.get("check").asText().equals("lint")) {
                String message = f.get("message").asText();
                out.add(f.get("revision").asInt() + " " + message.substring(1, message.indexOf(']')));
            }
        }
        return out;
    }
}
