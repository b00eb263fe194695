package dev.strata.cli.check;

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

/** A walk shared out between lanes finds what one walk over one database finds, unless a downgrade leaves something behind. */
class HistoryWalkLanesTest {

    @TempDir
    Path dir;

    private HistoryWalk walk(int lanes, String... upDown) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        for (int i = 0; i < upDown.length / 2; i++) {
            Files.writeString(m.resolve("V" + (i + 1) + "__step.sql"), upDown[2 * i]);
            Files.writeString(m.resolve("U" + (i + 1) + "__step.sql"), upDown[2 * i + 1]);
        }
        CheckContext context = new CheckContext("migration", List.of(), MigrationFolder.read(m, "migration"), null, null, null,
                CheckOptions.DEFAULTS, v -> { });
        return HistoryWalk.run(context, v -> { }, lanes);
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
            assertTrue(HistoryWalk.mayNameTable(sql), sql);
        }
        for (String sql : List.of("ALTER TABLE a ADD COLUMN b TEXT;", "ALTER TABLE a RENAME COLUMN b TO c;",
                "ALTER TABLE a RENAME b TO c;", "CREATE INDEX ix ON a (b);", "CREATE VIEW v AS SELECT 'CREATE TABLE x' FROM a;",
                "INSERT INTO a (note) VALUES ('rename to');", "-- CREATE TABLE a (x);\nDROP TABLE a;")) {
            assertFalse(HistoryWalk.mayNameTable(sql), sql);
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
    void findings_come_in_version_order_and_stop_where_an_upgrade_fails() throws Exception {
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
        assertEquals(4, two.liveSchemas().size(), "the empty schema and the three versions before the failing one");
    }

    @Test
    void a_leftover_reaches_the_later_versions_of_its_own_lane_only() throws Exception {
        // U2 leaves table junk behind: in one walk, V5 then fails; the lane that makes V5's round trip never ran U2
        String[] history = {
            "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;",
            "CREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b; CREATE TABLE junk (x);",
            "CREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;",
            "CREATE TABLE d (id INTEGER PRIMARY KEY);", "DROP TABLE d;",
            "CREATE TABLE junk (y);", "DROP TABLE junk;",
            "CREATE TABLE e (id INTEGER PRIMARY KEY);", "DROP TABLE e;",
        };
        HistoryWalk one = walk(1, history);
        HistoryWalk two = walk(2, history);
        assertTrue(HistoryWalk.split(MigrationFolder.read(dir.resolve("migration"), "migration").pairs(), 2)[1] <= 4,
                "V5 is in the second lane");

        Finding leftover = one.reversibility().get(0);
        assertEquals(2, leftover.revision());
        assertTrue(leftover.message().contains("junk"), leftover.message());
        assertEquals(leftover, two.reversibility().get(0));
        assertEquals(5, one.stoppedAt());
        assertTrue(one.reversibility().get(one.reversibility().size() - 1).message().contains("table junk already exists"));
        assertNull(two.stoppedAt());
        assertEquals(1, two.reversibility().size(), two.reversibility().toString());
    }

    @Test
    void an_upgrade_that_fails_without_another_versions_leftover_stops_the_walk_there() throws Exception {
        // V3 only works because U2 left table junk behind: the second lane upgrades straight through V3 and fails
        String[] history = {
            "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;",
            "CREATE TABLE b (id INTEGER PRIMARY KEY);", "DROP TABLE b; CREATE TABLE junk (x);",
            "ALTER TABLE junk ADD COLUMN y TEXT;", "SELECT 1;",
            "CREATE TABLE c (id INTEGER PRIMARY KEY);", "DROP TABLE c;",
            "CREATE TABLE d (id INTEGER PRIMARY KEY);", "DROP TABLE d;",
            "CREATE TABLE e (id INTEGER PRIMARY KEY);", "DROP TABLE e;",
        };
        HistoryWalk one = walk(1, history);
        HistoryWalk two = walk(2, history);
        assertTrue(HistoryWalk.split(MigrationFolder.read(dir.resolve("migration"), "migration").pairs(), 2)[1] > 2,
                "V3 is in the first lane");

        assertNull(one.stoppedAt(), "in one walk V3 finds the leftover");
        assertEquals(3, two.stoppedAt());
        Finding last = two.reversibility().get(two.reversibility().size() - 1);
        assertEquals(3, last.revision());
        assertTrue(last.message().contains("no such table: junk"), last.message());
        assertEquals(one.reversibility().get(0), two.reversibility().get(0), "U2's leftover is reported either way");
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
        var pairs = MigrationFolder.read(m, "migration").pairs();

        int[] two = HistoryWalk.split(pairs, 2);
        assertEquals(0, two[0]);
        assertEquals(100, two[2]);
        // the second lane upgrades through the first lane's versions, so it gets fewer round trips
        assertTrue(two[1] > 55 && two[1] < 85, java.util.Arrays.toString(two));
        int[] four = HistoryWalk.split(pairs, 4);
        for (int k = 0; k < 4; k++) {
            assertTrue(four[k] < four[k + 1], java.util.Arrays.toString(four));
        }
        assertEquals(100, four[4]);
        assertEquals(List.of(0, 100), java.util.Arrays.stream(HistoryWalk.split(pairs, 1)).boxed().toList());
    }
}
