package dev.strata.events.sqlite;

import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.projection.Difference;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.sql.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated columns, stored and virtual, in both spellings SQLite takes. */
class GeneratedColumnsTest {

    private static final String ITEMS = "CREATE TABLE items (id INTEGER PRIMARY KEY, price REAL NOT NULL, qty INT NOT NULL,"
            + " total REAL GENERATED ALWAYS AS (price * qty) STORED, label AS (upper('#' || id)))";
    private static final Identifier T = Identifier.of("items");

    private static Column column(Schema s, String name) {
        return s.table(T).orElseThrow().column(Identifier.of(name)).orElseThrow();
    }

    @Test
    void generated_columns_are_read_with_their_expression_and_storage() throws SQLException {
        Schema s = LiveSchemas.read(ITEMS);

        assertEquals(new Column(Identifier.of("total"), "REAL", false, null, null, "price * qty", true), column(s, "total"));
        assertEquals(new Column(Identifier.of("label"), "", false, null, null, "upper('#' || id)", false), column(s, "label"));
        assertFalse(column(s, "price").isGenerated());
    }

    @Test
    void stored_and_virtual_differ_and_the_difference_says_how() throws SQLException {
        Schema stored = LiveSchemas.read(ITEMS);
        Schema virtual = LiveSchemas.read(ITEMS.replace("STORED", "VIRTUAL"));

        List<Difference> differences = SchemaDiff.differences(stored, virtual);

        assertEquals(List.of("table items: column total is REAL GENERATED ALWAYS AS (price * qty) STORED in the expected schema"
                + " but REAL GENERATED ALWAYS AS (price * qty) VIRTUAL in the actual schema"),
                differences.stream().map(Difference::message).toList());
    }

    @Test
    void rendered_generated_columns_read_back_equal() throws SQLException {
        Schema s = LiveSchemas.read(ITEMS);

        assertEquals(s, LiveSchemas.rendered(s));
    }

    @Test
    void seeding_never_writes_a_generated_column() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Queries.exec(db.connection(), ITEMS);
            Schema s = db.introspect();

            ScratchDatabase.Seeded seeded = db.seed(s, 3, 1);

            assertEquals(List.of(), List.copyOf(seeded.reasons().keySet()));
            assertEquals(3, Queries.number(db.connection(), "SELECT count(*) FROM items WHERE total = price * qty"));
        }
    }

    @Test
    void a_rebuild_keeps_generated_columns_and_adds_a_stored_one() throws SQLException {
        Schema before = LiveSchemas.read(ITEMS);
        Column discounted = Column.of("discounted", "REAL").withGenerated("total * 0.9", true);
        List<dev.strata.events.SchemaEvent> events = List.of(new ColumnAdded(T, discounted),
                new ColumnAltered(T, column(before, "qty").withDefault("1")));

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Queries.exec(db.connection(), ITEMS, "INSERT INTO items (price, qty) VALUES (2.0, 3)");
            db.apply(SqliteDialect.render(before, events));

            Table after = db.introspect().table(T).orElseThrow();
            assertEquals(discounted, after.column(Identifier.of("discounted")).orElseThrow());
            assertEquals(Set.of("5.4"), Set.copyOf(Queries.rows(db.connection(), "SELECT round(discounted, 1) FROM items")));
            assertTrue(after.column(Identifier.of("total")).orElseThrow().stored());
        }
    }
}
