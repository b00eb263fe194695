package dev.strata.cli.check.walk;

import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.CheckOptions;
import dev.strata.cli.check.Finding;
import dev.strata.cli.check.HistoryWalk;

import dev.strata.cli.project.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walk checks every version on the state a straight upgrade gives, so one broken round trip neither hides
 * nor causes findings of later versions, and a walk shared out between lanes finds what one walk finds.
 */
class WalkTest {

    @TempDir
    Path dir;

    private HistoryWalk walk(int lanes, String... upDown) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        for (int i = 0; i < upDown.length / 2; i++) {
            Files.writeString(m.resolve("V" + (i + 1) + "__step.sql"), upDown[2 * i]);
            Files.writeString(m.resolve("U" + (i + 1) + "__step.sql"), upDown[2 * i + 1]);
        }
        CheckContext context = CheckContext.builder(new dev.strata.cli.layout.FlywayLayout().read(m, "migration"), CheckOptions.DEFAULTS, new Walk()).build();
        return Walk.run(context, v -> { }, lanes);
    }

    private void assertSameInOneAndTwoLanes(String... upDown) throws Exception {
        HistoryWalk one = walk(1, upDown);
        HistoryWalk two = walk(2, upDown);
        assertEquals(one.reversibility(), two.reversibility());
        assertEquals(one.data(), two.data());
        assertEquals(one.liveSchemas(), two.liveSchemas());
        assertEquals(one.stoppedAt(), two.stoppedAt());
    }

    @Test
    void a_passing_history_passes_in_lanes_with_every_schema_read() throws Exception {
        String[] history = {
            "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);", "DROP TABLE a;",
            "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id) ON DELETE CASCADE);", "DROP TABLE b;",
            "ALTER TABLE a ADD COLUMN note TEXT;", "ALTER TABLE a DROP COLUMN note;",
            "CREATE INDEX ix_b ON b (a_id);", "DROP INDEX ix_b;",
            "ALTER TABLE b RENAME COLUMN a_id TO owner_id;", "ALTER TABLE b RENAME COLUMN owner_id TO a_id;",
        };
        assertSameInOneAndTwoLanes(history);

        HistoryWalk two = walk(2, history);
        assertTrue(two.reversibility().isEmpty(), two.reversibility().toString());
        assertEquals(6, two.liveSchemas().size());
        assertNull(two.stoppedAt());
    }

    @Test
    void the_lane_upgrading_through_reads_the_schema_only_after_a_script_that_may_name_a_new_table() {
        for (String sql : List.of("CREATE TABLE a (id INTEGER PRIMARY KEY);", "create temp table a (x);",
                "CREATE VIRTUAL TABLE v USING fts5(body);", "CREATE TABLE IF NOT EXISTS a (x);",
                "ALTER TABLE a RENAME TO b;", "-- first\nalter table a rename to b;")) {
            assertTrue(Tables.mayNameTable(sql), sql);
        }
        for (String sql : List.of("ALTER TABLE a ADD COLUMN b TEXT;", "ALTER TABLE a RENAME COLUMN b TO c;",
                "ALTER TABLE a RENAME b TO c;", "CREATE INDEX ix ON a (b);", "CREATE VIEW v AS SELECT 'CREATE TABLE x' FROM a;",
                "INSERT INTO a (note) VALUES ('rename to');", "-- CREATE TABLE a (x);\nDROP TABLE a;")) {
            assertFalse(Tables.mayNameTable(sql), sql);
        }
    }

    @Test
    void an_empty_history_reads_the_empty_schema() throws Exception {
        HistoryWalk two = walk(2);
        assertEquals(1, two.liveSchemas().size());
        assertTrue(two.head().tables().isEmpty());
        assertTrue(two.reversibility().isEmpty());
        assertNull(two.stoppedAt());
    }

    @Test
    void findings_come_in_version_order_and_stop_only_where_an_upgrade_fails_even_without_rows() throws Exception {
        String[] history = {
            "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT, rating INTEGER);", "DROP TABLE a;",
            "CREATE INDEX ix_a ON a (name);", "SELECT 1;",
            "ALTER TABLE a DROP COLUMN rating;", "ALTER TABLE a ADD COLUMN rating INTEGER;",
            "ALTER TABLE nowhere ADD COLUMN x TEXT;", "SELECT 1;",
            "CREATE TABLE never (id INTEGER PRIMARY KEY);", "SELECT 1;",
        };
        assertSameInOneAndTwoLanes(history);

        HistoryWalk two = walk(2, history);
        assertEquals(List.of(2, 4), two.reversibility().stream().map(Finding::revision).distinct().toList());
        assertEquals(List.of(3), two.data().stream().map(Finding::revision).distinct().toList(), "the dropped column is lossy");
        assertEquals(4, two.stoppedAt());
        assertEquals("the upgrade of version 4 (step) fails even without seeded rows", two.stopReason());
        assertEquals(4, two.liveSchemas().size(), "the empty schema and the three versions before the failing one");
    }

    @Test
    void broken_downgrades_at_3_and_8_are_both_reported_and_nothing_between_them() throws Exception {
        String[] history = new String[20];
        for (int i = 0; i < 10; i++) {
            history[2 * i] = "CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, name TEXT);";
            history[2 * i + 1] = "DROP TABLE t" + i + ";";
        }
        history[4] = "CREATE TABLE t2 (id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX ix_t2 ON t2 (name);";
        history[5] = "DROP INDEX ix_t2;";
        history[14] = "ALTER TABLE t0 ADD COLUMN note TEXT;";
        history[15] = "SELECT 1;";
        assertSameInOneAndTwoLanes(history);

        HistoryWalk walk = walk(2, history);

        assertEquals(List.of(3, 8), walk.reversibility().stream().map(Finding::revision).distinct().toList(),
                walk.reversibility().toString());
        assertTrue(walk.reversibility().get(0).message().contains("t2"), walk.reversibility().get(0).message());
        assertTrue(walk.reversibility().get(1).message().contains("note"), walk.reversibility().get(1).message());
        assertNull(walk.stoppedAt());
        assertEquals(11, walk.liveSchemas().size());
        assertTrue(walk.liveSchemas().get(3).tables().containsKey(dev.strata.events.schema.Identifier.of("t2")),
                "the state after version 3 is the straight upgrade's, not the broken downgrade's");
    }

    @Test
    void after_a_broken_downgrade_late_in_a_long_history_the_walk_goes_on_from_a_checkpoint_with_the_straight_state()
            throws Exception {
        String[] history = new String[80];
        for (int i = 0; i < 40; i++) {
            history[2 * i] = "CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, name TEXT);";
            history[2 * i + 1] = "DROP TABLE t" + i + ";";
        }
        // U35 drops the table before too; V36 then needs t33 back, as a straight upgrade has it
        history[69] = "DROP TABLE t34; DROP TABLE t33;";
        history[70] = "CREATE TABLE t35 (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t35 SELECT * FROM t33;";
        assertSameInOneAndTwoLanes(history);

        HistoryWalk walk = walk(2, history);

        assertEquals(List.of(35), walk.reversibility().stream().map(Finding::revision).distinct().toList(),
                walk.reversibility().toString());
        assertNull(walk.stoppedAt());
        assertEquals(41, walk.liveSchemas().size());
        assertTrue(walk.liveSchemas().get(36).tables().containsKey(dev.strata.events.schema.Identifier.of("t33")));
    }

    @Test
    void a_leftover_of_a_broken_downgrade_never_reaches_a_later_version() throws Exception {
        // U2 leaves table junk behind; V5 creates a table of that name and must be judged on its own
        String[] history = {
            "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;",
            "CREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b; CREATE TABLE junk (x);",
            "CREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;",
            "CREATE TABLE d (id INTEGER PRIMARY KEY);", "DROP TABLE d;",
            "CREATE TABLE junk (y);", "DROP TABLE junk;",
            "CREATE TABLE e (id INTEGER PRIMARY KEY);", "DROP TABLE e;",
        };
        assertSameInOneAndTwoLanes(history);

        HistoryWalk one = walk(1, history);

        assertEquals(1, one.reversibility().size(), one.reversibility().toString());
        Finding leftover = one.reversibility().get(0);
        assertEquals(2, leftover.revision());
        assertTrue(leftover.message().contains("junk"), leftover.message());
        assertNull(one.stoppedAt());
    }

    @Test
    void an_upgrade_that_needs_another_versions_leftover_fails_in_one_walk_as_in_lanes() throws Exception {
        // V3 works only on what U2 wrongly left behind: on a straight upgrade it fails, and nothing after it can run
        String[] history = {
            "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;",
            "CREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b; CREATE TABLE junk (x);",
            "ALTER TABLE junk ADD COLUMN y TEXT;", "SELECT 1;",
            "CREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;",
        };
        assertSameInOneAndTwoLanes(history);

        HistoryWalk one = walk(1, history);

        assertEquals(3, one.stoppedAt());
        Finding last = one.reversibility().get(one.reversibility().size() - 1);
        assertEquals(3, last.revision());
        assertTrue(last.message().contains("no such table: junk") && last.message().contains("also without seeded rows"), last.message());
    }

    @Test
    void an_upgrade_that_fails_only_on_the_seeded_rows_is_reported_and_the_walk_goes_on() throws Exception {
        String[] history = {
            "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE a;",
            "CREATE TABLE c (x INTEGER NOT NULL); INSERT INTO c SELECT NULL FROM a;", "DROP TABLE c;",
            "CREATE TABLE d (id INTEGER PRIMARY KEY);", "DROP TABLE d;",
            "ALTER TABLE a ADD COLUMN note TEXT;", "ALTER TABLE a DROP COLUMN note;",
        };
        assertSameInOneAndTwoLanes(history);

        HistoryWalk walk = walk(2, history);

        assertEquals(List.of(2), walk.reversibility().stream().map(Finding::revision).distinct().toList(),
                walk.reversibility().toString());
        assertTrue(walk.reversibility().get(0).message().contains("which satisfy every constraint before and after it; without rows it runs"), walk.reversibility().get(0).message());
        assertNull(walk.stoppedAt());
        assertEquals(5, walk.liveSchemas().size());
    }

    @Test
    void a_table_a_version_emptied_gets_rows_again_before_a_later_version_touches_it() throws Exception {
        // V2 empties a; V3 copies a column of a into another table and back, losing values: only rows can show it
        String[] history = {
            "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE a;",
            "DELETE FROM a;", "SELECT 1;",
            "ALTER TABLE a ADD COLUMN extra TEXT;",
            "CREATE TABLE a_new (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO a_new (id) SELECT id FROM a; DROP TABLE a;"
                    + " ALTER TABLE a_new RENAME TO a;",
        };

        HistoryWalk walk = walk(1, history);

        assertTrue(walk.data().stream().anyMatch(f -> f.revision() == 3 && f.severity() == Finding.Severity.ERROR),
                walk.data().toString());
    }

    @Test
    void the_split_gives_every_version_to_one_lane_and_fewer_round_trips_to_a_lane_that_upgrades_through_others_first() throws Exception {
        String[] history = new String[200];
        for (int i = 0; i < 100; i++) {
            history[2 * i] = "CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY);";
            history[2 * i + 1] = "DROP TABLE t" + i + ";";
        }
        Path m = Files.createDirectories(dir.resolve("migration"));
        for (int i = 0; i < 100; i++) {
            Files.writeString(m.resolve("V" + (i + 1) + "__step.sql"), history[2 * i]);
            Files.writeString(m.resolve("U" + (i + 1) + "__step.sql"), history[2 * i + 1]);
        }
        var pairs = new dev.strata.cli.layout.FlywayLayout().read(m, "migration").pairs();

        int[] two = LaneSplit.of(pairs, 2);
        assertEquals(0, two[0]);
        assertEquals(100, two[2]);
        // the second lane upgrades through the first lane's versions, so it gets fewer round trips
        assertTrue(two[1] > 55 && two[1] < 85, java.util.Arrays.toString(two));
        int[] four = LaneSplit.of(pairs, 4);
        for (int k = 0; k < 4; k++) {
            assertTrue(four[k] < four[k + 1], java.util.Arrays.toString(four));
        }
        assertEquals(100, four[4]);
        assertEquals(List.of(0, 100), java.util.Arrays.stream(LaneSplit.of(pairs, 1)).boxed().toList());
    }
}
