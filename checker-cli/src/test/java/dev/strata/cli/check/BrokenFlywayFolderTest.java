package dev.strata.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small broken histories as plain Flyway folders (no events): each must fail the right check with
 * the revision, the file and the difference named.
 */
class BrokenFlywayFolderTest {

    private static final String V1 = """
            CREATE TABLE companies (id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL UNIQUE, name TEXT);
            CREATE TABLE prices (
                id INTEGER PRIMARY KEY,
                company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
                day TEXT NOT NULL,
                close REAL,
                UNIQUE (company_id, day)
            );
            CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                company_id INTEGER REFERENCES companies (id),
                body TEXT UNIQUE,
                rating INTEGER
            );
            CREATE VIEW v_notes AS SELECT body FROM notes;
            """;
    private static final String U1 = "DROP VIEW v_notes;\nDROP TABLE notes;\nDROP TABLE prices;\nDROP TABLE companies;\n";

    private static final String NOTES_WITH = """
            CREATE TABLE notes_new (
                id INTEGER PRIMARY KEY,
                company_id INTEGER REFERENCES companies (id),
                body TEXT UNIQUE,
                rating %s
            );
            INSERT INTO notes_new (id, company_id, body, rating) SELECT id, company_id, body, rating FROM notes;
            DROP VIEW v_notes;
            DROP TABLE notes;
            ALTER TABLE notes_new RENAME TO notes;
            CREATE VIEW v_notes AS SELECT body FROM notes;
            """;

    @TempDir
    Path dir;


    /** The migrations folder holding V1/U1 and the given V2/U2 (a null U2 leaves it out). */
    Path folder(String v2, String u2) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__base.sql"), V1);
        Files.writeString(m.resolve("U1__base.sql"), U1);
        Files.writeString(m.resolve("V2__change.sql"), v2);
        if (u2 != null) {
            Files.writeString(m.resolve("U2__change.sql"), u2);
        }
        return m;
    }

    static List<JsonNode> findings(Cli cli, String check) throws Exception {
        JsonNode report = new ObjectMapper().readTree(cli.out());
        List<JsonNode> out = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("check").asText().equals(check)) {
                out.add(f);
            }
        });
        return out;
    }

    Cli check(Path migrations, String... more) {
        List<String> args = new ArrayList<>(List.of("-C", dir.toString(), "check", "--migrations", migrations.toString(),
                "--format", "json"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertFinding(List<JsonNode> findings, String severity, int revision, String file, String text) {
        assertTrue(findings.stream().anyMatch(f -> f.get("severity").asText().equals(severity)
                && f.get("revision").asInt() == revision && f.get("file").asText().endsWith(file)
                && f.get("message").asText().contains(text)), "no " + severity + " finding with '" + text + "' in " + findings);
    }

    @Test
    void a_reversible_history_with_autoincrement_tables_passes() throws Exception {
        Path m = folder("ALTER TABLE companies ADD COLUMN sector TEXT;\nCREATE INDEX ix_prices_day ON prices (day);\n",
                "DROP INDEX ix_prices_day;\nALTER TABLE companies DROP COLUMN sector;\n");

        Cli cli = check(m);

        assertEquals(0, cli.exit(), cli.toString());
        assertEquals("true", new ObjectMapper().readTree(cli.out()).get("passed").asText());
    }

    @Test
    void a_missing_downgrade_fails_reversibility() throws Exception {
        Path m = folder("CREATE INDEX ix_prices_day ON prices (day);\n", null);

        Cli cli = check(m);

        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(findings(cli, "reversibility"), "error", 2, "V2__change.sql", "has no downgrade: U2__change.sql is missing");
    }

    @Test
    void a_downgrade_that_forgets_an_index_names_the_index() throws Exception {
        Path m = folder("CREATE INDEX ix_prices_day ON prices (day);\n", "SELECT 1;\n");

        Cli cli = check(m);

        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(findings(cli, "reversibility"), "error", 2, "U2__change.sql",
                "index ix_prices_day is in the schema after U2__change.sql but not in the schema before V2");
    }

    @Test
    void a_downgrade_that_changes_a_column_type_names_both_types() throws Exception {
        Path m = folder("ALTER TABLE notes ADD COLUMN tag TEXT;\n", NOTES_WITH.formatted("TEXT"));

        Cli cli = check(m);

        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(findings(cli, "reversibility"), "error", 2, "U2__change.sql",
                "table notes: column rating is INTEGER in the schema before V2 but TEXT in the schema after U2__change.sql");
    }

    @Test
    void a_downgrade_that_drops_a_foreign_key_or_a_unique_constraint_is_reported() throws Exception {
        String lossy = NOTES_WITH.formatted("INTEGER").replace("company_id INTEGER REFERENCES companies (id)", "company_id INTEGER")
                .replace("body TEXT UNIQUE", "body TEXT");
        Path m = folder("ALTER TABLE notes ADD COLUMN tag TEXT;\n", lossy);

        Cli cli = check(m);

        List<JsonNode> f = findings(cli, "reversibility");
        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(f, "error", 2, "U2__change.sql", "FOREIGN KEY [company_id] REFERENCES companies[id]");
        assertFinding(f, "error", 2, "U2__change.sql", "UNIQUE [body]");
    }

    @Test
    void a_downgrade_that_leaves_a_trigger_is_reported() throws Exception {
        Path m = folder("CREATE TRIGGER trg_notes AFTER INSERT ON notes BEGIN SELECT 1; END;\n", "SELECT 1;\n");

        Cli cli = check(m);

        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(findings(cli, "reversibility"), "error", 2, "U2__change.sql", "trigger trg_notes is in the schema after U2");
    }

    @Test
    void a_downgrade_that_does_not_restore_a_view_is_reported() throws Exception {
        Path m = folder("DROP VIEW v_notes;\n", "SELECT 1;\n");

        Cli cli = check(m);

        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(findings(cli, "reversibility"), "error", 2, "U2__change.sql", "view v_notes is in the schema before V2 but not");
    }

    @Test
    void a_rebuild_that_loses_a_column_of_data_fails_the_data_check() throws Exception {
        String forgets = NOTES_WITH.formatted("INTEGER").replace(
                "INSERT INTO notes_new (id, company_id, body, rating) SELECT id, company_id, body, rating FROM notes;",
                "INSERT INTO notes_new (id, company_id, body) SELECT id, company_id, body FROM notes;");
        Path m = folder("ALTER TABLE notes ADD COLUMN tag TEXT;\n", forgets);

        Cli cli = check(m);

        assertEquals(1, cli.exit(), cli.toString());
        assertEquals(List.of(), findings(cli, "reversibility"));
        assertFinding(findings(cli, "data"), "error", 2, "U2__change.sql", "rows of table notes differ");
    }

    /** A rebuild of the parent table companies that drops it with foreign keys on, as SQLite's documentation warns against. */
    private static final String NAIVE_REBUILD = """
            DELETE FROM notes;
            CREATE TABLE companies_new (id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL UNIQUE, name TEXT NOT NULL DEFAULT '');
            INSERT INTO companies_new (id, symbol, name) SELECT id, symbol, coalesce(name, '') FROM companies;
            DROP TABLE companies;
            ALTER TABLE companies_new RENAME TO companies;
            """;

    @Test
    void a_naive_rebuild_of_a_parent_table_that_cascades_to_its_children_fails_the_data_check() throws Exception {
        Path m = folder(NAIVE_REBUILD, "SELECT 1;\n");

        Cli cli = check(m);

        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(findings(cli, "data"), "error", 2, "V2__change.sql", "deletes 3 of 3 rows of table prices, which it does not drop or change");
    }

    @Test
    void with_foreign_keys_off_by_flag_or_in_strata_yaml_the_rebuild_deletes_no_child_rows() throws Exception {
        Path m = folder(NAIVE_REBUILD, "SELECT 1;\n");

        Cli flag = check(m, "--no-foreign-keys");
        Files.writeString(dir.resolve("strata.yaml"), "check:\n  foreignKeys: false\n");
        Cli yaml = check(m);

        for (Cli cli : List.of(flag, yaml)) {
            assertTrue(findings(cli, "data").stream().noneMatch(f -> f.get("message").asText().contains("rows of table prices")),
                    cli.toString());
        }
        assertEquals(1, check(m, "--foreign-keys").exit(), "the flag overrides strata.yaml");
        assertFinding(findings(check(m, "--foreign-keys"), "data"), "error", 2, "V2__change.sql", "rows of table prices");
    }

    @Test
    void a_dropped_column_is_a_lossy_warning_not_an_error() throws Exception {
        Path m = folder("ALTER TABLE notes DROP COLUMN rating;\n", "ALTER TABLE notes ADD COLUMN rating INTEGER;\n");

        Cli cli = check(m);

        assertEquals(0, cli.exit(), cli.toString());
        assertFinding(findings(cli, "data"), "warning", 2, "U2__change.sql", "is lossy");
        assertEquals(1, check(m, "--strict").exit());
    }

    @Test
    void models_that_differ_by_a_column_and_an_index_are_listed() throws Exception {
        Path m = folder("ALTER TABLE companies ADD COLUMN industry_code TEXT;\n", "ALTER TABLE companies DROP COLUMN industry_code;\n");
        Path models = dir.resolve("models.sql");
        Files.writeString(models, V1.replace("name TEXT);", "name TEXT, sector TEXT);")
                + "CREATE INDEX ix_prices_close ON prices (close);\n");

        Cli cli = check(m, "--models", models.toString());

        List<JsonNode> f = findings(cli, "models");
        assertEquals(1, cli.exit(), cli.toString());
        assertFinding2(f, "table companies: column sector is in the models but not in the migrations");
        assertFinding2(f, "table companies: column industry_code is in the migrations but not in the models");
        assertFinding2(f, "index ix_prices_close is in the models but not in the migrations");
    }

    private static void assertFinding2(List<JsonNode> findings, String message) {
        assertTrue(findings.stream().anyMatch(f -> f.get("message").asText().equals(message)), message + " not in " + findings);
    }

    @Test
    void a_downgrade_without_its_upgrade_and_a_duplicate_version_fail_history() throws Exception {
        Path m = folder("SELECT 1;\n", "SELECT 1;\n");
        Files.writeString(m.resolve("U3__orphan.sql"), "SELECT 1;\n");
        Files.writeString(m.resolve("V2__again.sql"), "SELECT 1;\n");

        Cli cli = check(m);

        List<JsonNode> f = findings(cli, "history");
        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(f, "error", 3, "U3__orphan.sql", "has no upgrade V3__*.sql");
        assertFinding(f, "error", 2, "V2__change.sql", "version 2 has two upgrades");
    }

    @Test
    void a_downgrade_that_fails_with_an_sql_error_names_its_file_and_statement() throws Exception {
        Path m = folder("ALTER TABLE companies ADD COLUMN sector TEXT;\n", "ALTER TABLE companies DROP COLUMN sectr;\n");

        Cli cli = check(m);

        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(findings(cli, "reversibility"), "error", 2, "U2__change.sql", "the downgrade of ");
        assertFinding(findings(cli, "reversibility"), "error", 2, "U2__change.sql", "no such column: \"sectr\"");
    }

    @Test
    void an_expression_index_is_read_and_its_round_trip_passes() throws Exception {
        Path m = folder("CREATE INDEX ix_notes_lower ON notes (lower(body));\n", "DROP INDEX ix_notes_lower;\n");

        Cli cli = check(m);

        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    void a_downgrade_that_leaves_an_expression_index_behind_is_found() throws Exception {
        Path m = folder("CREATE INDEX ix_notes_lower ON notes (lower(body));\n", "SELECT 1;\n");

        Cli cli = check(m);

        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(findings(cli, "reversibility"), "error", 2, "U2__change.sql", "ix_notes_lower");
    }

    @Test
    void an_upgrade_that_fails_names_the_statement_and_line() throws Exception {
        Path m = folder("ALTER TABLE companies ADD COLUMN a TEXT;\n\nALTER TABLE nowhere ADD COLUMN b TEXT;\n", "SELECT 1;\n");

        Cli cli = check(m);

        List<JsonNode> f = findings(cli, "reversibility");
        assertEquals(1, cli.exit(), cli.toString());
        assertFinding(f, "error", 2, "V2__change.sql", "statement 2 of 2 failed: ALTER TABLE nowhere ADD COLUMN b TEXT");
        List<String> lines = Files.readAllLines(m.resolve("V2__change.sql"));
        assertEquals(lines.indexOf("ALTER TABLE nowhere ADD COLUMN b TEXT;") + 1, f.get(0).get("line").asInt());
    }
}
