package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backups a production user counts on: kept when named, never lost by a restore, and honest failures. */
class BackupsKeptTest {

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void a_copy_of_the_example() {
        project = ExampleProject.copyTo(dir.resolve("p"));
    }

    private Path db() {
        return project.resolve("data/stock_data.db");
    }

    private void sql(String statement) throws Exception {
        try (var c = new LiveDatabase(db()).connect(); var st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private long companies(Path file) throws Exception {
        try (var c = new LiveDatabase(file).connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM companies")) {
            return rs.getLong(1);
        }
    }

    @Test
    void the_named_backup_before_a_deploy_outlives_pruning_and_pruning_says_what_it_removed() {
        Cli.in(project, "upgrade", "2");
        Cli named = Cli.in(project, "backup", "--name", "before-v0.3.0");

        StringBuilder upgrades = new StringBuilder();
        for (int v = 3; v <= 8; v++) {
            upgrades.append(Cli.in(project, "--keep-backups", "2", "upgrade", String.valueOf(v)).out());
        }

        assertEquals(0, named.exit(), named.toString());
        assertTrue(named.out().startsWith("backup/stock_data.before-v0.3.0.db  sha256 "), named.out());
        assertTrue(Files.isRegularFile(project.resolve("backup/stock_data.before-v0.3.0.db")));
        assertTrue(upgrades.toString().contains("removed the old backup " + project.resolve("backup") + "/stock_data.2"), upgrades.toString());
        assertTrue(upgrades.toString().contains("(the newest 2 are kept; `strata backup --name NAME` keeps one for good)"), upgrades.toString());
        assertEquals(2, Cli.in(project, "backup", "--name", "before-v0.3.0").exit(), "a named backup is never replaced");
    }

    @Test
    void restore_first_backs_up_the_database_it_replaces_so_a_row_written_after_the_backup_is_kept_there() throws Exception {
        Cli.in(project, "upgrade");
        Cli.in(project, "backup", "--name", "before-v0.3.0");
        sql("INSERT INTO companies (symbol, name) VALUES ('AAPL', 'Apple')");

        Cli restore = Cli.in(project, "restore", "backup/stock_data.before-v0.3.0.db");

        assertEquals(0, restore.exit(), restore.toString());
        String line = restore.out().lines().filter(l -> l.startsWith("backed up the database it replaces to ")).findFirst().orElseThrow();
        Path saved = project.resolve(line.substring("backed up the database it replaces to ".length()).split(" ")[0]);
        assertTrue(saved.getFileName().toString().startsWith("stock_data.before-restore-"), saved.toString());
        assertEquals(1, companies(saved));
        assertEquals(0, companies(db()));
    }

    @Test
    void restore_keeps_the_owner_group_and_mode_of_the_database_file() throws Exception {
        Cli.in(project, "upgrade");
        Cli.in(project, "backup", "--name", "known-good");
        sql("INSERT INTO companies (symbol, name) VALUES ('AAPL', 'Apple')");
        var view = Files.getFileAttributeView(db(), PosixFileAttributeView.class);
        var nobody = db().getFileSystem().getUserPrincipalLookupService();
        view.setPermissions(PosixFilePermissions.fromString("rw-r-----"));
        view.setOwner(nobody.lookupPrincipalByName("nobody"));
        view.setGroup(nobody.lookupPrincipalByGroupName("nogroup"));

        Cli restore = Cli.in(project, "restore", "backup/stock_data.known-good.db");

        assertEquals(0, restore.exit(), restore.toString());
        var after = Files.readAttributes(db(), java.nio.file.attribute.PosixFileAttributes.class);
        assertEquals("rw-r-----", PosixFilePermissions.toString(after.permissions()));
        assertEquals("nobody", after.owner().getName());
        assertEquals("nogroup", after.group().getName());
        assertEquals(0, companies(db()));
    }

    @Test
    void restoring_a_database_no_operation_changed_leaves_the_file_alone() throws Exception {
        Cli.in(project, "upgrade");
        Cli.in(project, "backup", "--name", "same");
        Object inode = Files.getAttribute(db(), "unix:ino");

        Cli restore = Cli.in(project, "restore", "backup/stock_data.same.db");

        assertEquals(0, restore.exit(), restore.toString());
        assertEquals("nothing to restore: data/stock_data.db is byte for byte backup/stock_data.same.db (no operation changed it"
                + " since); it was left as it was\n", restore.out());
        assertEquals(inode, Files.getAttribute(db(), "unix:ino"));
    }

    @Test
    void an_upgrade_of_a_read_only_database_says_permissions_first_and_leaves_the_file_and_its_mode_alone() throws Exception {
        Cli.in(project, "upgrade", "10");
        Files.setPosixFilePermissions(db(), PosixFilePermissions.fromString("r--r--r--"));
        String before = Backups.sha256(db());

        Cli upgrade = Cli.in(project, "upgrade");

        assertEquals(3, upgrade.exit(), upgrade.toString());
        assertEquals("error: upgrade refused: permissions: " + db() + " is read-only (mode r--r--r--); nothing was changed, the database"
                + " is intact; fix: make it writable (chmod u+w) if it should change, or run as its owner\n", upgrade.err());
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(db())));
        assertEquals(before, Backups.sha256(db()));
    }

    @Test
    void a_migration_that_fills_the_disk_says_the_disk_is_full_first_and_then_that_the_database_is_intact() throws Exception {
        Cli.in(project, "upgrade");
        Files.writeString(project.resolve("fill.json"), """
                [ { "type": "SqlExecuted", "description": "a cache that outgrows the disk",
                    "up": "CREATE TABLE cache (blob BLOB);\\nPRAGMA max_page_count = 60;\\nWITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO cache SELECT randomblob(4000) FROM n;",
                    "down": "DROP TABLE cache;" } ]
                """);
        assertEquals(0, Cli.in(project, "revision", "-m", "Cache", "--events-file", "fill.json").exit());
        String before = Backups.sha256(db());

        Cli upgrade = Cli.in(project, "upgrade");

        assertEquals(3, upgrade.exit(), upgrade.toString());
        assertTrue(upgrade.err().startsWith("error: upgrade to version 13 failed: the disk is full: "), upgrade.err());
        assertTrue(upgrade.err().contains("\nthe database is intact: "), upgrade.err());
        assertEquals(before, Backups.sha256(db()));
    }

    @Test
    void a_first_upgrade_that_fails_leaves_no_empty_database_file_behind() throws Exception {
        Files.writeString(project.resolve("broken.json"), """
                [ { "type": "SqlExecuted", "description": "fails", "up": "INSERT INTO nowhere VALUES (1);", "down": "SELECT 1;" } ]
                """);
        assertEquals(0, Cli.in(project, "revision", "-m", "Broken", "--events-file", "broken.json").exit());

        Cli upgrade = Cli.in(project, "upgrade");

        assertEquals(3, upgrade.exit(), upgrade.toString());
        assertTrue(upgrade.err().contains("the database did not exist before, and the file the upgrade created was removed"), upgrade.err());
        assertFalse(Files.exists(db()));
    }
}
