package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.projection.Projection;
import dev.strata.events.sqlite.ScriptRunner;
import dev.strata.cli.layout.FlywayLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health check after a deploy, and a migration that ran without its history row. */
class VerifyTest {

    @TempDir
    Path dir;

    private Path project;
    private List<Revision> revisions;

    @BeforeEach
    void a_copy_of_the_example() {
        project = ExampleProject.copyTo(dir.resolve("p"));
        revisions = RevisionFiles.readAll(project.resolve("schema/events"), "schema/events");
    }

    private LiveDatabase db() {
        return new LiveDatabase(project.resolve("data/stock_data.db"));
    }

    @Test
    void verify_after_a_deploy_passes_and_says_what_it_checked() {
        Cli.in(project, "upgrade");

        Cli verify = Cli.in(project, "verify");

        assertEquals(0, verify.exit(), verify.toString());
        assertEquals("""
                ok      integrity: PRAGMA integrity_check: ok
                ok      foreign-keys: PRAGMA foreign_key_check: no violations
                ok      schema: the live schema matches revision 12
                ok      pending: nothing pending (head 12)
                ok      undo: 12 stored undo script(s) match their hashes
                verified data/stock_data.db at revision 12
                """, verify.out());
    }

    @Test
    void with_revisions_pending_verify_and_current_check_exit_1_and_plain_current_exits_0() {
        Cli.in(project, "upgrade", "10");

        Cli verify = Cli.in(project, "verify");
        Cli check = Cli.in(project, "current", "--check");
        Cli current = Cli.in(project, "current");

        assertEquals(1, verify.exit(), verify.toString());
        assertTrue(verify.out().contains("FAILED  pending: 2 pending: V11__link_companies_to_industries.sql, V12__add_latest_prices_view.sql"),
                verify.out());
        assertTrue(verify.out().endsWith("verify failed for data/stock_data.db at revision 10 (failed: pending)\n"), verify.out());
        assertEquals(1, check.exit(), check.toString());
        assertTrue(check.out().contains("2 revision(s) pending: run strata upgrade"), check.out());
        assertEquals(0, current.exit(), current.toString());
    }

    @Test
    void a_row_that_points_at_no_parent_fails_verify() throws Exception {
        Cli.in(project, "upgrade");
        try (var c = db().connect(); var st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("INSERT INTO daily_prices (symbol, date, close_price, volume) VALUES ('NOPE', '2026-01-02', 1.0, 1)");
        }

        Cli verify = Cli.in(project, "verify");

        assertEquals(1, verify.exit(), verify.toString());
        assertTrue(verify.out().contains("FAILED  foreign-keys: 1 row(s) point at no parent: daily_prices row 1 -> companies"), verify.out());
    }

    @Test
    void a_stored_undo_script_changed_by_hand_fails_verify() throws Exception {
        Cli.in(project, "upgrade");
        try (var c = db().connect(); var st = c.createStatement()) {
            st.execute("UPDATE strata_undo SET script = script || ' DROP TABLE companies;' WHERE version = 3");
        }

        Cli verify = Cli.in(project, "verify");

        assertEquals(1, verify.exit(), verify.toString());
        assertTrue(verify.out().contains("FAILED  undo: the stored undo scripts of version 3 do not match their hashes"), verify.out());
    }

    @Test
    void a_non_transactional_migration_that_ran_without_its_history_row_is_named_by_current_and_recorded_by_upgrade() throws Exception {
        Cli.in(project, "upgrade", "10");
        // what a process killed between V11's own COMMIT and Flyway's history row leaves behind
        var v11 = new FlywayLayout().read(project.resolve("db/migration"), "db/migration").pairs().get(10).up();
        try (var c = db().connect()) {
            ScriptRunner.run(c, v11.script());
        }

        Cli current = Cli.in(project, "current");
        Cli upgrade = Cli.in(project, "upgrade");

        assertEquals(1, current.exit(), current.toString());
        assertTrue(current.out().contains("V11 ran but was not recorded (interrupted)"), current.out());
        assertTrue(!current.out().contains("by hand"), current.out());
        assertEquals(0, upgrade.exit(), upgrade.toString());
        assertTrue(upgrade.out().contains("V11 ran but was not recorded (interrupted); the live schema is revision"
                + " 11 (link-companies-to-industries)'s and the file passes integrity and foreign-key checks, so it is recorded now"),
                upgrade.out());
        assertEquals(12, db().currentVersion());
        assertEquals(Projection.schemaAt(revisions, 12), db().schema());
        assertTrue(db().storedUndo().get(11).intact());
        assertEquals(0, Cli.in(project, "verify").exit());
    }
}
