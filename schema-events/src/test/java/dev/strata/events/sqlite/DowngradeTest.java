package dev.strata.events.sqlite;

import dev.strata.events.CheckAdded;
import dev.strata.events.CheckDropped;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.ForeignKeyDropped;
import dev.strata.events.IndexCreated;
import dev.strata.events.IndexDropped;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.SqlExecuted;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.TriggerCreated;
import dev.strata.events.TriggerDropped;
import dev.strata.events.UniqueAdded;
import dev.strata.events.UniqueDropped;
import dev.strata.events.ViewCreated;
import dev.strata.events.ViewDropped;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;
import dev.strata.events.sql.SqliteDialect;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.strata.events.sqlite.Queries.exec;
import static dev.strata.events.sqlite.Queries.number;
import static dev.strata.events.sqlite.Queries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** For every event kind: upgrade then downgrade, on a seeded database with foreign keys on, gives back the schema before. */
class DowngradeTest {

    private static final String MODELS = """
            CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, score TEXT);
            CREATE INDEX ix_customer_name ON customer (name);
            CREATE TABLE orders (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id INTEGER REFERENCES customer (id) ON DELETE CASCADE,
                qty INTEGER NOT NULL DEFAULT 1,
                code TEXT UNIQUE,
                note TEXT,
                CONSTRAINT qty_positive CHECK (qty > 0)
            );
            CREATE INDEX ix_orders_note ON orders (note);
            CREATE TABLE tag (name TEXT);
            CREATE VIEW v_names AS SELECT name FROM customer;
            CREATE TRIGGER trg_orders AFTER INSERT ON orders BEGIN
                UPDATE customer SET score = 'active' WHERE id = new.customer_id;
            END;
            """;

    private static final Identifier CUSTOMER = Identifier.of("customer");
    private static final Identifier ORDERS = Identifier.of("orders");

    private static Named<List<SchemaEvent>> kind(String name, SchemaEvent... events) {
        return Named.of(name, List.of(events));
    }

    static Stream<Named<List<SchemaEvent>>> everyKind() {
        return Stream.of(
                kind("TableCreated", new TableCreated(new Table(Identifier.of("alert"),
                        List.of(Column.of("id", "INTEGER"), Column.of("customer_id", "INTEGER")), PrimaryKey.of("id"), List.of(),
                        List.of(ForeignKey.of("customer_id", "customer", "id")), List.of()))),
                kind("TableDropped", new TableDropped(ORDERS)),
                kind("TableRenamed", new TableRenamed(Identifier.of("tag"), Identifier.of("label"))),
                kind("ColumnAdded", new ColumnAdded(ORDERS, Column.of("shipped", "TEXT"))),
                kind("ColumnAdded by rebuild", new ColumnAdded(CUSTOMER, new Column(Identifier.of("since"), "TEXT", true, "CURRENT_DATE", null))),
                kind("ColumnDropped", new ColumnDropped(ORDERS, Identifier.of("note"))),
                kind("ColumnDropped with its unique", new ColumnDropped(ORDERS, Identifier.of("code"))),
                kind("ColumnDropped from the middle of a referenced table", new ColumnDropped(CUSTOMER, Identifier.of("email"))),
                kind("ColumnRenamed", new ColumnRenamed(CUSTOMER, Identifier.of("email"), Identifier.of("mail"))),
                kind("ColumnAltered", new ColumnAltered(CUSTOMER, new Column(Identifier.of("score"), "REAL", false, "0", null))),
                kind("IndexCreated", new IndexCreated(Index.of(Identifier.of("ix_qty"), ORDERS, List.of(Identifier.of("qty")), true, "qty > 1"))),
                kind("IndexDropped", new IndexDropped(Identifier.of("ix_customer_name"))),
                kind("ForeignKeyAdded", new ForeignKeyAdded(ORDERS, ForeignKey.of("qty", "customer", "id"))),
                kind("ForeignKeyDropped", new ForeignKeyDropped(ORDERS, List.of(Identifier.of("customer_id")))),
                kind("CheckAdded", new CheckAdded(CUSTOMER, Check.of("length(name) > 1"))),
                kind("CheckDropped", new CheckDropped(ORDERS, new Check(Identifier.of("qty_positive"), "qty > 0"))),
                kind("UniqueAdded", new UniqueAdded(CUSTOMER, new Unique(List.of(Identifier.of("email"))))),
                kind("UniqueDropped", new UniqueDropped(ORDERS, new Unique(List.of(Identifier.of("code"))))),
                kind("PrimaryKeyAltered", new PrimaryKeyAltered(Identifier.of("tag"), PrimaryKey.of("name"))),
                kind("ViewCreated", new ViewCreated(new View(Identifier.of("v_big"), "SELECT * FROM orders WHERE qty > 1"))),
                kind("ViewDropped", new ViewDropped(Identifier.of("v_names"))),
                kind("TriggerCreated", new TriggerCreated(new Trigger(Identifier.of("trg_tag"), Identifier.of("tag"),
                        "CREATE TRIGGER trg_tag BEFORE DELETE ON tag BEGIN SELECT RAISE(ABORT, 'tags stay'); END"))),
                kind("TriggerDropped", new TriggerDropped(Identifier.of("trg_orders"))),
                kind("SqlExecuted", new SqlExecuted("uppercase names", "UPDATE customer SET name = upper(name);",
                        "UPDATE customer SET name = lower(name);")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void upgrade_then_downgrade_gives_back_the_previous_schema(List<SchemaEvent> events) throws SQLException {
        Schema before = SqlModels.parse(MODELS);
        Revision r = new Revision(2, "change", "change", "test", Instant.EPOCH, "b".repeat(64), events, null);
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            exec(db.connection(), "INSERT INTO customer (id, name, email) VALUES (1, 'ann', 'a@x'), (2, 'bob', 'b@x')",
                    "INSERT INTO orders (customer_id, qty, code) VALUES (1, 2, 'A'), (2, 1, 'B')", "INSERT INTO tag VALUES ('t')");
            List<String> names = rows(db.connection(), "SELECT type || ' ' || name FROM sqlite_schema ORDER BY name");
            List<Object> was = state(db);

            db.run(SqliteDialect.upgrade(before, r));
            assertNotEquals(was, state(db), "the upgrade changed nothing");
            db.run(SqliteDialect.downgrade(before, r));

            assertEquals(before, db.schema());
            assertEquals(columnOrder(before), columnOrder(db.schema()));
            assertEquals(names, rows(db.connection(), "SELECT type || ' ' || name FROM sqlite_schema ORDER BY name"));
            assertEquals(List.of("1|ann", "2|bob"), rows(db.connection(), "SELECT id, name FROM customer ORDER BY id"));
            assertEquals(List.of(), rows(db.connection(), "PRAGMA foreign_key_check"));
            assertEquals(1, number(db.connection(), "PRAGMA foreign_keys"));
        }
    }

    @Test
    void downgrade_of_a_dropped_middle_column_restores_its_place_and_keeps_rows_indexes_and_children() throws SQLException {
        Schema before = SqlModels.parse(MODELS);
        Revision r = new Revision(2, "drop-email", "drop email", "test", Instant.EPOCH, "b".repeat(64),
                List.of(new ColumnDropped(CUSTOMER, Identifier.of("email"))), null);
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            exec(db.connection(), "INSERT INTO customer (id, name, email) VALUES (1, 'ann', 'a@x'), (2, 'bob', 'b@x')",
                    "INSERT INTO orders (customer_id, qty, code) VALUES (1, 2, 'A'), (2, 1, 'B')");
            db.run(SqliteDialect.upgrade(before, r));

            db.run(SqliteDialect.downgrade(before, r));

            assertEquals(List.of("id", "name", "email", "score"), rows(db.connection(), "SELECT name FROM pragma_table_info('customer')"));
            assertEquals(List.of("1|ann|null", "2|bob|null"), rows(db.connection(), "SELECT id, name, email FROM customer ORDER BY id"));
            assertEquals(List.of("1|A", "2|B"), rows(db.connection(), "SELECT customer_id, code FROM orders ORDER BY id"));
            assertEquals(List.of("ix_customer_name"), rows(db.connection(), "SELECT name FROM pragma_index_list('customer')"));
            assertEquals(List.of("customer"), rows(db.connection(), "SELECT \"table\" FROM pragma_foreign_key_list('orders')"));
            assertEquals(List.of(), rows(db.connection(), "PRAGMA foreign_key_check"));
        }
    }

    /** The schema and the customers' names: a data migration changes the names, every other event the schema. */
    private static List<Object> state(ScratchDatabase db) throws SQLException {
        return List.of(db.schema(), rows(db.connection(), "SELECT id, name FROM customer ORDER BY id"));
    }

    private static Map<Identifier, List<Identifier>> columnOrder(Schema schema) {
        return schema.tables().values().stream().collect(Collectors.toMap(Table::name, Table::columnNames));
    }
}
