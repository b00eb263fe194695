package dev.strata.cli.check.walk;

import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.CheckOptions;
import dev.strata.cli.check.Finding;
import dev.strata.cli.check.HistoryWalk;
import dev.strata.cli.layout.FlywayLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A walk shared out between lanes finds what one walk finds on histories whose findings come from the
 * seeded rows: cascades, rebuilds of referenced tables and data migrations. Each history puts its
 * broken versions in its second half, so a later lane reaches them by upgrading through the first.
 */
class LanesOnDataTest {

    private static final String BASE_UP = """
            CREATE TABLE company (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL UNIQUE, name TEXT);
            CREATE TABLE price (id INTEGER PRIMARY KEY, company_id INTEGER NOT NULL REFERENCES company (id) ON DELETE CASCADE,
                                day TEXT NOT NULL, close REAL);
            CREATE TABLE note (id INTEGER PRIMARY KEY, company_id INTEGER REFERENCES company (id) ON DELETE SET NULL, body TEXT);
            """;
    private static final String BASE_DOWN = "DROP TABLE note;\nDROP TABLE price;\nDROP TABLE company;\n";

    @TempDir
    Path dir;

    /** The walk of the history of {@code upDown} pairs, in 1, 2 and 3 lanes. */
    private List<HistoryWalk> walks(String... upDown) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        String[] all = new String[upDown.length + 2];
        all[0] = BASE_UP;
        all[1] = BASE_DOWN;
        System.arraycopy(upDown, 0, all, 2, upDown.length);
        for (int v = 1; v <= all.length / 2; v++) {
            Files.writeString(m.resolve("V" + v + "__step" + v + ".sql"), all[2 * v - 2]);
            Files.writeString(m.resolve("U" + v + "__step" + v + ".sql"), all[2 * v - 1]);
            for (String kind : List.of("V", "U")) {
                // a script that switches foreign keys off must run outside Flyway's transaction, where the PRAGMA works
                if (all[2 * v - (kind.equals("V") ? 2 : 1)].startsWith("PRAGMA foreign_keys = OFF")) {
                    Files.writeString(m.resolve(kind + v + "__step" + v + ".sql.conf"), "executeInTransaction=false\n");
                }
            }
        }
        CheckContext context = CheckContext.builder(new FlywayLayout().read(m, "migration"), CheckOptions.DEFAULTS, new Walk()).build();
        return List.of(Walk.run(context, v -> { }, 1), Walk.run(context, v -> { }, 2), Walk.run(context, v -> { }, 3));
    }

    /** The walk in lanes equals the one walk, whose findings come from the versions expected (so there is something to compare). */
    private static void assertLanesFindWhatOneWalkFinds(List<HistoryWalk> walks, List<Integer> versionsWithFindings) {
        HistoryWalk one = walks.get(0);
        assertEquals(versionsWithFindings, Stream.concat(one.reversibility().stream(), one.data().stream()).map(Finding::revision)
                .distinct().sorted().toList(), () -> one.reversibility() + "\n" + one.data());
        for (HistoryWalk lanes : walks.subList(1, walks.size())) {
            assertEquals(one.reversibility(), lanes.reversibility());
            assertEquals(one.data(), lanes.data());
            assertEquals(one.liveSchemas(), lanes.liveSchemas());
            assertEquals(one.stoppedAt(), lanes.stoppedAt());
        }
    }

    @Test
    void a_parent_rebuild_that_cascades_to_its_children_is_found_in_lanes_as_in_one_walk() throws Exception {
        List<HistoryWalk> walks = walks(
                "CREATE INDEX ix_price_day ON price (day);", "DROP INDEX ix_price_day;",
                "ALTER TABLE company ADD COLUMN sector TEXT;", "ALTER TABLE company DROP COLUMN sector;",
                "CREATE TABLE watch (id INTEGER PRIMARY KEY, company_id INTEGER REFERENCES company (id) ON DELETE CASCADE);",
                "DROP TABLE watch;",
                """
                CREATE TABLE company_new (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL UNIQUE, name TEXT NOT NULL DEFAULT '');
                INSERT INTO company_new (id, symbol, name) SELECT id, symbol, coalesce(name, '') FROM company;
                DROP TABLE company;
                ALTER TABLE company_new RENAME TO company;
                """, "SELECT 1;",
                "CREATE INDEX ix_note_body ON note (body);", "DROP INDEX ix_note_body;");

        assertLanesFindWhatOneWalkFinds(walks, List.of(5));
    }

    @Test
    void a_referenced_table_rebuilt_right_and_one_rebuilt_losing_a_column_are_judged_alike_in_lanes() throws Exception {
        String rebuild = """
                PRAGMA foreign_keys = OFF;
                CREATE TABLE company_new (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL UNIQUE, name TEXT%s);
                INSERT INTO company_new (id, symbol%s) SELECT id, symbol%s FROM company;
                DROP TABLE company;
                ALTER TABLE company_new RENAME TO company;
                PRAGMA foreign_keys = ON;
                """;
        List<HistoryWalk> walks = walks(
                "CREATE INDEX ix_price_day ON price (day);", "DROP INDEX ix_price_day;",
                "ALTER TABLE note ADD COLUMN tag TEXT;", "ALTER TABLE note DROP COLUMN tag;",
                rebuild.formatted(" CHECK (length(name) < 100)", ", name", ", name"), rebuild.formatted("", ", name", ", name"),
                "ALTER TABLE price ADD COLUMN volume INTEGER;", "ALTER TABLE price DROP COLUMN volume;",
                rebuild.formatted(" COLLATE NOCASE", "", ""), rebuild.formatted("", ", name", ", name"));

        assertLanesFindWhatOneWalkFinds(walks, List.of(6));
    }

    @Test
    void data_migrations_that_lose_values_are_found_in_lanes_as_in_one_walk() throws Exception {
        List<HistoryWalk> walks = walks(
                "UPDATE company SET symbol = symbol || '.X';", "UPDATE company SET symbol = substr(symbol, 1, length(symbol) - 2);",
                "CREATE INDEX ix_note_body ON note (body);", "DROP INDEX ix_note_body;",
                "ALTER TABLE company ADD COLUMN sector TEXT;", "ALTER TABLE company DROP COLUMN sector;",
                "UPDATE price SET close = round(close);", "SELECT 1;",
                "UPDATE note SET body = NULL;", "SELECT 1;");

        assertLanesFindWhatOneWalkFinds(walks, List.of(5, 6));
    }
}
