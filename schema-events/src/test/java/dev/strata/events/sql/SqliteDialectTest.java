package dev.strata.events.sql;

import dev.strata.events.CheckAdded;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.IndexCreated;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableCreated;
import dev.strata.events.UniqueAdded;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering only: the text SQLiteDialect produces. Execution is proven in dev.strata.events.sqlite. */
class SqliteDialectTest {

    private static final Identifier ORDERS = Identifier.of("order");

    private static Table orders() {
        return new Table(ORDERS,
                List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null),
                        new Column(Identifier.of("code"), "TEXT", true, null, "nocase"),
                        new Column(Identifier.of("qty"), "INTEGER", true, "0", null),
                        new Column(Identifier.of("created"), "TEXT", false, "datetime('now')", null),
                        new Column(Identifier.of("customer_id"), "INTEGER", false, null, null)),
                new PrimaryKey(List.of(Identifier.of("id")), true),
                List.of(new Unique(List.of(Identifier.of("code")))),
                List.of(ForeignKey.of("customer_id", "customer", "id").withActions(ForeignKeyAction.CASCADE, ForeignKeyAction.SET_NULL)),
                List.of(new Check(Identifier.of("qty_positive"), "qty >= 0"), Check.of("length(code) > 2")));
    }

    private static Schema base() {
        Table customer = new Table(Identifier.of("customer"), List.of(new Column(Identifier.of("id"), "INTEGER", false, null, null)),
                PrimaryKey.of("id"), List.of(), List.of(), List.of());
        return Schema.EMPTY.withTable(customer).withTable(orders());
    }

    private static Revision revision(List<SchemaEvent> events) {
        return new Revision(7, "add-alerts-index", "Add alerts index\nsecond line ${not.a.placeholder}", "ann",
                Instant.EPOCH, "a".repeat(64), events, null);
    }

    @Test
    void create_table_renders_key_unique_foreign_key_checks_collation_and_defaults() {
        String sql = Ddl.createTable(orders());

        assertEquals("""
                CREATE TABLE "order" (
                    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                    "code" TEXT NOT NULL COLLATE NOCASE,
                    "qty" INTEGER NOT NULL DEFAULT 0,
                    "created" TEXT DEFAULT (datetime('now')),
                    "customer_id" INTEGER,
                    UNIQUE ("code"),
                    FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE ON UPDATE SET NULL,
                    CONSTRAINT "qty_positive" CHECK (qty >= 0),
                    CHECK (length(code) > 2)
                )""", sql);
    }

    @Test
    void create_index_and_view_quote_every_name_and_keep_the_partial_condition() {
        Index index = Index.of(Identifier.of("select"), ORDERS, List.of(Identifier.of("code"), Identifier.of("qty")), true, "qty > 0");

        assertEquals("CREATE UNIQUE INDEX \"select\" ON \"order\" (\"code\", \"qty\") WHERE qty > 0", Ddl.createIndex(index));
        assertEquals("CREATE VIEW \"big\" AS SELECT * FROM \"order\" WHERE qty > 9",
                Ddl.createView(new dev.strata.events.schema.View(Identifier.of("big"), "SELECT * FROM \"order\" WHERE qty > 9;")));
    }

    @Test
    void adding_a_nullable_or_constant_default_column_is_an_alter_table() {
        SqlScript nullable = SqliteDialect.render(base(), List.of(new ColumnAdded(ORDERS, Column.of("note", "TEXT"))));
        SqlScript constant = SqliteDialect.render(base(), List.of(new ColumnAdded(ORDERS,
                new Column(Identifier.of("currency"), "TEXT", true, "'USD'", null))));

        assertEquals(List.of("ALTER TABLE \"order\" ADD COLUMN \"note\" TEXT"), nullable.statements());
        assertEquals(List.of("ALTER TABLE \"order\" ADD COLUMN \"currency\" TEXT NOT NULL DEFAULT 'USD'"), constant.statements());
    }

    @Test
    void adding_a_column_alter_table_refuses_is_a_rebuild() {
        List<Column> refused = List.of(
                new Column(Identifier.of("stamp"), "TEXT", false, "CURRENT_TIMESTAMP", null),
                new Column(Identifier.of("stamp"), "TEXT", false, "datetime('now')", null),
                new Column(Identifier.of("stamp"), "TEXT", true, null, null));

        for (Column c : refused) {
            SqlScript script = SqliteDialect.render(base(), List.of(new ColumnAdded(ORDERS, c)));

            assertTrue(script.statements().stream().anyMatch(s -> s.startsWith("CREATE TABLE \"_strata_new_order\"")),
                    c + " -> " + script.statements());
            assertTrue(script.statements().stream().noneMatch(s -> s.contains("ADD COLUMN")), script.text());
        }
    }

    @Test
    void dropping_an_indexed_column_drops_the_index_first_then_alters() {
        Schema before = base().withIndex(Index.of(Identifier.of("ix_qty"), ORDERS, List.of(Identifier.of("qty")), false, null));

        SqlScript script = SqliteDialect.render(before, List.of(new ColumnDropped(ORDERS, Identifier.of("qty"))));

        // qty is also in the check qty_positive, so this is a rebuild; created is unconstrained
        assertTrue(script.text().contains("_strata_new_order"), script.text());
        Schema indexed = base().withIndex(Index.of(Identifier.of("ix_created"), ORDERS, List.of(Identifier.of("created")), false, null));
        assertEquals(List.of("DROP INDEX \"ix_created\"", "ALTER TABLE \"order\" DROP COLUMN \"created\""),
                SqliteDialect.render(indexed, List.of(new ColumnDropped(ORDERS, Identifier.of("created")))).statements());
    }

    @Test
    void consecutive_rebuilds_of_one_table_become_one_rebuild() {
        List<SchemaEvent> events = List.of(
                new ColumnAltered(ORDERS, new Column(Identifier.of("qty"), "REAL", true, "0", null)),
                new CheckAdded(ORDERS, Check.of("qty < 1000")),
                new UniqueAdded(ORDERS, new Unique(List.of(Identifier.of("customer_id"), Identifier.of("created")))));

        SqlScript script = SqliteDialect.render(base(), events);

        assertEquals(1, script.statements().stream().filter(s -> s.startsWith("CREATE TABLE \"_strata_new_order\"")).count());
        assertTrue(script.text().contains("\"qty\" REAL NOT NULL DEFAULT 0"), script.text());
        assertTrue(script.text().contains("CHECK (qty < 1000)"), script.text());
    }

    @Test
    void a_rebuild_split_by_another_event_is_two_rebuilds() {
        List<SchemaEvent> events = List.of(
                new CheckAdded(ORDERS, Check.of("qty < 1000")),
                new IndexCreated(Index.of(Identifier.of("ix_code"), ORDERS, List.of(Identifier.of("code")), false, null)),
                new CheckAdded(ORDERS, Check.of("qty < 2000")));

        SqlScript script = SqliteDialect.render(base(), events);

        assertEquals(2, script.statements().stream().filter(s -> s.startsWith("CREATE TABLE \"_strata_new_order\"")).count());
        String rebuild = "CREATE TABLE \"_strata_new_order\"";
        String index = "CREATE INDEX \"ix_code\" ON \"order\" (\"code\")";
        assertEquals(List.of(rebuild, index, rebuild, index), script.statements().stream()
                .filter(x -> x.startsWith(rebuild) || x.equals(index)).map(x -> x.startsWith(rebuild) ? rebuild : x).toList(),
                "the index is created between the two rebuilds, and again after the second: " + script.text());
    }

    @Test
    void rebuilding_an_unreferenced_table_is_plain_transactional_ddl() {
        SqlScript script = SqliteDialect.render(base(), List.of(new CheckAdded(ORDERS, Check.of("qty < 1000"))));

        assertTrue(script.transactional());
        assertTrue(script.statements().stream().noneMatch(s -> s.startsWith("PRAGMA") || s.startsWith("SAVEPOINT")), script.text());
        assertEquals(Optional.empty(), SqliteDialect.flywayScriptConfig(script));
    }

    @Test
    void rebuilding_a_referenced_table_switches_foreign_keys_off_around_one_savepoint() {
        Identifier customer = Identifier.of("customer");

        SqlScript script = SqliteDialect.render(base(), List.of(new ColumnAdded(customer,
                new Column(Identifier.of("name"), "TEXT", true, null, null))));

        List<String> s = script.statements();
        assertFalse(script.transactional());
        assertEquals(List.of("PRAGMA foreign_keys = OFF", "SAVEPOINT strata_rebuild"), s.subList(0, 2));
        assertEquals(List.of("RELEASE strata_rebuild", "PRAGMA foreign_keys = ON"), s.subList(s.size() - 2, s.size()));
        assertTrue(s.stream().anyMatch(x -> x.contains("RAISE(ROLLBACK") && x.contains(TableRebuild.VIOLATION)), script.text());
        assertTrue(s.stream().noneMatch(x -> x.equals("BEGIN") || x.startsWith("BEGIN ")), "Flyway's SQLite parser reads BEGIN as a block");
        assertEquals(Optional.of("executeInTransaction=false\n"), SqliteDialect.flywayScriptConfig(script));
    }

    @Test
    void one_referenced_rebuild_makes_the_whole_revision_one_non_transactional_transaction() {
        List<SchemaEvent> events = List.of(
                new TableCreated(Table.of("audit", Column.of("at", "TEXT"))),
                new ColumnAltered(Identifier.of("customer"), new Column(Identifier.of("id"), "INTEGER", true, null, null)),
                new IndexCreated(Index.of(Identifier.of("ix_audit"), Identifier.of("audit"), List.of(Identifier.of("at")), false, null)));

        List<String> s = SqliteDialect.render(base(), events).statements();

        List<String> inOrder = List.of("SAVEPOINT strata_rebuild", Ddl.createTable(Table.of("audit", Column.of("at", "TEXT"))),
                "CREATE INDEX \"ix_audit\" ON \"audit\" (\"at\")", "RELEASE strata_rebuild");
        assertEquals(inOrder, s.stream().filter(inOrder::contains).toList(), "every statement sits inside the one savepoint: " + s);
    }

    @Test
    void files_carry_a_deterministic_header_and_the_script() {
        Revision r = revision(List.of(new CheckAdded(ORDERS, Check.of("qty < 1000"))));

        String up = SqliteDialect.upgradeFile(r, base(), "schema/events");

        assertEquals(up, SqliteDialect.upgradeFile(r, base(), "schema/events"));
        assertTrue(up.startsWith("-- Strata upgrade of revision 7 (add-alerts-index): Add alerts index\n"
                + "-- Generated by strata from schema/events/0007-add-alerts-index.json; do not edit.\n\n"), up);
        assertTrue(up.endsWith(SqliteDialect.upgrade(base(), r).text()));
        assertTrue(SqliteDialect.downgradeFile(r, base(), "schema/events").startsWith("-- Strata downgrade of revision 7 (add-alerts-index)"));
    }

    @Test
    void a_non_transactional_file_says_why_and_names_its_conf_file() {
        Revision r = revision(List.of(new CheckAdded(Identifier.of("customer"), Check.of("id > 0"))));

        String up = SqliteDialect.upgradeFile(r, base(), "schema/events");

        assertTrue(up.contains("(V7__add_alerts_index.sql.conf)"), up);
        assertFalse(up.contains("${"), "stock Flyway would fail on an unknown placeholder");
    }

    @Test
    void downgrade_renders_the_inverse_against_the_schema_after_the_revision() {
        Revision r = revision(List.of(new ColumnAdded(ORDERS, Column.of("note", "TEXT"))));

        SqlScript down = SqliteDialect.downgrade(base(), r);

        assertEquals(List.of("ALTER TABLE \"order\" DROP COLUMN \"note\""), down.statements());
    }

    @Test
    void downgrade_of_a_dropped_last_column_adds_it_back_with_alter_table() {
        Revision r = revision(List.of(new ColumnDropped(ORDERS, Identifier.of("customer_id"))));

        SqlScript down = SqliteDialect.downgrade(base(), r);

        assertEquals("ALTER TABLE \"order\" ADD COLUMN \"customer_id\" INTEGER", down.statements().get(0));
    }

    @Test
    void downgrade_of_a_dropped_middle_column_rebuilds_the_table_with_the_column_in_its_place() {
        Revision r = revision(List.of(new ColumnDropped(ORDERS, Identifier.of("created"))));

        SqlScript down = SqliteDialect.downgrade(base(), r);

        assertEquals(Ddl.createTable(orders()).replaceFirst("\"order\"", "\"_strata_new_order\""), down.statements().get(0));
        assertEquals("INSERT INTO \"_strata_new_order\" (\"id\", \"code\", \"qty\", \"customer_id\")"
                + " SELECT \"id\", \"code\", \"qty\", \"customer_id\" FROM \"order\"", down.statements().get(1));
    }

    @Test
    void create_all_renders_tables_then_indexes_views_and_triggers_in_creation_order() {
        Schema s = base().withIndex(Index.of(Identifier.of("ix_qty"), ORDERS, List.of(Identifier.of("qty")), false, null))
                .withView(new dev.strata.events.schema.View(Identifier.of("v"), "SELECT id FROM \"order\""))
                .withTrigger(new dev.strata.events.schema.Trigger(Identifier.of("t"), ORDERS,
                        "CREATE TRIGGER t AFTER DELETE ON \"order\" BEGIN DELETE FROM customer; END"));

        List<String> all = SqliteDialect.createAll(s).statements();

        assertEquals(5, all.size());
        assertTrue(all.get(0).startsWith("CREATE TABLE \"customer\""));
        assertTrue(all.get(1).startsWith("CREATE TABLE \"order\""));
        assertEquals("CREATE INDEX \"ix_qty\" ON \"order\" (\"qty\")", all.get(2));
        assertEquals("CREATE VIEW \"v\" AS SELECT id FROM \"order\"", all.get(3));
        assertTrue(all.get(4).endsWith("END"));
    }

    @Test
    void script_text_ends_every_statement_with_a_semicolon_even_after_a_line_comment() {
        SqlScript script = new SqlScript(List.of("CREATE TABLE a (x)", "UPDATE a SET x = 1 -- all rows", "DELETE FROM a;"), true);

        assertEquals("CREATE TABLE a (x);\nUPDATE a SET x = 1 -- all rows\n;\nDELETE FROM a;\n", script.text());
        assertEquals(3, SqlSplitter.split(script.text()).size());
        assertThrows(IllegalArgumentException.class, () -> new SqlScript(List.of(" "), true));
    }

    @Test
    void extra_statements_join_the_script_s_own_transaction() {
        SqlScript plain = new SqlScript(List.of("CREATE TABLE a (x)"), true);
        SqlScript rebuild = SqliteDialect.render(base(), List.of(new CheckAdded(Identifier.of("customer"), Check.of("id > 0"))));

        List<String> withRow = rebuild.withStatementsInItsTransaction(List.of("DELETE FROM h")).statements();

        assertEquals(List.of("CREATE TABLE a (x)", "DELETE FROM h"), plain.withStatementsInItsTransaction(List.of("DELETE FROM h")).statements());
        assertEquals(List.of("DELETE FROM h", "RELEASE strata_rebuild", "PRAGMA foreign_keys = ON"), withRow.subList(withRow.size() - 3, withRow.size()));
        assertThrows(IllegalStateException.class, () -> new SqlScript(List.of("VACUUM"), false).withStatementsInItsTransaction(List.of("DELETE FROM h")));
    }
}
