package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.TaggedExample;
import dev.strata.events.projection.Projection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production rolls its code back before its database: the undo scripts travel with the database. */
class RollbackFromAnyCheckoutTest {

    @TempDir
    Path dir;

    private TaggedExample example;
    private Path production;

    @BeforeEach
    void production_runs_v0_3_0_released_after_v0_2_0() throws Exception {
        example = TaggedExample.create(dir.resolve("origin"), "v0.2.0", 8, "v0.3.0", 12);
        production = example.cloneTo(dir.resolve("pi"));
        TaggedExample.checkout(production, "v0.3.0");
        assertEquals(0, strata("upgrade").exit());
    }

    @AfterEach
    void close() {
        example.close();
    }

    private Cli strata(String... args) {
        return Cli.in(production, args);
    }

    private LiveDatabase db() {
        return new LiveDatabase(production.resolve("data/stock_data.db"));
    }

    @Test
    void upgrade_on_the_old_checkout_says_the_database_is_ahead_and_how_to_roll_it_back() throws Exception {
        TaggedExample.checkout(production, "v0.2.0");
        String before = Backups.sha256(db().file());

        Cli upgrade = strata("upgrade");

        assertEquals(1, upgrade.exit(), upgrade.toString());
        assertEquals("error: the database is at 12, ahead of this checkout (head 8); `strata downgrade 8` rolls it back using"
                + " the undo scripts stored in the database\n", upgrade.err());
        assertFalse(upgrade.toString().contains("drift"), upgrade.toString());
        assertEquals(before, Backups.sha256(db().file()));
    }

    @Test
    void downgrade_from_the_old_checkout_runs_the_undo_scripts_stored_in_the_database() throws Exception {
        TaggedExample.checkout(production, "v0.2.0");
        try (var c = db().connect(); var st = c.createStatement()) {
            st.execute("INSERT INTO companies (symbol, name) VALUES ('AAPL', 'Apple')");
        }

        Cli downgrade = strata("downgrade", "8");

        assertEquals(0, downgrade.exit(), downgrade.toString());
        assertTrue(downgrade.out().contains("undid version 12 (U12__add_latest_prices_view.sql, stored in the database)"), downgrade.out());
        assertEquals(8, db().currentVersion());
        assertEquals(Projection.schemaAt(example.revisions(), 8), db().schema());
        assertEquals(java.util.Set.of(1, 2, 3, 4, 5, 6, 7, 8), db().storedUndo().keySet());
        try (var c = db().connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT name FROM companies")) {
            assertTrue(rs.next());
            assertEquals("Apple", rs.getString(1));
        }
        assertEquals(0, strata("upgrade").exit(), "the old release's own upgrade now finds nothing to do");
    }

    @Test
    void a_stored_undo_script_changed_after_the_upgrade_is_refused_and_nothing_changes() throws Exception {
        TaggedExample.checkout(production, "v0.2.0");
        try (var c = db().connect(); var st = c.createStatement()) {
            st.execute("UPDATE strata_undo SET script = 'DROP TABLE companies;' WHERE version = 11");
        }
        String before = Backups.sha256(db().file());

        Cli downgrade = strata("downgrade", "8");

        assertEquals(2, downgrade.exit(), downgrade.toString());
        assertTrue(downgrade.err().startsWith("error: the undo script stored in " + db().file() + " for version 11"
                + " (U11__link_companies_to_industries.sql) does not match its hash"), downgrade.err());
        assertTrue(downgrade.err().contains("Nothing was changed, the database is intact"), downgrade.err());
        assertEquals(before, Backups.sha256(db().file()));
    }

    @Test
    void the_undo_table_is_invisible_to_every_schema_comparison() {
        Cli current = strata("current");

        assertEquals(0, current.exit(), current.toString());
        assertTrue(current.out().contains("the live schema matches revision 12"), current.out());
        assertEquals(12, db().storedUndo().size());
        assertTrue(db().storedUndo().values().stream().allMatch(StoredUndo::intact));
        assertEquals(example.revisions().get(10).hash(), db().storedUndo().get(11).revisionHash());
    }

    @Test
    void the_deploy_plan_rolls_the_database_back_before_checking_out_the_old_tag() throws Exception {
        Path plan = dir.resolve("plan.md");

        Cli gate = Cli.run("-C", example.project().toString(), "gate", "v0.3.0", "--plan", plan.toString());

        assertEquals(0, gate.exit(), gate.toString());
        String text = Files.readString(plan);
        int downgrade = text.indexOf("strata downgrade 8");
        int checkout = text.indexOf("git checkout v0.2.0");
        assertTrue(downgrade > 0 && checkout > downgrade, text);
        assertTrue(text.contains("## Roll back, in this order"), text);
    }
}
