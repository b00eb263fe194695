package dev.strata.cli.command;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** revision, generate, schema, diff and history on a copy of the example. */
class AuthoringTest {

    @TempDir
    Path dir;

    @Test
    void autogenerate_records_a_revision_that_folds_to_the_models_and_passes_the_check() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Path models = p.resolve("schema/models.yaml");
        Files.writeString(models, Files.readString(models).replace("      industry_code: TEXT\n", "      industry_code: TEXT\n      country: {type: TEXT, notNull: true, default: \"'US'\"}\n"));

        Cli rev = Cli.run("-C", p.toString(), "revision", "-m", "Add country to companies", "--autogenerate", "--author", "Test <t@example.com>");
        Cli check = Cli.run("-C", p.toString(), "check");
        Cli diff = Cli.run("-C", p.toString(), "diff");

        assertEquals(0, rev.exit(), rev.toString());
        assertTrue(Files.exists(p.resolve("schema/events/0013-add-country-to-companies.json")));
        assertTrue(Files.readString(p.resolve("db/migration/V13__add_country_to_companies.sql"))
                .contains("ALTER TABLE \"companies\" ADD COLUMN \"country\" TEXT NOT NULL DEFAULT 'US';"));
        assertEquals(0, check.exit(), check.toString());
        assertEquals("no differences between revision 13 and the models\n", diff.out());
    }

    @Test
    void autogenerate_without_changes_records_nothing() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Map<Path, String> before = files(p);

        Cli cli = Cli.run("-C", p.toString(), "revision", "-m", "Nothing", "--autogenerate");

        assertEquals(1, cli.exit());
        assertEquals("no changes: the models equal the schema at head (revision 12)\n", cli.out());
        assertEquals(before, files(p));
    }

    /** Every file under the project and its content. */
    private static Map<Path, String> files(Path project) throws IOException {
        try (Stream<Path> all = Files.walk(project)) {
            Map<Path, String> out = new TreeMap<>();
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                out.put(project.relativize(f), Files.readString(f, StandardCharsets.ISO_8859_1));
            }
            return out;
        }
    }

    @Test
    void a_models_sql_statement_sqlite_refuses_is_bad_input_naming_the_statement_its_line_and_sqlites_message() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Files.writeString(p.resolve("schema/models.sql"), """
                CREATE TABLE companies (id INTEGER PRIMARY KEY);

                -- prices of each company
                CREATE TABLE prices (id INTEGER PRIMARY KEY, company_id INTEGER REFERENCES companies (id), close REEL NOT NUL);
                """);

        Cli cli = Cli.run("-C", p.toString(), "--models", "schema/models.sql", "diff");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: schema/models.sql: statement 2 (line 4, CREATE TABLE prices (id INTEGER PRIMARY KEY, company_id INTEGER"
                + " REFERENCES companies (id), close REEL NOT NUL)): [SQLITE_ERROR] SQL error or missing database"
                + " (near \"NUL\": syntax error); fix the statement (SQLite itself parses models.sql)\n", cli.err());
    }

    @Test
    void generate_check_finds_an_edited_migration_and_generate_restores_it() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Path v5 = p.resolve("db/migration/V5__add_industry_code_to_companies_table.sql");
        String original = Files.readString(v5);
        Files.writeString(v5, original + "-- tweak\n");

        Cli check = Cli.run("-C", p.toString(), "generate", "--check");
        Cli generate = Cli.run("-C", p.toString(), "generate");

        assertEquals(1, check.exit());
        assertTrue(check.out().startsWith("different: db/migration/V5__add_industry_code_to_companies_table.sql\n"), check.out());
        assertEquals(0, generate.exit());
        assertEquals(original, Files.readString(v5));
    }

    @Test
    void a_manual_revision_starts_from_a_draft_to_fill_in() throws Exception {
        Path p = ExampleProject.copyTo(dir);

        Cli draft = Cli.run("-C", p.toString(), "revision", "-m", "Upper-case symbols");
        Cli empty = Cli.run("-C", p.toString(), "revision", "-m", "Upper-case symbols", "--events-file", "revision-draft.json");
        Files.writeString(p.resolve("revision-draft.json"), Files.readString(p.resolve("revision-draft.json"))
                .replace("-- write the upgrade SQL here", "UPDATE companies SET sector = upper(sector);")
                .replace("-- write the SQL that reverses it here", "UPDATE companies SET sector = lower(sector);"));
        Cli recorded = Cli.run("-C", p.toString(), "revision", "-m", "Upper-case symbols", "--events-file", "revision-draft.json");

        assertEquals(0, draft.exit(), draft.toString());
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("has no statement in its up or down SQL"), empty.err());
        assertEquals(0, recorded.exit(), recorded.toString());
        assertTrue(Files.readString(p.resolve("db/migration/U13__upper_case_symbols.sql")).contains("UPDATE companies SET sector = lower(sector);"));
    }

    @Test
    void schema_at_a_revision_renders_in_every_format() {
        Cli text = Cli.run("-C", ExampleProject.SOURCE.toString(), "schema", "--at", "2");
        Cli sql = Cli.run("-C", ExampleProject.SOURCE.toString(), "schema", "--at", "2", "--format", "sql");
        Cli mermaid = Cli.run("-C", ExampleProject.SOURCE.toString(), "schema", "--format", "mermaid");
        Cli json = Cli.run("-C", ExampleProject.SOURCE.toString(), "schema", "--format", "json");

        assertTrue(text.out().startsWith("table companies\n"), text.out());
        assertTrue(!text.out().contains("industry_code"));
        assertTrue(sql.out().contains("CREATE TABLE \"daily_prices\""), sql.out());
        assertTrue(mermaid.out().contains("    companies ||--o{ daily_prices : \"symbol\""), mermaid.out());
        assertTrue(json.out().contains("\"name\": \"v_latest_prices\""), json.out());
    }

    @Test
    void history_lists_newest_first_and_verbose_shows_the_chain() {
        Cli cli = Cli.run("-C", ExampleProject.SOURCE.toString(), "history", "--verbose");

        assertEquals(0, cli.exit());
        assertTrue(cli.out().startsWith("  12  add-latest-prices-view"), cli.out());
        assertTrue(cli.out().contains("      - rename column daily_prices.close to close_price"), cli.out());
        assertTrue(cli.out().contains("chain verified: 12 revisions"), cli.out());
    }

    @Test
    void an_unknown_key_in_strata_yaml_is_bad_input() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Files.writeString(p.resolve("strata.yaml"), "subject: x\nmodel: schema/models.yaml\n");

        Cli cli = Cli.run("-C", p.toString(), "history");

        assertEquals(2, cli.exit());
        assertEquals("error: strata.yaml: unknown key 'model'; valid keys are [backups, check, database, events, keepBackups, layout,"
                + " lint, migrations, models, registry, subject]\n", cli.err());
    }
}
