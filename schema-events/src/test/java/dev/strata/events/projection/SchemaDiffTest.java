package dev.strata.events.projection;

import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.IndexCreated;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.ViewCreated;
import dev.strata.events.ViewDropped;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaDiffTest {

    private static final Identifier COMPANIES = Identifier.of("companies");
    private static final Identifier PRICES = Identifier.of("daily_prices");

    private static Table companies(Column... extra) {
        List<Column> cols = new java.util.ArrayList<>(List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null),
                new Column(Identifier.of("symbol"), "TEXT", true, null, null)));
        cols.addAll(List.of(extra));
        return new Table(COMPANIES, cols, PrimaryKey.of("id"), List.of(Unique.of("symbol")), List.of(), List.of());
    }

    private static Table prices(String closeType) {
        return new Table(PRICES, List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null),
                Column.of("company_id", "INTEGER"), Column.of("close", closeType)), PrimaryKey.of("id"), List.of(),
                List.of(ForeignKey.of("company_id", "companies", "id")), List.of(Check.of("close >= 0")));
    }

    private static Schema schema(Table... tables) {
        return Projection.apply(Schema.EMPTY, java.util.Arrays.stream(tables).map(t -> (SchemaEvent) new TableCreated(t)).toList());
    }

    @Test
    void a_column_only_in_the_models_is_named_with_both_sides() {
        Schema models = schema(companies(Column.of("industry_code", "TEXT")));
        Schema migrations = schema(companies());

        List<Difference> d = SchemaDiff.differences(models, migrations, "the models", "the migrations");

        assertEquals(List.of(new Difference("companies.industry_code",
                "table companies: column industry_code is in the models but not in the migrations", false)), d);
    }

    @Test
    void a_changed_type_is_named_with_both_types() {
        Schema models = schema(companies(), prices("REAL"));
        Schema migrations = schema(companies(), prices("TEXT"));

        List<Difference> d = SchemaDiff.differences(models, migrations, "the models", "the migrations");

        assertEquals(List.of(new Difference("daily_prices.close",
                "table daily_prices: column close is REAL in the models but TEXT in the migrations", false)), d);
    }

    @Test
    void missing_index_view_and_constraint_are_each_reported() {
        Schema migrations = schema(companies(), prices("REAL"));
        Schema models = Projection.apply(migrations, List.of(
                new IndexCreated(Index.of(Identifier.of("ix_prices_close"), PRICES, List.of(Identifier.of("close")), false, null)),
                new ViewCreated(new View(Identifier.of("latest"), "SELECT close FROM daily_prices")),
                new dev.strata.events.UniqueAdded(PRICES, Unique.of("company_id", "close"))));

        List<String> objects = SchemaDiff.differences(models, migrations, "the models", "the migrations").stream()
                .map(Difference::object).toList();

        assertEquals(List.of("daily_prices", "ix_prices_close", "latest"), objects);
    }

    @Test
    void column_order_alone_is_an_informational_difference_and_no_event() {
        Table reordered = companies(Column.of("name", "TEXT"));
        Table natural = reordered.withColumns(List.of(reordered.columns().get(2), reordered.columns().get(0), reordered.columns().get(1)));

        List<Difference> d = SchemaDiff.differences(schema(natural), schema(reordered), "before V7", "after U7");

        assertEquals(1, d.size());
        assertTrue(d.get(0).informational());
        assertTrue(d.get(0).message().contains("[name, id, symbol] in before V7 but [id, symbol, name] in after U7"), d.get(0).message());
        assertEquals(List.of(), SchemaDiff.events(schema(natural), schema(reordered)));
    }

    @Test
    void a_changed_column_is_one_column_altered_event() {
        List<SchemaEvent> events = SchemaDiff.events(schema(companies(), prices("TEXT")), schema(companies(), prices("REAL")));

        assertEquals(List.of(new ColumnAltered(PRICES, Column.of("close", "REAL"))), events);
    }

    @Test
    void a_renamed_column_is_diffed_as_a_drop_and_an_add() {
        Schema from = schema(companies(Column.of("name", "TEXT")));
        Schema to = schema(companies(Column.of("title", "TEXT")));

        List<SchemaEvent> events = SchemaDiff.events(from, to);

        assertEquals(List.of(new ColumnAdded(COMPANIES, Column.of("title", "TEXT")), new ColumnDropped(COMPANIES, Identifier.of("name"))),
                events);
    }

    @Test
    void a_view_on_a_dropped_column_is_dropped_before_and_recreated_after() {
        View view = new View(Identifier.of("names"), "SELECT id, name FROM companies");
        View changed = new View(Identifier.of("names"), "SELECT id FROM companies");
        Schema from = Projection.apply(schema(companies(Column.of("name", "TEXT"))), List.of(new ViewCreated(view)));
        Schema to = Projection.apply(schema(companies()), List.of(new ViewCreated(changed)));

        List<SchemaEvent> events = SchemaDiff.events(from, to);

        assertEquals(List.of(new ViewDropped(view.name()), new ColumnDropped(COMPANIES, Identifier.of("name")), new ViewCreated(changed)),
                events);
    }

    /** Found by SchemaDiffProperties: a table referenced by another dropped table that is not in the cycle. */
    @Test
    void dropping_tables_with_a_cycle_of_foreign_keys_and_a_parent_outside_it_ends() {
        Table t0 = table("t0");
        Table t1 = table("t1", ForeignKey.of("a", "t0", "id"), ForeignKey.of("b", "t2", "id"));
        Table t2 = table("t2");
        Schema from = Projection.apply(Schema.EMPTY, List.of(new TableCreated(t0), new TableCreated(t2), new TableCreated(t1),
                new ForeignKeyAdded(t2.name(), ForeignKey.of("a", "t1", "id"))));

        List<SchemaEvent> events = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SchemaDiff.events(from, Schema.EMPTY));

        assertEquals(Schema.EMPTY, Projection.apply(from, events));
        assertEquals(List.of(TableDropped.class), events.stream().map(Object::getClass).distinct()
                .filter(c -> c != dev.strata.events.ForeignKeyDropped.class).toList());
    }

    /** Found by SchemaDiffProperties: the key a table's foreign key to itself targets may be a unique index. */
    @Test
    void a_new_table_whose_foreign_key_to_itself_targets_a_unique_index_gets_the_key_after_the_index() {
        Table t = table("t0");
        Index unique = Index.of(Identifier.of("ux_t0_a"), t.name(), List.of(Identifier.of("a")), true, null);
        Schema to = Projection.apply(Schema.EMPTY, List.of(new TableCreated(t), new IndexCreated(unique),
                new ForeignKeyAdded(t.name(), ForeignKey.of("b", "t0", "a"))));

        List<SchemaEvent> events = SchemaDiff.events(Schema.EMPTY, to);

        assertEquals(to, Projection.apply(Schema.EMPTY, events));
    }

    /** Found by SchemaDiffProperties: TableDropped's inverse recreated such a key before the index it needs. */
    @Test
    void undoing_the_drop_of_a_table_whose_foreign_key_to_itself_targets_a_unique_index_restores_it() {
        Table t = table("t0");
        Index unique = Index.of(Identifier.of("ux_t0_a"), t.name(), List.of(Identifier.of("a")), true, null);
        Schema before = Projection.apply(Schema.EMPTY, List.of(new TableCreated(t), new IndexCreated(unique),
                new ForeignKeyAdded(t.name(), ForeignKey.of("b", "t0", "a"))));
        List<SchemaEvent> drop = List.of(new TableDropped(t.name()));

        Schema undone = Projection.apply(Projection.apply(before, drop), Projection.inverse(before, drop));

        assertEquals(before, undone);
    }

    /** Found by SchemaDiffProperties: no order works while a foreign key targets the key; it has to step aside. */
    @Test
    void a_key_that_moves_from_the_primary_key_to_a_unique_constraint_takes_its_foreign_keys_along() {
        Table keyed = table("t0", ForeignKey.of("a", "t0", "id"));
        Table unique = new Table(keyed.name(), keyed.columns(), PrimaryKey.NONE, List.of(Unique.of("id")), keyed.foreignKeys(), List.of());
        Schema from = schema(keyed, table("t1", ForeignKey.of("a", "t0", "id")));
        Schema to = schema(unique, table("t1", ForeignKey.of("a", "t0", "id")));

        List<SchemaEvent> events = SchemaDiff.events(from, to);

        assertEquals(to, Projection.apply(from, events));
        assertEquals(from, Projection.apply(to, SchemaDiff.events(to, from)));
    }

    /** {@code id INTEGER PRIMARY KEY, a INTEGER, b INTEGER} with the given foreign keys. */
    private static Table table(String name, ForeignKey... fks) {
        return new Table(Identifier.of(name), List.of(Column.of("id", "INTEGER"), Column.of("a", "INTEGER"), Column.of("b", "INTEGER")),
                PrimaryKey.of("id"), List.of(), List.of(fks), List.of());
    }

    @Test
    void a_change_no_order_can_make_fails_naming_the_event_and_why() {
        Table parent = Table.of("parents", Column.of("id", "INTEGER"), Column.of("code", "TEXT"));
        Table child = Table.of("children", Column.of("code", "TEXT")).withForeignKeys(List.of(ForeignKey.of("code", "parents", "code")));
        Schema to = new Schema(java.util.Map.of(parent.name(), parent, child.name(), child), java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of());

        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.strata.events.InvalidEventException.class,
                () -> SchemaDiff.events(Schema.EMPTY, to));

        assertTrue(e.getMessage().startsWith("cannot order the changes that lead from the schema to the target: after 1 of them,"
                + " 1 apply in no order (cannot create table children: the referenced columns parents[code] are neither the"
                + " primary key nor UNIQUE"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written"), e.getMessage());
    }
}
