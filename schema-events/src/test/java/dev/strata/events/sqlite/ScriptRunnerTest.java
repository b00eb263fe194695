package dev.strata.events.sqlite;

import dev.strata.events.sql.SqlScript;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.strata.events.sqlite.Queries.exec;
import static dev.strata.events.sqlite.Queries.number;
import static dev.strata.events.sqlite.Queries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptRunnerTest {

    private static final String TABLES = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";

    @Test
    void a_transactional_script_commits_and_gives_back_auto_commit() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Connection c = db.connection();

            ScriptRunner.run(c, new SqlScript(List.of("CREATE TABLE a (x)", "INSERT INTO a VALUES (1)"), true));

            assertEquals(1, number(c, "SELECT count(*) FROM a"));
            assertTrue(c.getAutoCommit());
        }
    }

    @Test
    void a_failing_transactional_script_changes_nothing_and_names_the_statement() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Connection c = db.connection();
            SqlScript script = new SqlScript(List.of("CREATE TABLE a (x)", "INSERT INTO a VALUES (1)",
                    "INSERT INTO missing\n   VALUES (2)"), true);

            SQLException e = assertThrows(SQLException.class, () -> ScriptRunner.run(c, script));

            assertTrue(e.getMessage().startsWith("statement 3 of 3 failed: INSERT INTO missing VALUES (2)"), e.getMessage());
            assertTrue(e.getMessage().contains("no such table: missing"), e.getMessage());
            assertEquals(List.of(), rows(c, TABLES));
            assertTrue(c.getAutoCommit());
        }
    }

    @Test
    void a_failing_non_transactional_script_rolls_back_its_own_transaction_and_restores_foreign_keys() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Connection c = db.connection();
            exec(c, "CREATE TABLE a (x)");
            SqlScript script = new SqlScript(List.of("PRAGMA foreign_keys = OFF", "SAVEPOINT s", "INSERT INTO a VALUES (1)",
                    "CREATE TABLE b (y)", "INSERT INTO nowhere VALUES (1)", "RELEASE s", "PRAGMA foreign_keys = ON"), false);

            SQLException e = assertThrows(SQLException.class, () -> ScriptRunner.run(c, script));

            assertTrue(e.getMessage().startsWith("statement 5 of 7 failed: INSERT INTO nowhere"), e.getMessage());
            assertEquals(List.of("a"), rows(c, TABLES));
            assertEquals(0, number(c, "SELECT count(*) FROM a"));
            assertEquals(1, number(c, "PRAGMA foreign_keys"));
            exec(c, "BEGIN", "COMMIT");
        }
    }

    @Test
    void a_non_transactional_script_runs_statement_by_statement_in_auto_commit() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Connection c = db.connection();

            ScriptRunner.run(c, new SqlScript(List.of("PRAGMA foreign_keys = OFF", "CREATE TABLE a (x)",
                    "CREATE TEMP TABLE fk AS SELECT foreign_keys FROM pragma_foreign_keys"), false));

            assertEquals(0, number(c, "SELECT foreign_keys FROM fk"), "the pragma took effect outside any transaction");
            assertEquals(1, number(c, "PRAGMA foreign_keys"), "the runner puts the setting back");
        }
    }

    @Test
    void a_non_transactional_script_refuses_an_open_transaction() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Connection c = db.connection();
            c.setAutoCommit(false);

            SQLException e = assertThrows(SQLException.class,
                    () -> ScriptRunner.run(c, new SqlScript(List.of("PRAGMA foreign_keys = OFF"), false)));

            assertTrue(e.getMessage().contains("must not run inside an open transaction"), e.getMessage());
        }
    }
}
