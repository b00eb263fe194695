package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An upgrade killed with SIGKILL in the middle leaves the database at the old revision or the new one, never between. */
class KilledUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void an_upgrade_killed_mid_migration_leaves_the_old_or_the_new_revision_and_current_says_which() throws Exception {
        Path project = ExampleProject.copyTo(dir.resolve("p"));
        Files.writeString(project.resolve("big.json"), """
                [ { "type": "TableCreated", "table": { "name": "big", "columns": [ { "name": "x", "type": "INTEGER" } ] } } ]
                """);
        Files.writeString(project.resolve("fill.json"), """
                [ { "type": "SqlExecuted", "description": "fill big with three million rows",
                    "up": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) INSERT INTO big SELECT x FROM c;",
                    "down": "DELETE FROM big;" } ]
                """);
        assertEquals(0, Cli.run("-C", project.toString(), "revision", "-m", "Big table", "--events-file", "big.json").exit());
        assertEquals(0, Cli.run("-C", project.toString(), "revision", "-m", "Fill big", "--events-file", "fill.json").exit());
        assertEquals(0, Cli.run("-C", project.toString(), "upgrade", "13").exit());
        LiveDatabase db = new LiveDatabase(project.resolve("data/stock_data.db"));

        Path journal = project.resolve("data/stock_data.db-journal");
        int killedMidTransaction = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), "dev.strata.cli.StrataCommand", "-C", project.toString(), "upgrade", "--no-backup")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // kill as soon as SQLite's rollback journal shows a write transaction under way, or after 20 s
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(journal) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (Files.exists(journal)) {
                killedMidTransaction++;
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));

            Cli current = Cli.run("-C", project.toString(), "current");
            int version = db.currentVersion();
            assertTrue(version == 13 || version == 14, "at version " + version);
            assertEquals(0, current.exit(), current.toString());
            assertTrue(current.out().contains("is at revision " + version + " ("), current.out());
            assertTrue(current.out().contains("the live schema matches revision " + version), current.out());
            if (version == 14) {
                assertEquals(0, Cli.run("-C", project.toString(), "downgrade", "-1", "--no-backup").exit());
            }
        }
        assertTrue(killedMidTransaction > 0, "no kill landed inside the migration's transaction");
    }
}
