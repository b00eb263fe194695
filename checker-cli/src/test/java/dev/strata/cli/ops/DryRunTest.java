package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --dry-run shows what an operation would run, in order, and changes nothing. */
class DryRunTest {

    @TempDir
    Path dir;

    @Test
    void upgrade_dry_run_prints_the_backup_the_order_of_files_and_their_sql_and_changes_nothing() throws Exception {
        Path project = ExampleProject.copyTo(dir.resolve("p"));
        Cli.in(project, "upgrade", "10", "--no-backup");
        Path db = project.resolve("data/stock_data.db");
        String before = Backups.sha256(db);

        Cli dry = Cli.in(project, "upgrade", "--dry-run");

        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().startsWith("""
                -- dry run: upgrade data/stock_data.db from version 10 to 12; nothing is changed
                -- first, a backup to backup/stock_data.<UTC time>.db
                -- then 2 script(s) in this order: V11__link_companies_to_industries.sql (outside a transaction), V12__add_latest_prices_view.sql

                -- V11__link_companies_to_industries.sql (outside a transaction)
                """), dry.out());
        assertTrue(dry.out().contains("ALTER TABLE \"_strata_new_companies\" RENAME TO \"companies\";"), dry.out());
        assertTrue(dry.out().contains("CREATE VIEW"), dry.out());
        assertEquals(before, Backups.sha256(db));
        assertTrue(!Files.exists(project.resolve("backup")));
    }

    @Test
    void downgrade_dry_run_prints_the_stored_undo_scripts_with_their_history_bookkeeping_and_changes_nothing() throws Exception {
        Path project = ExampleProject.copyTo(dir.resolve("p"));
        Cli.in(project, "upgrade", "--no-backup");
        Path db = project.resolve("data/stock_data.db");
        String before = Backups.sha256(db);

        Cli dry = Cli.in(project, "downgrade", "10", "--dry-run");

        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("-- then 2 script(s) in this order: U12__add_latest_prices_view.sql,"
                + " U11__link_companies_to_industries.sql (outside a transaction)"), dry.out());
        assertTrue(dry.out().contains("\n-- U12__add_latest_prices_view.sql, stored in the database\n"), dry.out());
        assertTrue(dry.out().contains("DELETE FROM flyway_schema_history WHERE version = '12';\nDELETE FROM strata_undo WHERE version = 12;"),
                dry.out());
        assertEquals(before, Backups.sha256(db));
    }
}
