package dev.strata.events.schema;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A schema passes its maps on to the next schema unchecked: what a change could break must still be refused. */
class SchemaInvariantsTest {

    private static Table table(String name) {
        return new Table(Identifier.of(name), List.of(Column.of("id", "INTEGER"), Column.of("symbol", "TEXT")), null, List.of(),
                List.of(), List.of());
    }

    private static Schema withIndexOnAlerts() {
        return Schema.EMPTY.withTable(table("alerts")).withIndex(
                new Index(Identifier.of("alerts_symbol_idx"), Identifier.of("alerts"), List.of(IndexTerm.of(Identifier.of("symbol"))), false, null));
    }

    @Test
    void a_table_named_like_an_existing_index_is_refused() {
        Schema schema = withIndexOnAlerts();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schema.withTable(table("ALERTS_SYMBOL_IDX")));

        assertEquals("two schema objects are named alerts_symbol_idx (tables, indexes, views and triggers share one namespace in SQLite)",
                e.getMessage());
    }

    @Test
    void a_table_that_loses_an_indexed_column_is_refused() {
        Schema schema = withIndexOnAlerts();
        Table without = new Table(Identifier.of("alerts"), List.of(Column.of("id", "INTEGER")), null, List.of(), List.of(), List.of());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schema.withTable(without));

        assertEquals("index alerts_symbol_idx names column alerts.symbol, which does not exist", e.getMessage());
    }

    @Test
    void an_object_filed_under_another_name_is_refused() {
        Map<Identifier, Table> tables = Map.of(Identifier.of("quotes"), table("alerts"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Schema(tables, Map.of(), Map.of(), Map.of()));

        assertEquals("schema object alerts is filed under quotes", e.getMessage());
    }

    @Test
    void a_replaced_table_keeps_its_place_and_the_schema_equals_one_built_from_plain_maps() {
        Table changed = table("alerts").withColumns(List.of(Column.of("id", "INTEGER"), Column.of("symbol", "TEXT"), Column.of("at", "TEXT")));

        Schema schema = Schema.EMPTY.withTable(table("alerts")).withTable(table("quotes")).withTable(changed);

        Map<Identifier, Table> plain = new LinkedHashMap<>();
        plain.put(Identifier.of("alerts"), changed);
        plain.put(Identifier.of("quotes"), table("quotes"));
        assertEquals(List.of(Identifier.of("alerts"), Identifier.of("quotes")), List.copyOf(schema.tables().keySet()));
        assertEquals(new Schema(plain, Map.of(), Map.of(), Map.of()), schema);
        assertEquals(new Schema(plain, Map.of(), Map.of(), Map.of()).hashCode(), schema.hashCode());
    }

    @Test
    void the_maps_of_a_schema_cannot_be_changed() {
        Schema schema = withIndexOnAlerts();

        assertThrows(UnsupportedOperationException.class, () -> schema.tables().put(Identifier.of("x"), table("x")));
        assertThrows(UnsupportedOperationException.class, () -> schema.indexes().clear());
        assertThrows(UnsupportedOperationException.class, () -> schema.tables().entrySet().iterator().next().setValue(table("alerts")));
        assertThrows(UnsupportedOperationException.class, () -> schema.tables().keySet().remove(Identifier.of("alerts")));
    }

    @Test
    void a_dropped_table_takes_its_indexes_along() {
        Schema schema = withIndexOnAlerts().withoutTable(Identifier.of("alerts"));

        assertEquals(Schema.EMPTY, schema);
    }
}
