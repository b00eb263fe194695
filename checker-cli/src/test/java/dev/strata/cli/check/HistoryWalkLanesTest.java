package dev.strata.cli.check;

import dev.strata.cli.project.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A walk shared out between lanes finds exactly what one walk over one database finds. */
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
    void an_upgrade_that_fails_after_another_lanes_downgrade_left_something_behind_is_reported() throws Exception {
        // U2 leaves table junk behind: in one walk, V5 then fails; in two lanes, only in the lane that ran U2
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
        assertEquals(one.reversibility(), two.reversibility());
        assertEquals(one.data(), two.data());
        assertEquals(one.stoppedAt(), two.stoppedAt());
        // the schemas read differ: after U2, one walk carries junk into V3, while V3's lane never ran U2
        assertEquals(one.liveSchemas().size(), two.liveSchemas().size());
        assertEquals(5, two.stoppedAt());
        Finding last = two.reversibility().get(two.reversibility().size() - 1);
        assertEquals(5, last.revision());
        assertTrue(last.message().contains("table junk already exists"), last.message());
    }
}
