package dev.strata.cli.command;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Project files made to hang Strata or to reach outside its scratch databases end with exit 2 and a message, at once. */
class HostileInputTest {

    @TempDir
    Path dir;

    @Test
    void a_fifo_in_schema_events_makes_check_exit_2_instead_of_hanging() throws Exception {
        Path p = ExampleProject.copyTo(dir.resolve("project"));
        Process mkfifo = new ProcessBuilder("mkfifo", p.resolve("schema/events/0013-pipe.json").toString()).start();
        assertTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is needed for this test");

        Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("-C", p.toString(), "check"));

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("schema/events/0013-pipe.json: not a regular file (a folder, FIFO or device)"), cli.err());
    }

    @Test
    void a_50_mb_models_sql_exits_2_naming_the_file_before_reading_it() throws Exception {
        Path p = ExampleProject.copyTo(dir.resolve("project"));
        Path models = p.resolve("schema/models.sql");
        try (BufferedWriter w = Files.newBufferedWriter(models)) {
            for (int i = 0; Files.size(models) < 50L << 20 && i < 2_000_000; i++) {
                w.write("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, symbol TEXT UNIQUE);\n");
                if (i % 10_000 == 0) {
                    w.flush();
                }
            }
        }

        Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("-C", p.toString(), "diff", "--models", "schema/models.sql"));

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: schema/models.sql: the file is 50 MB; Strata reads models of at most 8 MB"), cli.err());
    }

    @Test
    void attach_at_the_end_of_models_sql_leaves_the_live_database_alone_and_exits_2() throws Exception {
        Path p = ExampleProject.copyTo(dir.resolve("project"));
        Path live = Files.createDirectories(p.resolve("data")).resolve("stock_data.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE daily_prices (id INTEGER PRIMARY KEY, close REAL)");
            st.execute("INSERT INTO daily_prices (close) VALUES (1.5), (2.5)");
        }
        Files.writeString(p.resolve("schema/models.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\nATTACH DATABASE '" + live
                + "' AS prod;\nDELETE FROM prod.daily_prices;\n");

        Cli cli = Cli.run("-C", p.toString(), "diff", "--models", "schema/models.sql");

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("statement 2 (line 2, ATTACH DATABASE"), cli.err());
        assertTrue(cli.err().contains("models hold only CREATE TABLE, CREATE INDEX, CREATE VIEW and CREATE TRIGGER statements"), cli.err());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM daily_prices")) {
            assertEquals(2, rs.getInt(1));
        }
    }
}
