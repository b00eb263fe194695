package dev.strata.events.sqlite;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static dev.strata.events.sqlite.Queries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seeded rows follow a table's CHECK constraints where they can, and a table no row fits is reported, not hidden. */
class SeedingFromChecksTest {

    @Test
    void a_check_in_list_seeds_each_column_with_values_from_its_list() throws SQLException {
        Schema schema = SqlModels.parse("""
                CREATE TABLE ticket (
                    id INTEGER PRIMARY KEY,
                    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
                    level INTEGER NOT NULL CHECK (level IN (1, 5))
                );
                """);
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(schema));

            ScratchDatabase.Seeded seeded = db.seed(schema, 3, 0);

            assertEquals(List.of(), List.copyOf(seeded.reasons().keySet()));
            assertEquals(List.of("3"), rows(db.connection(), "SELECT count(*) FROM ticket"));
            assertEquals(List.of("0"), rows(db.connection(),
                    "SELECT count(*) FROM ticket WHERE status NOT IN ('open', 'closed') OR level NOT IN (1, 5)"));
        }
    }

    @Test
    void a_table_whose_check_refuses_every_seeded_row_is_left_empty_and_reported_unseeded() throws SQLException {
        Schema schema = SqlModels.parse("""
                CREATE TABLE ticket (id INTEGER PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('open', 'closed')));
                CREATE TABLE code (value TEXT NOT NULL CHECK (value GLOB 'Q[0-9][0-9][0-9]-[A-Z]'));
                """);
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(schema));

            ScratchDatabase.Seeded seeded = db.seed(schema, 3, 0);

            assertEquals(List.of(Identifier.of("code")), List.copyOf(seeded.reasons().keySet()));
            assertEquals(List.of("0"), rows(db.connection(), "SELECT count(*) FROM code"));
            assertEquals(List.of("3"), rows(db.connection(), "SELECT count(*) FROM ticket"));
        }
    }
}
