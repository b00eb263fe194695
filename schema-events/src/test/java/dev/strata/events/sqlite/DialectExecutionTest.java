package dev.strata.events.sqlite;

import dev.strata.events.CheckAdded;
import dev.strata.events.CheckDropped;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.ForeignKeyDropped;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableRenamed;
import dev.strata.events.UniqueAdded;
import dev.strata.events.UniqueDropped;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Unique;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqliteDialect;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static dev.strata.events.sqlite.Queries.exec;
import static dev.strata.events.sqlite.Queries.number;
import static dev.strata.events.sqlite.Queries.rows;
import static dev.strata.events.sqlite.Queries.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ALTER TABLE form and every rebuild case, run on real SQLite with foreign keys on and rows present. */
class DialectExecutionTest {

    static final String MODELS = """
            CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, score TEXT);
            CREATE INDEX ix_customer_name ON customer (name);
            CREATE TABLE orders (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id INTEGER,
                qty INTEGER NOT NULL DEFAULT 1,
                code TEXT UNIQUE,
                note TEXT,
                CONSTRAINT qty_positive CHECK (qty > 0)
            );
            CREATE INDEX ix_orders_note ON orders (note);
            """;

    static final Identifier CUSTOMER = Identifier.of("customer");
    static final Identifier ORDERS = Identifier.of("orders");

    static void seed(Connection c) throws SQLException {
        exec(c, "INSERT INTO customer (id, name, email, score) VALUES (1, 'ann', 'a@x', '10'), (2, 'bob', NULL, '7.5'), (3, 'cy', 'c@x', NULL)",
                "INSERT INTO orders (customer_id, qty, code, note) VALUES (1, 2, 'A1', 'n1'), (1, 1, 'A2', NULL), (3, 5, 'C1', 'n3')");
    }

    /** Runs events on a seeded database; returns it open, asserting the schema is what the events project. */
    private static ScratchDatabase applied(List<SchemaEvent> events) throws SQLException {
        Schema before = SqlModels.parse(MODELS);
        ScratchDatabase db = ScratchDatabase.inMemory(true);
        db.run(SqliteDialect.createAll(before));
        seed(db.connection());
        db.run(SqliteDialect.render(before, events));
        assertEquals(Projection.apply(before, events), db.schema());
        return db;
    }

    static Stream<Named<List<SchemaEvent>>> everyForm() {
        return Stream.of(
                Named.of("add nullable column", List.of(new ColumnAdded(ORDERS, Column.of("shipped", "TEXT")))),
                Named.of("add column with constant default", List.of(new ColumnAdded(ORDERS,
                        new Column(Identifier.of("currency"), "TEXT", true, "'USD'", null)))),
                Named.of("add column with CURRENT_TIMESTAMP default (rebuild)", List.of(new ColumnAdded(ORDERS,
                        new Column(Identifier.of("created"), "TEXT", true, "CURRENT_TIMESTAMP", null)))),
                Named.of("rename table", List.of(new TableRenamed(ORDERS, Identifier.of("purchases")))),
                Named.of("rename column", List.of(new ColumnRenamed(CUSTOMER, Identifier.of("email"), Identifier.of("mail")))),
                Named.of("drop indexed column", List.of(new ColumnDropped(ORDERS, Identifier.of("note")))),
                Named.of("drop unique column (rebuild)", List.of(new ColumnDropped(ORDERS, Identifier.of("code")))),
                Named.of("alter column type", List.of(new ColumnAltered(CUSTOMER, new Column(Identifier.of("score"), "REAL", false, null, null)))),
                Named.of("alter column nullability and collation", List.of(new ColumnAltered(CUSTOMER,
                        new Column(Identifier.of("name"), "TEXT", true, "'?'", "NOCASE")))),
                Named.of("add foreign key", List.of(new ForeignKeyAdded(ORDERS, ForeignKey.of("customer_id", "customer", "id")))),
                Named.of("add check", List.of(new CheckAdded(ORDERS, new Check(Identifier.of("qty_small"), "qty < 100")))),
                Named.of("drop check", List.of(new CheckDropped(ORDERS, new Check(Identifier.of("qty_positive"), "qty > 0")))),
                Named.of("add unique", List.of(new UniqueAdded(CUSTOMER, new Unique(List.of(Identifier.of("name"), Identifier.of("email")))))),
                Named.of("drop unique", List.of(new UniqueDropped(ORDERS, new Unique(List.of(Identifier.of("code")))))),
                Named.of("alter primary key", List.of(new PrimaryKeyAltered(CUSTOMER, PrimaryKey.of("id", "name")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyForm")
    void each_form_runs_gives_the_projected_schema_and_keeps_every_row(List<SchemaEvent> events) throws SQLException {
        try (ScratchDatabase db = applied(events)) {
            Connection c = db.connection();

            String orders = db.schema().table(ORDERS).isPresent() ? "orders" : "purchases";
            assertEquals(3, number(c, "SELECT count(*) FROM customer"));
            assertEquals(3, number(c, "SELECT count(*) FROM " + orders));
            assertEquals(List.of("1|2", "2|1", "3|5"), rows(c, "SELECT id, qty FROM " + orders + " ORDER BY id"));
            assertEquals(List.of("ann", "bob", "cy"), rows(c, "SELECT name FROM customer ORDER BY id"));
            assertEquals(List.of(), rows(c, "PRAGMA foreign_key_check"));
        }
    }

    @Test
    void alter_forms_are_plain_alter_table_statements() {
        Schema before = SqlModels.parse(MODELS);

        SqlScript script = SqliteDialect.render(before, List.of(
                new ColumnAdded(ORDERS, Column.of("shipped", "TEXT")),
                new ColumnRenamed(CUSTOMER, Identifier.of("email"), Identifier.of("mail")),
                new ColumnDropped(ORDERS, Identifier.of("note")),
                new TableRenamed(ORDERS, Identifier.of("purchases"))));

        assertEquals(List.of("ALTER TABLE \"orders\" ADD COLUMN \"shipped\" TEXT",
                "ALTER TABLE \"customer\" RENAME COLUMN \"email\" TO \"mail\"",
                "DROP INDEX \"ix_orders_note\"",
                "ALTER TABLE \"orders\" DROP COLUMN \"note\"",
                "ALTER TABLE \"orders\" RENAME TO \"purchases\""), script.statements());
    }

    @Test
    void added_columns_take_their_default_in_existing_rows() throws SQLException {
        try (ScratchDatabase db = applied(List.of(
                new ColumnAdded(ORDERS, new Column(Identifier.of("currency"), "TEXT", true, "'USD'", null)),
                new ColumnAdded(ORDERS, new Column(Identifier.of("created"), "TEXT", true, "CURRENT_TIMESTAMP", null))))) {

            assertEquals(3, number(db.connection(), "SELECT count(*) FROM orders WHERE currency = 'USD' AND created LIKE '20%'"));
        }
    }

    @Test
    void a_type_change_converts_values_by_the_new_affinity() throws SQLException {
        try (ScratchDatabase db = applied(List.of(new ColumnAltered(CUSTOMER, new Column(Identifier.of("score"), "REAL", false, null, null))))) {

            assertEquals(List.of("real|10.0", "real|7.5", "null|null"), rows(db.connection(), "SELECT typeof(score), score FROM customer ORDER BY id"));
        }
    }

    @Test
    void a_rebuild_recreates_the_tables_indexes() throws SQLException {
        try (ScratchDatabase db = applied(List.of(new CheckAdded(CUSTOMER, Check.of("length(name) > 1"))))) {

            assertEquals("ix_customer_name", text(db.connection(), "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'customer'"));
            assertEquals(0, number(db.connection(), "SELECT count(*) FROM sqlite_schema WHERE name LIKE '\\_strata%' ESCAPE '\\'"));
        }
    }

    @Test
    void a_rebuild_keeps_the_autoincrement_high_water_mark() throws SQLException {
        Schema before = SqlModels.parse(MODELS);
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            seed(db.connection());
            exec(db.connection(), "INSERT INTO orders (qty) VALUES (9)", "DELETE FROM orders WHERE qty = 9");

            db.run(SqliteDialect.render(before, List.of(new CheckAdded(ORDERS, Check.of("qty < 100")))));
            exec(db.connection(), "INSERT INTO orders (qty) VALUES (4)");

            assertEquals(5, number(db.connection(), "SELECT id FROM orders WHERE qty = 4"), "key 4 was used once and must not come back");
        }
    }

    @Test
    void a_column_dropped_and_added_again_in_one_rebuild_does_not_keep_the_old_values() throws SQLException {
        try (ScratchDatabase db = applied(List.of(
                new ColumnDropped(ORDERS, Identifier.of("code")),
                new ColumnAdded(ORDERS, new Column(Identifier.of("code"), "TEXT", false, "lower('NEW')", null))))) {

            assertEquals(List.of("new", "new", "new"), rows(db.connection(), "SELECT code FROM orders ORDER BY id"));
        }
    }

    @Test
    void a_rebuild_that_breaks_a_constraint_fails_and_changes_nothing() throws SQLException {
        Schema before = SqlModels.parse(MODELS);
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            seed(db.connection());
            SqlScript script = SqliteDialect.render(before, List.of(new CheckAdded(ORDERS, Check.of("qty < 3"))));

            SQLException e = assertThrows(SQLException.class, () -> db.run(script));

            assertTrue(e.getMessage().contains("CHECK constraint failed"), e.getMessage());
            assertTrue(e.getMessage().contains("INSERT INTO \"_strata_new_orders\""), e.getMessage());
            assertEquals(before, db.schema());
            assertEquals(3, number(db.connection(), "SELECT count(*) FROM orders"));
        }
    }

    @Test
    void a_foreign_key_added_over_orphans_fails_even_with_foreign_keys_off() throws SQLException {
        Schema before = SqlModels.parse(MODELS);
        try (ScratchDatabase db = ScratchDatabase.inMemory(false)) {
            db.run(SqliteDialect.createAll(before));
            seed(db.connection());
            exec(db.connection(), "INSERT INTO orders (customer_id, qty) VALUES (99, 1)");
            SqlScript script = SqliteDialect.render(before, List.of(new ForeignKeyAdded(ORDERS, ForeignKey.of("customer_id", "customer", "id"))));

            SQLException e = assertThrows(SQLException.class, () -> db.run(script));

            assertTrue(script.transactional());
            assertTrue(e.getMessage().contains("no_foreign_key_violations_after_rebuild"), e.getMessage());
            assertEquals(before, db.schema());
            assertEquals(4, number(db.connection(), "SELECT count(*) FROM orders"));
            assertFalse(db.schema().table(ORDERS).orElseThrow().foreignKeys().iterator().hasNext());
        }
    }

    @Test
    void dropping_a_foreign_key_of_a_child_keeps_its_rows() throws SQLException {
        Schema withFk = Projection.apply(SqlModels.parse(MODELS), List.of(new ForeignKeyAdded(ORDERS, ForeignKey.of("customer_id", "customer", "id"))));
        List<SchemaEvent> drop = List.of(new ForeignKeyDropped(ORDERS, List.of(Identifier.of("customer_id"))));
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(withFk));
            seed(db.connection());

            db.run(SqliteDialect.render(withFk, drop));

            assertEquals(Projection.apply(withFk, drop), db.schema());
            assertEquals(3, number(db.connection(), "SELECT count(*) FROM orders"));
            exec(db.connection(), "INSERT INTO orders (customer_id, qty) VALUES (99, 1)");
        }
    }
}
