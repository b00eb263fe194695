package dev.strata.events.sqlite;

import dev.strata.events.ForeignKeyDropped;
import dev.strata.events.InvalidEventException;
import dev.strata.events.TableCreated;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.DanglingForeignKey;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Several foreign keys on one column, and foreign keys to tables that do not exist. */
class ForeignKeyVarietyTest {

    private static final String PARENTS = "CREATE TABLE a (id INTEGER PRIMARY KEY)";
    private static final String OTHER_PARENTS = "CREATE TABLE b (id INTEGER PRIMARY KEY)";
    private static final String CHILD = "CREATE TABLE child (id INTEGER PRIMARY KEY, ref INTEGER REFERENCES a (id),"
            + " FOREIGN KEY (ref) REFERENCES b (id))";
    private static final Identifier CHILD_NAME = Identifier.of("child");

    @Test
    void two_foreign_keys_on_one_column_are_read() throws SQLException {
        Schema s = LiveSchemas.read(PARENTS, OTHER_PARENTS, CHILD);

        assertEquals(List.of(Identifier.of("a"), Identifier.of("b")), s.table(CHILD_NAME).orElseThrow().foreignKeys().stream()
                .map(ForeignKey::referencedTable).toList());
        assertEquals(s, LiveSchemas.rendered(s));
    }

    @Test
    void dropping_one_of_two_foreign_keys_on_a_column_by_its_columns_is_refused_with_the_reason() throws SQLException {
        Schema s = LiveSchemas.read(PARENTS, OTHER_PARENTS, CHILD);
        ForeignKeyDropped drop = new ForeignKeyDropped(CHILD_NAME, List.of(Identifier.of("ref")));

        InvalidEventException e = assertThrows(InvalidEventException.class, () -> drop.applyTo(s));

        assertEquals("cannot drop foreign key child[ref]: the table has 2 foreign keys on [ref] ([ref] -> a[id], [ref] -> b[id])"
                + " and this event cannot tell which one to drop; write the change as SQL (an SqlExecuted event)", e.getMessage());
    }

    @Test
    void a_foreign_key_to_a_table_that_does_not_exist_is_read_and_reported_dangling() throws SQLException {
        Schema s = LiveSchemas.read(PARENTS, "CREATE TABLE child (id INTEGER PRIMARY KEY, a_id REFERENCES a (id),"
                + " gone_id REFERENCES gone (id), other_id REFERENCES elsewhere)");

        assertEquals(List.of("child[gone_id] -> gone[id]", "child[other_id] -> elsewhere[]"),
                s.danglingForeignKeys().stream().map(DanglingForeignKey::toString).toList());
        assertEquals(s, LiveSchemas.rendered(s));
    }

    @Test
    void a_diff_to_a_schema_with_dangling_foreign_keys_creates_it() throws SQLException {
        Schema target = LiveSchemas.read("CREATE TABLE child (id INTEGER PRIMARY KEY, gone_id REFERENCES gone (id))",
                PARENTS, "CREATE TABLE c2 (x REFERENCES a (id), y REFERENCES child (id))");

        Schema reached = Schema.EMPTY;
        for (var e : SchemaDiff.events(Schema.EMPTY, target)) {
            reached = e.applyTo(reached);
        }

        assertEquals(target, reached);
        assertEquals(Schema.EMPTY, SchemaDiff.events(target, Schema.EMPTY).stream().reduce(target, (s, e) -> e.applyTo(s), (x, y) -> y));
    }

    @Test
    void a_table_whose_parent_was_dropped_is_seeded_with_null_references() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Queries.exec(db.connection(), "PRAGMA foreign_keys = OFF", PARENTS,
                    "CREATE TABLE child (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id))", "DROP TABLE a",
                    "PRAGMA foreign_keys = ON");
            Schema s = db.introspect();

            ScratchDatabase.Seeded seeded = db.seed(s, 2, 1);

            assertEquals(List.of(), List.copyOf(seeded.reasons().keySet()));
            assertEquals(2, Queries.number(db.connection(), "SELECT count(*) FROM child WHERE a_id IS NULL"));
            assertEquals(1, Queries.number(db.connection(), "PRAGMA foreign_keys"), "foreign keys are on again");
        }
    }

    @Test
    void a_table_created_with_a_foreign_key_to_a_missing_table_is_accepted_as_sqlite_does() {
        Table child = new Table(CHILD_NAME, List.of(dev.strata.events.schema.Column.of("ref", "INTEGER")), null, List.of(),
                List.of(ForeignKey.of("ref", "gone", "id")), List.of());

        Schema s = new TableCreated(child).applyTo(Schema.EMPTY);

        assertEquals(1, s.danglingForeignKeys().size());
    }
}
