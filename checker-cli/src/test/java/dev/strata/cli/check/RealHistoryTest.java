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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What real projects' histories need from the checker: every version checked and reported, functions the
 * application registers, objects its migration tool creates, messages that fit the case.
 */
class RealHistoryTest {

    @TempDir
    Path dir;

    /** A Flyway folder named {@code name} under the temp dir, from V/U pairs; a null U is left out. */
    private Path folder(String name, String... upDown) throws Exception {
        Path m = Files.createDirectories(dir.resolve(name).resolve("migration"));
        for (int i = 0; i < upDown.length / 2; i++) {
            Files.writeString(m.resolve("V" + (i + 1) + "__step" + (i + 1) + ".sql"), upDown[2 * i]);
            if (upDown[2 * i + 1] != null) {
                Files.writeString(m.resolve("U" + (i + 1) + "__step" + (i + 1) + ".sql"), upDown[2 * i + 1]);
            }
        }
        return m.getParent();
    }

    private static Cli check(Path project, String... more) {
        List<String> args = new ArrayList<>(List.of("-C", project.toString(), "check", "--migrations", "migration"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode json(Cli cli) throws Exception {
        return new ObjectMapper().readTree(cli.out());
    }

    private static List<String> statuses(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("revisions").forEach(r -> out.add(r.get("version").asInt() + " " + r.get("status").asText()));
        return out;
    }

    @Test
    void the_json_report_gives_every_version_its_status_and_why_it_was_not_checked() throws Exception {
        Path p = folder("app",
                "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT, rating INTEGER);", "DROP TABLE a;",
                "CREATE INDEX ix_a ON a (name);", "SELECT 1;",
                "ALTER TABLE a DROP COLUMN rating;", "ALTER TABLE a ADD COLUMN rating INTEGER;",
                "ALTER TABLE nowhere ADD COLUMN x TEXT;", "SELECT 1;",
                "CREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b;");

        Cli cli = check(p, "--format", "json");

        JsonNode report = json(cli);
        assertEquals(1, cli.exit(), cli.toString());
        assertEquals(List.of("1 passed", "2 failed", "3 warning", "4 failed", "5 not-checked"), statuses(report));
        JsonNode fifth = report.get("revisions").get(4);
        assertEquals("migration/V5__step5.sql", fifth.get("up").asText());
        assertEquals("migration/U5__step5.sql", fifth.get("down").asText());
        assertEquals("the upgrade of version 4 (step4) fails even without seeded rows", fifth.get("reason").asText());
        assertEquals("checked 4 of 5 revisions; not checked: 5 (the upgrade of version 4 (step4) fails even without seeded rows)",
                report.get("coverage").asText());
    }

    @Test
    void every_format_says_how_many_versions_were_checked() throws Exception {
        Path p = folder("app",
                "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;",
                "ALTER TABLE nowhere ADD COLUMN x TEXT;", "SELECT 1;",
                "CREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b;",
                "CREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;");
        String line = "checked 2 of 4 revisions; not checked: 3-4 (the upgrade of version 2 (step2) fails even without seeded rows)";

        for (String format : List.of("text", "markdown", "github")) {
            Cli cli = check(p, "--format", format);
            assertTrue(cli.out().contains(line), format + ":\n" + cli.out());
        }
        Cli junit = check(p, "--format", "junit");
        assertTrue(junit.out().contains("<testsuite name=\"coverage\" tests=\"4\" failures=\"0\" skipped=\"2\">"), junit.out());
        assertTrue(junit.out().contains("name=\"version 3 not-checked\"><skipped message=\"not checked: the upgrade of version 2"),
                junit.out());
    }

    @Test
    void a_function_the_application_registers_is_named_with_the_lines_to_declare_it_and_the_walk_goes_on() throws Exception {
        Path p = folder("app",
                "CREATE TABLE a (id INTEGER PRIMARY KEY, secret BLOB, encoded TEXT);", "DROP TABLE a;",
                "UPDATE a SET encoded = to_base64(secret);", "UPDATE a SET encoded = NULL;",
                "CREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b;",
                "CREATE INDEX ix_b ON b (id);", "SELECT 1;");

        Cli cli = check(p, "--format", "json");

        JsonNode report = json(cli);
        assertEquals(List.of("1 passed", "2 failed", "3 passed", "4 failed"), statuses(report));
        JsonNode finding = report.get("findings").get(0);
        assertEquals("V2__step2.sql calls to_base64(), which SQLite does not have; the check went on with a stand-in that"
                + " gives back its first argument", finding.get("message").asText());
        assertTrue(finding.get("hint").asText().contains("check: {functions: {to_base64: identity}}"), finding.toString());
    }

    @Test
    void declared_functions_run_on_the_scratch_database_as_built_ins_or_sql_expressions() throws Exception {
        Path p = folder("app",
                "CREATE TABLE a (id INTEGER PRIMARY KEY, secret BLOB, encoded TEXT, email TEXT);", "DROP TABLE a;",
                "CREATE TABLE proof AS SELECT to_base64(X'68656C6C6F') AS b, normalize('  Me@X.org ') AS n;",
                "DROP TABLE proof;",
                "CREATE TABLE wrong AS SELECT 1 AS x WHERE (SELECT b FROM proof) <> 'aGVsbG8='"
                        + " OR (SELECT n FROM proof) <> 'me@x.org';", "DROP TABLE wrong;");
        Files.writeString(p.resolve("strata.yaml"),
                "check:\n  functions:\n    to_base64: base64\n    normalize: \"lower(trim(?1))\"\n");

        Cli cli = check(p, "--format", "json");

        assertEquals(List.of("1 passed", "2 passed", "3 passed"), statuses(json(cli)), cli.toString());
        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    void a_function_spec_sqlite_cannot_read_is_bad_input() throws Exception {
        Path p = folder("app", "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
        Files.writeString(p.resolve("strata.yaml"), "check:\n  functions:\n    normalize: \"lower(trim(?1)\"\n");

        Cli cli = check(p);

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("strata.yaml: check.functions: function normalize: 'lower(trim(?1)' is neither a built-in"),
                cli.err());
    }

    @Test
    void a_prelude_creates_what_the_migration_tool_makes_before_the_first_migration() throws Exception {
        Path p = folder("app",
                "CREATE TABLE migrations_new (version TEXT PRIMARY KEY); INSERT INTO migrations_new SELECT version FROM migrations;"
                        + " DROP TABLE migrations; ALTER TABLE migrations_new RENAME TO migrations;", null,
                "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
        Cli without = check(p, "--format", "json");
        assertEquals(List.of("1 failed", "2 not-checked"), statuses(json(without)));
        Files.writeString(p.resolve("prelude.sql"), "-- the tool's own table\nCREATE TABLE migrations (version TEXT);\n");
        Files.writeString(p.resolve("strata.yaml"), "check:\n  prelude: prelude.sql\n");

        Cli with = check(p, "--format", "json");

        assertEquals(List.of("1 failed", "2 passed"), statuses(json(with)), "V1 has no downgrade, and V2 is checked");
    }

    @Test
    void a_prelude_that_fails_is_bad_input_naming_its_line() throws Exception {
        Path p = folder("app", "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
        Files.writeString(p.resolve("prelude.sql"), "CREATE TABLE t (x);\n\nCREATE TABLE t (y);\n");

        Cli cli = check(p, "--prelude", "prelude.sql");

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("check.prelude prelude.sql:3: statement 2 of 2 failed: CREATE TABLE t (y)"), cli.err());
    }

    @Test
    void a_folder_whose_name_is_not_a_subject_is_checked_as_it_is() throws Exception {
        Path p = folder("_probes", "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
        Files.writeString(p.resolve("strata.yaml"), "migrations: migration\n");

        Cli cli = Cli.run("-C", p.toString(), "check");

        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    void a_script_with_its_own_transaction_is_told_to_add_a_conf_file() throws Exception {
        Path p = folder("app",
                "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;",
                "BEGIN; ALTER TABLE a ADD COLUMN b TEXT; COMMIT;", "ALTER TABLE a DROP COLUMN b;");

        Cli cli = check(p, "--format", "json");

        JsonNode finding = json(cli).get("findings").get(0);
        assertEquals(2, finding.get("revision").asInt());
        assertEquals("the script manages its own transaction (BEGIN/COMMIT): tell Flyway not to wrap it, with a file"
                + " V2__step2.sql.conf holding executeInTransaction=false", finding.get("hint").asText());
    }

    @Test
    void a_statement_that_is_wrong_is_not_blamed_on_foreign_keys() throws Exception {
        Path p = folder("app",
                "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;",
                "ALTER TABLE a ADD COLUMN b TEXT;", "ALTER TABLE a DROP COLUMN c;");

        Cli cli = check(p, "--format", "json");

        JsonNode finding = json(cli).get("findings").get(0);
        assertEquals("fix the statement", finding.get("hint").asText());
        assertFalse(finding.toString().contains("foreign keys on"), finding.toString());
    }

    @Test
    void a_foreign_key_left_pointing_at_a_dropped_table_is_a_lint_warning_not_an_error() throws Exception {
        Path p = folder("app",
                "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id));",
                "DROP TABLE c; DROP TABLE p;",
                "PRAGMA foreign_keys = OFF; DROP TABLE p;", "CREATE TABLE p (id INTEGER PRIMARY KEY);");
        Files.writeString(p.resolve("migration/V2__step2.sql.conf"), "executeInTransaction=false\n");
        Files.writeString(p.resolve("migration/U2__step2.sql.conf"), "executeInTransaction=false\n");

        Cli cli = check(p, "--format", "json");

        JsonNode report = json(cli);
        assertTrue(report.get("findings").toString().contains("[dangling-foreign-key] the foreign key c[p_id] references table p,"
                + " which does not exist"), cli.out());
        assertEquals(List.of("1 passed", "2 warning"), statuses(report), cli.out());
    }

    @Test
    void an_upgrade_that_drops_and_recreates_a_table_loses_its_rows_by_intent_a_warning() throws Exception {
        Path p = folder("app",
                "CREATE TABLE cache (k TEXT PRIMARY KEY, v TEXT);", "DROP TABLE cache;",
                "DROP TABLE IF EXISTS cache; CREATE TABLE cache (k TEXT PRIMARY KEY, v TEXT, at INTEGER);",
                "DROP TABLE cache; CREATE TABLE cache (k TEXT PRIMARY KEY, v TEXT);");

        Cli cli = check(p, "--format", "json");

        JsonNode report = json(cli);
        assertEquals(List.of("1 passed", "2 warning"), statuses(report), cli.out());
        assertTrue(report.get("findings").toString().contains("drops or filters the table's rows on purpose"), cli.out());
    }

    @Test
    void a_downgrade_that_wipes_a_table_the_upgrade_did_not_touch_is_an_error() throws Exception {
        Path p = folder("app",
                "CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE a; DROP TABLE b;",
                "ALTER TABLE a ADD COLUMN note TEXT;", "DELETE FROM b; ALTER TABLE a DROP COLUMN note;");

        Cli cli = check(p, "--format", "json");

        assertEquals(List.of("1 passed", "2 failed"), statuses(json(cli)), cli.out());
        assertTrue(json(cli).get("findings").toString().contains("rows of table b differ: 0 rows instead of 3"), cli.out());
    }

    @Test
    void a_rebuild_that_breaks_a_foreign_key_is_reported_as_that_not_as_a_trigger_firing() throws Exception {
        Path p = folder("app",
                "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id));",
                "DROP TABLE c; DROP TABLE p;",
                """
                PRAGMA foreign_keys = OFF;
                SAVEPOINT strata_rebuild;
                CREATE TABLE p_new (id INTEGER PRIMARY KEY);
                INSERT INTO p_new (id) SELECT id + 100 FROM p;
                DROP TABLE p;
                ALTER TABLE p_new RENAME TO p;
                CREATE TEMP TABLE "_strata_foreign_key_check" ("violations" INTEGER NOT NULL);
                CREATE TEMP TRIGGER "_strata_check" BEFORE INSERT ON "_strata_foreign_key_check" WHEN NEW."violations" > 0
                    BEGIN SELECT RAISE(ROLLBACK, 'no_foreign_key_violations_after_rebuild: rows would violate a foreign key'); END;
                INSERT INTO "_strata_foreign_key_check" ("violations") SELECT count(*) FROM pragma_foreign_key_check;
                DROP TABLE "_strata_foreign_key_check";
                RELEASE strata_rebuild;
                PRAGMA foreign_keys = ON;
                """, "SELECT 1;");
        Files.writeString(p.resolve("migration/V2__step2.sql.conf"), "executeInTransaction=false\n");

        Cli cli = check(p, "--format", "json");

        JsonNode finding = json(cli).get("findings").get(0);
        assertEquals(2, finding.get("revision").asInt(), cli.out());
        assertTrue(finding.get("message").asText().contains("leaves rows that violate a foreign key"), finding.toString());
        assertFalse(finding.get("message").asText().contains("RAISE function"), finding.toString());
    }

    @Test
    void stacktrace_prints_the_stack_trace_after_the_message() throws Exception {
        Path p = folder("app", "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
        Files.writeString(p.resolve("prelude.sql"), "CREATE TABLE t (x;\n");

        Cli plain = check(p, "--prelude", "prelude.sql");
        Cli traced = check(p, "--prelude", "prelude.sql", "--stacktrace");

        assertEquals(2, plain.exit());
        assertFalse(plain.err().contains("\tat dev.strata"), plain.err());
        assertEquals(2, traced.exit());
        assertTrue(traced.err().startsWith("error: check.prelude prelude.sql:1:"), traced.err());
        assertTrue(traced.err().contains("\tat dev.strata.cli.command.CheckSetup.apply"), traced.err());
    }
}
