package dev.strata.events.sqlite;

import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionFormatException;
import dev.strata.events.sql.SqlScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQL Strata runs but did not write reaches nothing outside its scratch database, and ends within its budget. */
class SandboxTest {

    @TempDir
    Path dir;

    private Path liveDatabase() throws Exception {
        Path live = dir.resolve("stock_data.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE daily_prices (id INTEGER PRIMARY KEY, close REAL)");
            st.execute("INSERT INTO daily_prices (close) VALUES (1.5), (2.5)");
        }
        return live;
    }

    private static int rows(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM daily_prices")) {
            return rs.getInt(1);
        }
    }

    @Test
    void attach_in_a_script_is_refused_and_the_live_database_keeps_its_rows() throws Exception {
        Path live = liveDatabase();

        try (ScratchDatabase db = ScratchDatabase.create(true)) {
            ScriptException e = assertThrows(ScriptException.class, () -> db.apply(new SqlScript(List.of(
                    "CREATE TABLE t (id INTEGER PRIMARY KEY)", "ATTACH DATABASE '" + live + "' AS prod", "DELETE FROM prod.daily_prices"),
                    true)));

            assertEquals(2, e.statement());
            assertTrue(e.getMessage().contains("ATTACH, DETACH and VACUUM are not allowed: Strata runs this SQL in a sandbox that"
                    + " reaches no file but its scratch database; remove the statement"), e.getMessage());
        }
        assertEquals(2, rows(live));
    }

    @Test
    void attach_in_models_sql_is_refused_before_it_runs() throws Exception {
        Path live = liveDatabase();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlModels.parse(
                "CREATE TABLE t (id INTEGER PRIMARY KEY);\nATTACH DATABASE '" + live + "' AS prod;\nDELETE FROM prod.daily_prices;\n"));

        assertTrue(e.getMessage().startsWith("statement 2 (line 2, ATTACH DATABASE"), e.getMessage());
        assertEquals(2, rows(live));
    }

    @Test
    void vacuum_into_in_a_migration_script_writes_no_file() throws Exception {
        Path target = dir.resolve("copy.db");

        try (ScratchDatabase db = ScratchDatabase.create(true)) {
            ScriptException e = assertThrows(ScriptException.class, () -> db.apply(new SqlScript(
                    List.of("CREATE TABLE t (id INTEGER PRIMARY KEY)", "VACUUM INTO '" + target + "'"), false)));

            assertEquals(2, e.statement());
            assertTrue(e.getMessage().contains("ATTACH, DETACH and VACUUM are not allowed"), e.getMessage());
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void load_extension_is_not_authorized() {
        try (ScratchDatabase db = ScratchDatabase.create(true)) {
            ScriptException e = assertThrows(ScriptException.class, () -> db.apply(new SqlScript(
                    List.of("SELECT load_extension('" + dir.resolve("evil.so") + "')"), true)));

            assertTrue(e.getMessage().contains("load_extension is not allowed"), e.getMessage());
        }
    }

    @Test
    void strata_own_statements_still_run_in_the_sandbox() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(true); Statement st = db.connection().createStatement()) {
            db.apply(new SqlScript(List.of("PRAGMA foreign_keys = OFF", "SAVEPOINT s", "CREATE TEMP TABLE seen (x)",
                    "CREATE TABLE p (id INTEGER PRIMARY KEY)", "CREATE TABLE c (p_id REFERENCES p(id))", "INSERT INTO c VALUES (7)",
                    "RELEASE s", "PRAGMA foreign_keys = ON"), false));

            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pragma_foreign_key_check")) {
                assertEquals(1, rs.getInt(1));
            }
            byte[] image = db.image();
            db.restore(image);
            assertTrue(db.deleteAllRows(List.of(dev.strata.events.schema.Identifier.of("c"))));
        }
    }

    @Test
    void a_recursive_cte_in_create_table_as_is_stopped_by_the_time_budget() {
        System.setProperty("strata.check.timeout", "2");
        try {
            long started = System.nanoTime();

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlModels.parse(
                    "CREATE TABLE t AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c;"));

            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertTrue(seconds < 10, "stopped after " + seconds + " s");
            assertTrue(e.getMessage().contains("it ran past the time budget of 2 s and was stopped")
                    || e.getMessage().contains("it grew the scratch database past"), e.getMessage());
        } finally {
            System.clearProperty("strata.check.timeout");
        }
    }

    @Test
    void a_fifo_among_the_revision_files_is_refused_instead_of_read() throws Exception {
        Path events = Files.createDirectories(dir.resolve("events"));
        Process mkfifo = new ProcessBuilder("mkfifo", events.resolve("0001-init.json").toString()).start();
        assertTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is needed for this test");

        RevisionFormatException e = assertThrows(RevisionFormatException.class, () -> RevisionFiles.readAll(events, "schema/events"));

        assertEquals("schema/events/0001-init.json: not a regular file (a folder, FIFO or device); remove it from schema/events"
                + " or replace it by the revision's JSON file", e.getMessage());
    }
}
