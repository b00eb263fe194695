package dev.strata.events;

import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaEventTest {

    private static final Identifier COMPANIES = Identifier.of("companies");
    private static final Identifier PRICES = Identifier.of("daily_prices");

    private static Schema stock() {
        Table companies = new Table(COMPANIES,
                List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null),
                        new Column(Identifier.of("symbol"), "TEXT", true, null, "NOCASE"),
                        Column.of("name", "TEXT")),
                new PrimaryKey(List.of(Identifier.of("id")), true), List.of(Unique.of("symbol")), List.of(), List.of());
        Table prices = new Table(PRICES,
                List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null),
                        new Column(Identifier.of("company_id"), "INTEGER", true, null, null),
                        new Column(Identifier.of("date"), "TEXT", true, null, null),
                        new Column(Identifier.of("close"), "REAL", false, "0", null)),
                PrimaryKey.of("id"), List.of(Unique.of("company_id", "date")),
                List.of(ForeignKey.of("company_id", "companies", "id").withActions(ForeignKeyAction.CASCADE, ForeignKeyAction.NO_ACTION)),
                List.of(Check.of("close >= 0")));
        Index byDate = Index.of(Identifier.of("ix_prices_date"), PRICES, List.of(Identifier.of("date")), false, null);
        return Projection.apply(Schema.EMPTY, List.of(new TableCreated(companies), new TableCreated(prices), new IndexCreated(byDate)));
    }

    @Test
    void adding_a_column_that_exists_is_rejected_with_the_column_named() {
        SchemaEvent event = new ColumnAdded(COMPANIES, Column.of("symbol", "TEXT"));

        InvalidEventException e = assertThrows(InvalidEventException.class, () -> event.applyTo(stock()));

        assertEquals("cannot add column companies.symbol: the column already exists", e.getMessage());
    }

    @Test
    void a_column_added_before_another_takes_that_columns_place() {
        SchemaEvent event = new ColumnAdded(COMPANIES, Column.of("sector", "TEXT"), Identifier.of("symbol"));

        Schema after = event.applyTo(stock());

        assertEquals(List.of(Identifier.of("id"), Identifier.of("sector"), Identifier.of("symbol"), Identifier.of("name")),
                after.table(COMPANIES).orElseThrow().columnNames());
    }

    @Test
    void adding_a_column_before_a_missing_column_is_rejected_with_both_named() {
        SchemaEvent event = new ColumnAdded(COMPANIES, Column.of("sector", "TEXT"), Identifier.of("ticker"));

        InvalidEventException e = assertThrows(InvalidEventException.class, () -> event.applyTo(stock()));

        assertEquals("cannot add column companies.sector before ticker: column companies.ticker, which it should go before,"
                + " does not exist", e.getMessage());
    }

    @Test
    void the_inverse_of_a_dropped_column_puts_it_back_where_it_was() {
        Schema before = stock();
        SchemaEvent drop = new ColumnDropped(PRICES, Identifier.of("company_id"));

        Schema undone = Projection.apply(drop.applyTo(before), drop.inverse(before));

        assertEquals(before.table(PRICES).orElseThrow().columnNames(), undone.table(PRICES).orElseThrow().columnNames());
    }

    @Test
    void the_inverse_of_a_dropped_last_column_adds_it_last() {
        Schema before = stock();

        List<SchemaEvent> inverse = new ColumnDropped(COMPANIES, Identifier.of("name")).inverse(before);

        assertEquals(List.of(new ColumnAdded(COMPANIES, Column.of("name", "TEXT"))), inverse);
    }

    @Test
    void dropping_a_missing_table_is_rejected() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> new TableDropped(Identifier.of("alerts")).applyTo(stock()));

        assertEquals("cannot drop table alerts: table alerts does not exist", e.getMessage());
    }

    @Test
    void dropping_a_table_that_others_reference_leaves_their_foreign_keys_dangling() {
        Schema after = new TableDropped(COMPANIES).applyTo(stock());

        assertEquals(List.of("daily_prices[company_id] -> companies[id]"),
                after.danglingForeignKeys().stream().map(Object::toString).toList());
    }

    @Test
    void a_foreign_key_must_target_a_key_of_its_parent() {
        ForeignKey toName = ForeignKey.of("company_id", "companies", "name");

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> new ForeignKeyAdded(Identifier.of("daily_prices"), toName).applyTo(
                        new ForeignKeyDropped(PRICES, List.of(Identifier.of("company_id"))).applyTo(stock())));

        assertTrue(e.getMessage().contains("are neither the primary key nor UNIQUE"), e.getMessage());
    }

    @Test
    void dropping_a_column_drops_its_index_and_constraints_and_the_inverse_restores_them() {
        Schema before = stock();
        SchemaEvent drop = new ColumnDropped(PRICES, Identifier.of("date"));

        Schema after = drop.applyTo(before);

        assertTrue(after.index(Identifier.of("ix_prices_date")).isEmpty());
        assertTrue(after.table(PRICES).orElseThrow().uniques().isEmpty());
        assertEquals(before, Projection.apply(after, drop.inverse(before)));
    }

    @Test
    void renaming_a_column_renames_it_in_the_primary_key_and_the_foreign_keys_that_reference_it() {
        Schema before = stock();
        SchemaEvent rename = new ColumnRenamed(COMPANIES, Identifier.of("id"), Identifier.of("company_id"));

        Schema after = rename.applyTo(before);

        assertEquals(List.of(Identifier.of("company_id")), after.table(COMPANIES).orElseThrow().primaryKey().columns());
        assertEquals(List.of(Identifier.of("company_id")),
                after.table(PRICES).orElseThrow().foreignKeys().get(0).referencedColumns());
        assertEquals(before, Projection.apply(after, rename.inverse(before)));
    }

    @Test
    void renaming_a_column_renames_it_in_indexes_and_unique_constraints() {
        Schema before = stock();
        SchemaEvent rename = new ColumnRenamed(PRICES, Identifier.of("date"), Identifier.of("day"));

        Schema after = rename.applyTo(before);

        assertEquals(List.of(Identifier.of("day")), after.index(Identifier.of("ix_prices_date")).orElseThrow().columns());
        assertEquals(List.of(Unique.of("company_id", "day")), after.table(PRICES).orElseThrow().uniques());
        assertEquals(before, Projection.apply(after, rename.inverse(before)));
    }

    @Test
    void renaming_a_column_rewrites_the_checks_that_mention_it() {
        Schema after = new ColumnRenamed(PRICES, Identifier.of("close"), Identifier.of("close_price")).applyTo(stock());

        assertEquals(List.of(Check.of("close_price >= 0")), after.table(PRICES).orElseThrow().checks());
    }

    @Test
    void renaming_a_table_follows_foreign_keys_and_indexes() {
        Schema after = new TableRenamed(PRICES, Identifier.of("prices")).applyTo(
                new TableRenamed(COMPANIES, Identifier.of("issuers")).applyTo(stock()));

        assertEquals(Identifier.of("issuers"), after.table(Identifier.of("prices")).orElseThrow().foreignKeys().get(0).referencedTable());
        assertEquals(Identifier.of("prices"), after.index(Identifier.of("ix_prices_date")).orElseThrow().table());
    }

    @Test
    void renaming_a_table_with_a_trigger_asks_to_drop_the_trigger_first() {
        Trigger audit = new Trigger(Identifier.of("trg_audit"), COMPANIES,
                "CREATE TRIGGER trg_audit AFTER UPDATE ON companies BEGIN SELECT 1; END");
        Schema withTrigger = new TriggerCreated(audit).applyTo(stock());

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> new TableRenamed(COMPANIES, Identifier.of("issuers")).applyTo(withTrigger));

        assertEquals("cannot rename table companies to issuers: it has triggers [trg_audit];"
                + " drop them first and recreate them on issuers afterwards", e.getMessage());
    }

    @Test
    void dropping_a_column_a_view_uses_is_rejected() {
        Schema withView = new ViewCreated(new View(Identifier.of("v_names"), "SELECT name FROM companies")).applyTo(stock());

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> new ColumnDropped(COMPANIES, Identifier.of("name")).applyTo(withView));

        assertTrue(e.getMessage().contains("view v_names refers to it"), e.getMessage());
    }

    @Test
    void dropping_a_table_restores_its_indexes_and_triggers_on_undo() {
        Trigger t = new Trigger(Identifier.of("trg_prices"), PRICES,
                "CREATE TRIGGER trg_prices AFTER INSERT ON daily_prices BEGIN SELECT 1; END;");
        Schema before = new TriggerCreated(t).applyTo(stock());
        SchemaEvent drop = new TableDropped(PRICES);

        Schema after = drop.applyTo(before);

        assertFalse(after.trigger(t.name()).isPresent());
        assertEquals(before, Projection.apply(after, drop.inverse(before)));
    }

    @Test
    void altering_a_column_to_the_same_definition_is_rejected() {
        Column same = new Column(Identifier.of("close"), "real", false, "(0)", null);

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> new ColumnAltered(PRICES, same).applyTo(stock()));

        assertEquals("cannot alter column daily_prices.close: the new definition equals the current one", e.getMessage());
    }

    @Test
    void dropping_the_unique_a_foreign_key_targets_is_rejected() {
        Table watch = new Table(Identifier.of("watch"), List.of(Column.of("symbol", "TEXT")), PrimaryKey.NONE, List.of(),
                List.of(ForeignKey.of("symbol", "companies", "symbol")), List.of());
        Schema before = new TableCreated(watch).applyTo(stock());

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> new UniqueDropped(COMPANIES, Unique.of("symbol")).applyTo(before));

        assertTrue(e.getMessage().contains("which would no longer be a key"), e.getMessage());
    }

    @Test
    void inverse_of_a_revision_is_computed_event_by_event_in_reverse() {
        Schema before = stock();
        List<SchemaEvent> events = List.of(
                new ColumnAdded(COMPANIES, Column.of("industry_code", "TEXT")),
                new ColumnAltered(COMPANIES, Column.of("industry_code", "VARCHAR(8)")),
                new IndexCreated(Index.of(Identifier.of("ix_industry"), COMPANIES, List.of(Identifier.of("industry_code")), false, null)));

        Schema after = Projection.apply(before, events);

        assertEquals(before, Projection.apply(after, Projection.inverse(before, events)));
    }

    @Test
    void a_failing_event_is_named_by_its_position() {
        List<SchemaEvent> events = List.of(new ColumnAdded(COMPANIES, Column.of("x", "TEXT")), new ColumnAdded(COMPANIES, Column.of("x", "TEXT")));

        InvalidEventException e = assertThrows(InvalidEventException.class, () -> Projection.apply(stock(), events));

        assertEquals("event 2 of 2: cannot add column companies.x: the column already exists", e.getMessage());
    }
}
