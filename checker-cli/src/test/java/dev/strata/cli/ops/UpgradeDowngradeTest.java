package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.projection.Projection;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** upgrade, downgrade and current against real database files of a copy of the example. */
class UpgradeDowngradeTest {

    @TempDir
    Path dir;

    private Path project;
    private List<Revision> revisions;

    private Path project() {
        project = ExampleProject.copyTo(dir.resolve("p"));
        revisions = RevisionFiles.readAll(project.resolve("schema/events"), "schema/events");
        return project;
    }

    private Cli strata(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = project.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    private LiveDatabase db() {
        return new LiveDatabase(project.resolve("data/stock_data.db"));
    }

    private void assertAt(int version) {
        assertEquals(version, db().currentVersion());
        assertEquals(Projection.schemaAt(revisions, version), db().schema());
    }

    @Test
    void upgrade_and_downgrade_walk_the_history_and_the_live_schema_always_equals_the_projection() {
        project();

        assertEquals(0, strata("upgrade", "4").exit());
        assertAt(4);
        assertEquals(0, strata("upgrade").exit());
        assertAt(12);
        assertEquals(0, strata("downgrade", "-1").exit());
        assertAt(11);
        assertEquals(0, strata("downgrade", "create-watchlists").exit());
        assertAt(3);
        assertEquals(0, strata("downgrade", "base").exit());
        assertAt(0);
        assertEquals(0, strata("upgrade").exit());
        assertAt(12);
    }

    @Test
    void rows_live_through_a_downgrade_and_upgrade_of_a_rebuild_of_a_referenced_table() throws Exception {
        project();
        strata("upgrade", "11");
        try (var c = db().connect(); var st = c.createStatement()) {
            st.execute("INSERT INTO industries (code, name) VALUES ('TECH', 'Technology')");
            st.execute("INSERT INTO companies (symbol, name, industry_code) VALUES ('AAPL', 'Apple', 'TECH')");
            st.execute("INSERT INTO daily_prices (symbol, date, close_price, volume) VALUES ('AAPL', '2026-01-02', 190.5, 1000)");
        }

        assertEquals(0, strata("downgrade", "10").exit());
        assertEquals(0, strata("upgrade").exit());

        try (var c = db().connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM daily_prices")) {
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void a_revision_whose_third_statement_fails_leaves_the_database_byte_for_byte_as_it_was() throws Exception {
        project();
        strata("upgrade");
        Path events = project.resolve("broken.json");
        Files.writeString(events, """
                [ { "type": "SqlExecuted", "description": "three statements, the third fails",
                    "up": "UPDATE companies SET sector = 'x';\\nINSERT INTO industries (code, name) VALUES ('A', 'a');\\nINSERT INTO nowhere VALUES (1);",
                    "down": "SELECT 1;" } ]
                """);
        assertEquals(0, strata("revision", "-m", "Broken", "--events-file", "broken.json").exit());
        String before = Backups.sha256(db().file());

        Cli cli = strata("upgrade");

        assertEquals(3, cli.exit(), cli.toString());
        assertEquals(before, Backups.sha256(db().file()));
        assertTrue(cli.err().contains("INSERT INTO nowhere VALUES (1)"), cli.err());
        assertTrue(cli.err().contains("no such table: nowhere"), cli.err());
        assertTrue(cli.err().contains("the database is intact: "), cli.err());
        assertAt(12);
    }

    /** Revision 14 is undone in its own transaction before 13 fails: only the backup brings 14 back. */
    @Test
    void a_downgrade_whose_sql_fails_restores_the_backup_and_exits_3() throws Exception {
        project();
        Files.writeString(project.resolve("down-fails.json"), """
                [ { "type": "SqlExecuted", "description": "a downgrade whose second statement fails",
                    "up": "UPDATE companies SET sector = 'up';",
                    "down": "UPDATE companies SET sector = 'down';\\nINSERT INTO nowhere VALUES (1);" } ]
                """);
        Files.writeString(project.resolve("down-works.json"), """
                [ { "type": "SqlExecuted", "description": "a downgrade that works", "up": "SELECT 1;", "down": "SELECT 2;" } ]
                """);
        assertEquals(0, strata("revision", "-m", "Down fails", "--events-file", "down-fails.json").exit());
        assertEquals(0, strata("revision", "-m", "Down works", "--events-file", "down-works.json").exit());
        assertEquals(0, strata("upgrade").exit());
        String before = Backups.sha256(db().file());

        Cli cli = strata("downgrade", "-2");

        Path backup = backups().get(backups().size() - 1);
        assertEquals(3, cli.exit(), cli.toString());
        assertEquals(before, Backups.sha256(db().file()));
        assertEquals(14, db().currentVersion());
        assertEquals("error: downgrade to version 12 failed: the undo script: statement 2 of 4 failed: INSERT INTO nowhere VALUES (1);\n"
                + "  SQLite says: [SQLITE_ERROR] SQL error or missing database (no such table: nowhere)\n"
                + "the database is intact: it was restored from " + backup + " (sha256 " + Backups.sha256(backup) + ", verified)\n",
                cli.err());
    }

    @Test
    void backup_then_restore_gives_back_the_database_byte_for_byte_and_the_sha256_names_the_backup() throws Exception {
        project();
        strata("upgrade");
        byte[] atBackup = Files.readAllBytes(db().file());
        Cli backup = strata("backup");
        Path file = project.resolve(backup.out().split("\\s+")[0]);
        strata("downgrade", "-3");

        Cli restore = strata("restore", project.relativize(file).toString());

        assertEquals(0, backup.exit(), backup.toString());
        assertEquals(project.relativize(file) + "  sha256 " + Backups.sha256(file) + "\n", backup.out());
        assertEquals(Backups.sha256(file) + "  " + file.getFileName() + "\n", Files.readString(Path.of(file + ".sha256")));
        assertEquals(0, restore.exit(), restore.toString());
        assertArrayEquals(atBackup, Files.readAllBytes(db().file()));
        assertAt(12);
    }

    @Test
    void upgrade_dry_run_prints_the_pending_sql_and_changes_nothing() throws Exception {
        project();
        strata("upgrade", "11");
        String before = Backups.sha256(db().file());
        List<Path> backups = backups();

        Cli cli = strata("upgrade", "--dry-run");

        assertEquals(0, cli.exit(), cli.toString());
        assertEquals("-- dry run: upgrade data/stock_data.db from version 11 to 12; nothing is changed\n"
                + "-- first, a backup to backup/stock_data.<UTC time>.db\n"
                + "-- then 1 script(s) in this order: V12__add_latest_prices_view.sql\n\n"
                + "-- V12__add_latest_prices_view.sql\n"
                + Files.readString(project.resolve("db/migration/V12__add_latest_prices_view.sql")), cli.out());
        assertEquals(before, Backups.sha256(db().file()));
        assertEquals(backups, backups());
    }

    /** The backups of the database, oldest first (their names carry the time). */
    private List<Path> backups() throws IOException {
        Path folder = project.resolve("backup");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".db")).sorted().toList();
        }
    }

    @Test
    void an_upgrade_of_a_database_changed_by_hand_applies_the_revisions_and_reports_drift_with_exit_1() throws Exception {
        project();
        strata("upgrade", "11");
        try (var c = db().connect(); var st = c.createStatement()) {
            st.execute("CREATE INDEX ix_by_hand ON companies (name)");
        }

        Cli cli = strata("upgrade");

        assertEquals(1, cli.exit(), cli.toString());
        assertEquals(12, db().currentVersion());
        assertTrue(cli.out().endsWith("upgraded data/stock_data.db from version 11 to 12 (applied [12])\n"
                + "drift: data/stock_data.db differs from revision 12 (someone changed it by hand):\n"
                + "  index ix_by_hand is in data/stock_data.db but not in revision 12\n"), cli.out());
    }

    @Test
    void stock_flyway_sees_nothing_pending_after_strata_and_strata_reads_what_stock_flyway_applied() {
        project();
        strata("upgrade");
        Flyway flyway = Flyway.configure().dataSource("jdbc:sqlite:" + db().file(), null, null)
                .locations("filesystem:" + project.resolve("db/migration")).load();

        flyway.validate();
        assertEquals(0, flyway.info().pending().length);

        Path other = project.resolve("data/other.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + other + "?foreign_keys=true", null, null)
                .locations("filesystem:" + project.resolve("db/migration")).target("7").load().migrate();
        Cli current = strata("--db", "data/other.db", "current");
        assertEquals(0, current.exit(), current.toString());
        assertTrue(current.out().startsWith("data/other.db is at revision 7 (rename-daily-prices-close-to-close-price)"), current.out());
        assertTrue(current.out().contains("the live schema matches revision 7"), current.out());
    }

    @Test
    void a_database_changed_by_hand_is_reported_as_drift() throws Exception {
        project();
        strata("upgrade");
        try (var c = db().connect(); var st = c.createStatement()) {
            st.execute("CREATE INDEX ix_by_hand ON companies (name)");
        }

        Cli cli = strata("current");

        assertEquals(1, cli.exit());
        assertTrue(cli.out().contains("drift: data/stock_data.db differs from revision 12"), cli.out());
        assertTrue(cli.out().contains("index ix_by_hand is in data/stock_data.db but not in revision 12"), cli.out());
    }

    @Test
    void restore_refuses_a_file_that_is_not_a_sqlite_database_or_whose_checksum_changed() throws Exception {
        project();
        strata("upgrade");
        Cli backup = strata("backup");
        Path file = project.resolve(backup.out().split("\\s+")[0]);
        Path fake = project.resolve("backup/fake.db");
        Files.writeString(fake, "not a database");
        Files.writeString(project.resolve("backup/fake.db.sha256"), Backups.sha256(fake) + "  fake.db\n");

        Cli notSqlite = strata("restore", "backup/fake.db");
        Files.write(file, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        Cli changed = strata("restore", project.relativize(file).toString());

        assertEquals(2, notSqlite.exit());
        assertTrue(notSqlite.err().contains("is not a SQLite database"), notSqlite.err());
        assertEquals(2, changed.exit());
        assertTrue(changed.err().contains("was recorded when it was made; the file changed, nothing was restored"), changed.err());
    }

    @Test
    void two_upgrades_at_once_apply_every_migration_exactly_once() throws Exception {
        project();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> strata("upgrade", "--no-backup"));
            var b = pool.submit(() -> strata("upgrade", "--no-backup"));

            assertEquals(0, a.get().exit(), a.get().toString());
            assertEquals(0, b.get().exit(), b.get().toString());
        } finally {
            pool.shutdown();
        }
        assertAt(12);
        List<AppliedVersion> applied = db().applied();
        assertEquals(12, applied.size());
        assertEquals(12, applied.stream().map(AppliedVersion::version).distinct().count());
    }

    @Test
    void a_jdbc_url_names_the_database_and_only_the_newest_backups_are_kept() throws Exception {
        project();
        Path other = project.resolve("data/other.db");
        String url = "jdbc:sqlite:" + other + "?foreign_keys=true";

        assertEquals(0, strata("--url", url, "upgrade", "2").exit());
        for (int v = 3; v <= 5; v++) {
            assertEquals(0, strata("--url", url, "--keep-backups", "2", "upgrade", String.valueOf(v)).exit());
        }
        Cli memory = strata("--url", "jdbc:sqlite::memory:", "upgrade");

        assertEquals(5, new LiveDatabase(other).currentVersion());
        try (var files = Files.list(project.resolve("backup"))) {
            assertEquals(2, files.filter(f -> f.getFileName().toString().matches("other\\..*\\.db")).count());
        }
        assertEquals(2, memory.exit());
        assertTrue(memory.err().contains("strata manages SQLite database files"), memory.err());
    }

    @Test
    void upgrade_outside_a_project_is_bad_usage_and_writes_nothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Cli cli = Cli.run("-C", empty.toString(), "upgrade");

        assertEquals(2, cli.exit());
        assertEquals("error: no migrations in db/migration: nothing to apply; run strata in a project (-C DIR) or give --migrations DIR\n",
                cli.err());
        try (var files = Files.list(empty)) {
            assertEquals(0, files.count());
        }
    }
}
