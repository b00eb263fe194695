package dev.strata.events;

import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.View;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Inverses whose undoing meets a view or trigger that only names alike what the event touched.
 * Each was found by the property tests in {@code dev.strata.events.properties} (shrunk examples).
 */
class InverseTest {

    private static final Identifier T0 = Identifier.of("t0");
    private static final Identifier T1 = Identifier.of("t1");

    /** t0(c0), t1(c1) and a view joining them that selects t1's c1 through an alias. */
    private static Schema joined(String select, Trigger... triggers) {
        List<SchemaEvent> events = new java.util.ArrayList<>(List.of(new TableCreated(Table.of("t0", Column.of("c0", "INTEGER"))),
                new TableCreated(Table.of("t1", Column.of("c1", "INTEGER"))),
                new ViewCreated(new View(Identifier.of("v0"), select))));
        for (Trigger t : triggers) {
            events.add(new TriggerCreated(t));
        }
        return Projection.apply(Schema.EMPTY, events);
    }

    private static Schema undo(Schema before, SchemaEvent event) {
        return Projection.apply(event.applyTo(before), Projection.inverse(before, List.of(event)));
    }

    @Test
    void undoing_a_column_added_to_a_table_a_join_view_reads_a_namesake_column_of_restores_the_schema() {
        Schema before = joined("SELECT x.c1 AS a1, y.c0 AS a2 FROM t1 AS x JOIN t0 AS y ON x.rowid = y.rowid");

        assertEquals(before, undo(before, new ColumnAdded(T0, Column.of("c1", "TEXT"))));
    }

    @Test
    void undoing_a_column_added_leaves_alone_a_trigger_on_the_table_and_views_that_read_a_namesake_column_elsewhere() {
        Trigger trigger = new Trigger(Identifier.of("g0"), T0,
                "CREATE TRIGGER g0 AFTER INSERT ON t0 BEGIN SELECT c1 FROM t1; END");
        Schema before = Projection.apply(joined("SELECT x.c1 AS a1 FROM t1 AS x JOIN t0 AS y ON x.rowid = y.rowid", trigger),
                List.of(new ViewCreated(new View(Identifier.of("v1"), "SELECT * FROM v0"))));
        SchemaEvent added = new ColumnAdded(T0, Column.of("c1", "TEXT"));

        List<SchemaEvent> inverse = added.inverse(before);

        assertEquals(before, Projection.apply(added.applyTo(before), inverse));
        assertEquals(List.of(new ColumnDropped(T0, Identifier.of("c1"))), inverse);
    }

    @Test
    void undoing_a_column_added_sets_aside_a_view_that_only_compiles_with_the_new_column() {
        Schema before = joined("SELECT c1 FROM t0");
        SchemaEvent added = new ColumnAdded(T0, Column.of("c1", "TEXT"));

        List<SchemaEvent> inverse = added.inverse(before);

        assertEquals(List.of(new ViewDropped(Identifier.of("v0")), new ColumnDropped(T0, Identifier.of("c1")),
                new ViewCreated(before.view(Identifier.of("v0")).orElseThrow())), inverse);
        assertEquals(before, Projection.apply(added.applyTo(before), inverse));
    }

    @Test
    void undoing_a_column_renamed_to_a_name_a_join_view_reads_elsewhere_restores_the_schema() {
        Schema before = joined("SELECT x.c1 AS a1 FROM t1 AS x JOIN t0 AS y ON x.rowid = y.rowid");

        assertEquals(before, undo(before, new ColumnRenamed(T0, Identifier.of("c0"), Identifier.of("c1"))));
    }

    @Test
    void undoing_a_table_renamed_to_a_name_a_view_uses_as_an_alias_restores_the_schema() {
        Schema before = joined("SELECT c0 AS t5 FROM t0");

        assertEquals(before, undo(before, new TableRenamed(T1, Identifier.of("t5"))));
    }
}
