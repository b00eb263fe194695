package dev.strata.events.sqlite;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static dev.strata.events.sqlite.Queries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeder tries other values only when SQLite refused the values; any other error is not hidden. */
class SeedingErrorsTest {

    @Test
    void a_table_whose_trigger_raises_on_every_row_is_left_empty_and_reported_with_the_trigger_message() throws SQLException {
        Schema schema = SqlModels.parse("""
                CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT);
                CREATE TRIGGER audit_closed BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit is closed'); END;
                """);
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(schema));

            ScratchDatabase.Seeded seeded = db.seed(schema, 3, 0);

            assertEquals(List.of(Identifier.of("audit")), List.copyOf(seeded.reasons().keySet()));
            assertTrue(seeded.reasons().get(Identifier.of("audit")).contains("audit is closed"), seeded.reasons().toString());
            assertEquals(List.of("0"), rows(db.connection(), "SELECT count(*) FROM audit"));
        }
    }

    @Test
    void an_error_that_is_no_refusal_of_the_values_is_thrown_with_sqlites_message() throws SQLException {
        Schema schema = SqlModels.parse("""
                CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT);
                CREATE TRIGGER audit_copies AFTER INSERT ON audit BEGIN INSERT INTO audit_archive VALUES (NEW.id); END;
                """);
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(schema));

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.seed(schema, 3, 0));

            assertTrue(e.getMessage().startsWith("seeding a scratch database: [SQLITE_ERROR]"), e.getMessage());
            assertTrue(e.getMessage().contains("no such table: main.audit_archive"), e.getMessage());
        }
    }
}
