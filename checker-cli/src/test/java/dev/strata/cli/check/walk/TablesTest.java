package dev.strata.cli.check.walk;

import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sqlite.SqlModels;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tables a round trip watches: those a script names, their children, and the tables their triggers write. */
class TablesTest {

    private static final Schema SCHEMA = SqlModels.parse("""
            CREATE TABLE a (id INTEGER PRIMARY KEY, note TEXT);
            CREATE TABLE b (id INTEGER PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE c (id INTEGER PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0);
            CREATE TRIGGER a_writes_b AFTER UPDATE ON a BEGIN UPDATE b SET n = n + 1 WHERE id = NEW.id; END;
            CREATE TRIGGER a_says_c AFTER INSERT ON a BEGIN SELECT 'c' AS c; END;
            """);

    private static MigrationPair touching(String table) {
        return new MigrationPair(1, "step",
                new MigrationScript(1, "step", "V1__step.sql", "UPDATE " + table + " SET note = 'x';", true),
                new MigrationScript(1, "step", "U1__step.sql", "UPDATE " + table + " SET note = NULL;", true));
    }

    @Test
    void a_table_written_by_a_trigger_of_a_touched_table_is_affected_and_one_named_in_a_string_is_not() {
        Set<Identifier> affected = Tables.affected(SCHEMA, touching("a"));

        assertEquals(Set.of(Identifier.of("a"), Identifier.of("b")), affected);
    }

    @Test
    void the_trigger_of_an_untouched_table_affects_nothing() {
        Set<Identifier> affected = Tables.affected(SCHEMA, touching("c"));

        assertEquals(Set.of(Identifier.of("c")), affected);
    }
}
