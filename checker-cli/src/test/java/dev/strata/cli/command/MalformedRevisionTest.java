package dev.strata.cli.command;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A malformed revision file stops every command with exit code 2 and a message naming the file and the fix. */
class MalformedRevisionTest {

    @TempDir
    Path dir;

    private Path edit(String file, String from, String to) throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Path f = p.resolve("schema/events").resolve(file);
        String text = Files.readString(f);
        assertTrue(text.contains(from), "fixture changed: " + from);
        Files.writeString(f, text.replace(from, to));
        return p;
    }

    @Test
    void bad_json_names_the_file_line_and_column() throws Exception {
        Path p = edit("0002-create-daily-prices-table.json", "\"number\": 2,", "\"number\": 2");

        Cli cli = Cli.run("-C", p.toString(), "history");

        assertEquals(2, cli.exit());
        assertTrue(cli.err().startsWith("error: schema/events/0002-create-daily-prices-table.json: line 4, column 3: malformed JSON: "
                + "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void check_reports_a_malformed_revision_before_an_unreadable_migration() throws Exception {
        // the check reads both at once; what it reports must not depend on which read ends first
        Path p = edit("0002-create-daily-prices-table.json", "\"number\": 2,", "\"number\": 2");
        Path migration = p.resolve("db/migration/V3__create_watchlists.sql");
        assertTrue(Files.exists(migration), "fixture changed: " + migration);
        Files.write(migration, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});

        Cli cli = Cli.run("-C", p.toString(), "check");

        assertEquals(2, cli.exit());
        assertTrue(cli.err().startsWith("error: schema/events/0002-create-daily-prices-table.json: line 4, column 3: malformed JSON"),
                cli.err());

        Files.writeString(p.resolve("schema/events/0002-create-daily-prices-table.json"),
                Files.readString(p.resolve("schema/events/0002-create-daily-prices-table.json")).replace("\"number\": 2", "\"number\": 2,"));
        Cli again = Cli.run("-C", p.toString(), "check");

        assertEquals(2, again.exit());
        assertTrue(again.err().startsWith("error: db/migration/V3__create_watchlists.sql: the file is not UTF-8 text"), again.err());
    }

    @Test
    void an_unknown_event_type_names_the_path_and_the_known_types() throws Exception {
        Path p = edit("0005-add-industry-code-to-companies-table.json", "\"ColumnAdded\"", "\"ColumnAddedd\"");

        Cli cli = Cli.run("-C", p.toString(), "schema");

        assertEquals(2, cli.exit());
        assertTrue(cli.err().startsWith("error: schema/events/0005-add-industry-code-to-companies-table.json: $.events[0].type:"
                + " unknown event type 'ColumnAddedd'; expected one of TableCreated, TableDropped,"), cli.err());
    }

    @Test
    void an_unknown_field_is_rejected_with_its_path() throws Exception {
        Path p = edit("0005-add-industry-code-to-companies-table.json", "\"notNull\": false", "\"nullable\": true");

        Cli cli = Cli.run("-C", p.toString(), "history");

        assertEquals(2, cli.exit());
        assertTrue(cli.err().startsWith("error: schema/events/0005-add-industry-code-to-companies-table.json:"
                + " $.events[0].column.nullable: unknown field 'nullable'; expected one of [collation, default, generated, name, notNull, stored, type]"), cli.err());
    }

    @Test
    void a_broken_hash_says_the_file_was_edited_and_how_to_fix_it() throws Exception {
        Path p = edit("0003-create-watchlists.json", "Create watchlists", "Create watch lists");

        Cli cli = Cli.run("-C", p.toString(), "history");

        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("schema/events/0003-create-watchlists.json: hash does not match the contents"), cli.err());
        assertTrue(cli.err().contains("fix: the file was edited after it was recorded: restore it from git"), cli.err());
    }

    @Test
    void a_missing_parent_revision_is_named() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Files.delete(p.resolve("schema/events/0004-create-analysis-results-table.json"));

        Cli cli = Cli.run("-C", p.toString(), "history");

        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("schema/events/0005-add-industry-code-to-companies-table.json: a gap: revision 4 missing between"
                + " schema/events/0003-create-watchlists.json and schema/events/0005-add-industry-code-to-companies-table.json"), cli.err());
        assertTrue(cli.err().contains("is not the hash of revision 3 (create-watchlists)"), cli.err());
    }

    @Test
    void nothing_is_written_when_a_revision_is_malformed() throws Exception {
        Path p = edit("0002-create-daily-prices-table.json", "\"number\": 2,", "\"number\": 2");
        Files.writeString(p.resolve("schema/models.yaml"), Files.readString(p.resolve("schema/models.yaml")) + "  extra:\n    columns:\n      id: INTEGER\n");
        long before = Files.list(p.resolve("schema/events")).count();

        Cli cli = Cli.run("-C", p.toString(), "revision", "-m", "Add extra", "--autogenerate");

        assertEquals(2, cli.exit());
        assertEquals(before, Files.list(p.resolve("schema/events")).count());
        assertTrue(Files.list(p.resolve("db/migration")).noneMatch(f -> f.getFileName().toString().startsWith("V13")));
    }
}
