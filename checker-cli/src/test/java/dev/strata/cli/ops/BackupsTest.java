package dev.strata.cli.ops;

import dev.strata.cli.OperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups of a database in WAL mode that another connection keeps using. */
class BackupsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void a_commit_that_lands_just_before_writers_are_held_off_is_in_the_backup() throws Exception {
        Path db = dir.resolve("app.db");
        try (Connection app = walDatabase(db)) {

            Backup backup = Backups.backup(db, dir.resolve("backup"), 10, CLOCK,
                    () -> execute(app, "INSERT INTO note (body) VALUES ('committed in the window')"));

            assertEquals(List.of("before the backup", "committed in the window"), notes(backup.file()));
            assertEquals(backup.sha256() + "  " + backup.file().getFileName() + "\n",
                    Files.readString(backup.file().resolveSibling(backup.file().getFileName() + ".sha256")));
        }
    }

    @Test
    void a_reader_that_holds_commits_out_of_the_database_file_fails_the_backup_instead_of_a_partial_copy() throws Exception {
        Path db = dir.resolve("app.db");
        try (Connection app = walDatabase(db); Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            reader.setAutoCommit(false);
            notes(reader);
            execute(app, "INSERT INTO note (body) VALUES ('after the reader began')");

            OperationFailedException e = assertThrows(OperationFailedException.class,
                    () -> Backups.backup(db, dir.resolve("backup"), 10, CLOCK));

            assertTrue(e.getMessage().contains("pages in app.db-wal reached the database file after 2000 ms, because another"
                    + " connection keeps reading an older state; try again when it has finished; nothing was changed"), e.getMessage());
            try (var files = Files.list(dir.resolve("backup"))) {
                assertEquals(List.of(), files.toList());
            }
        }
    }

    /** A database in WAL mode with one row, whose connection stays open so the log is not folded in on close. */
    private static Connection walDatabase(Path db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        execute(c, "PRAGMA journal_mode = WAL");
        execute(c, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        execute(c, "INSERT INTO note (body) VALUES ('before the backup')");
        return c;
    }

    private static void execute(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The notes in a copy of the backup, so that opening it cannot change the file itself. */
    private List<String> notes(Path backup) throws Exception {
        Path copy = Files.copy(backup, dir.resolve("opened.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            return notes(c);
        }
    }

    private static List<String> notes(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT body FROM note ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
