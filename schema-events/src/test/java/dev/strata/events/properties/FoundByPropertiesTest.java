package dev.strata.events.properties;

import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.InvalidEventException;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.ViewCreated;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;
import dev.strata.events.sql.SqliteDialect;
import dev.strata.events.sqlite.ScratchDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shrunk counterexamples the properties of this package found that need SQLite to show, each
 * as a plain test, so they stay fixed whatever the generators try next.
 */
class FoundByPropertiesTest {

    private static final Identifier T0 = Identifier.of("t0");

    /** Upgrade {@code before} by {@code events} on SQLite with foreign keys on; the schema read back. */
    private static Schema upgraded(Schema before, List<SchemaEvent> events, boolean seed) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(before));
            if (seed) {
                db.seed(before, 3, 0);
            }
            db.apply(SqliteDialect.render(before, events));
            return db.introspect();
        }
    }

    /**
     * With foreign keys on, DROP TABLE first deletes every row; ON DELETE RESTRICT between rows of the
     * same table then refused it ("FOREIGN KEY constraint failed"); such a drop now runs with foreign keys off.
     */
    @Test
    void dropping_a_table_whose_rows_reference_each_other_with_on_delete_restrict_runs_on_sqlite() throws Exception {
        Table t0 = new Table(T0, List.of(Column.of("c0", "INTEGER"), new Column(Identifier.of("c1"), "INTEGER", true, "0", null)),
                PrimaryKey.NONE, List.of(Unique.of("c1")), List.of(ForeignKey.of("c0", "t0", "c1")
                .withActions(ForeignKeyAction.RESTRICT, ForeignKeyAction.NO_ACTION)), List.of());
        Schema before = Projection.apply(Schema.EMPTY, List.of(new TableCreated(t0)));

        Schema after = upgraded(before, List.of(new TableDropped(T0)), true);

        assertEquals(Schema.EMPTY, after);
    }

    /**
     * SQLite refuses {@code ALTER TABLE t2 RENAME TO T2} ("there is already another table or index
     * with this name"); the fold allows a rename that changes only the case, so it goes through a free name.
     */
    @Test
    void renaming_a_table_to_its_name_in_another_case_runs_on_sqlite() throws Exception {
        Schema before = Projection.apply(Schema.EMPTY, List.of(new TableCreated(Table.of("t2", Column.of("c0", "INTEGER")))));
        List<SchemaEvent> rename = List.of(new TableRenamed(Identifier.of("t2"), Identifier.of("T2")));

        Schema after = upgraded(before, rename, false);

        assertEquals("T2", after.tables().keySet().iterator().next().name());
    }

    /**
     * The upgrade folds "add c1 NOT NULL" and "make c1 nullable" into one rebuild, so rows get NULL in
     * c1; the downgrade renders its first step (c1 NOT NULL again) as a rebuild of its own before
     * dropping c1, and the NULLs refused it. The drop now joins the pending rebuild.
     */
    @Test
    void undoing_a_column_added_not_null_then_made_nullable_runs_on_a_table_with_rows() throws Exception {
        Schema before = Projection.apply(Schema.EMPTY, List.of(new TableCreated(Table.of("t0",
                new Column(Identifier.of("c0"), "INTEGER", true, "0", null)))));
        Column notNull = new Column(Identifier.of("c1"), "INTEGER", true, null, null);
        List<SchemaEvent> events = List.of(new ColumnAdded(T0, notNull), new ColumnAltered(T0, notNull.withNotNull(false)));
        Schema after = Projection.apply(before, events);

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(before));
            db.seed(before, 3, 0);
            db.apply(SqliteDialect.render(before, events));
            db.apply(SqliteDialect.render(after, Projection.inverse(before, events)));

            assertEquals(before, db.introspect());
        }
    }

    /** The fold accepted a rename to the very same name, which SQLite refuses; it now says so. */
    @Test
    void renaming_a_table_to_the_same_name_is_refused() {
        Schema before = Projection.apply(Schema.EMPTY, List.of(new TableCreated(Table.of("t2", Column.of("c0", "INTEGER")))));

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> new TableRenamed(Identifier.of("t2"), Identifier.of("t2")).applyTo(before));

        assertEquals("cannot rename table t2 to t2: the new name equals the current one", e.getMessage());
    }

    /**
     * Renaming an INTEGER PRIMARY KEY makes SQLite rewrite {@code rowid} in views, triggers and index
     * conditions ({@code x.rowid} became {@code x."c0"}), so the fold now treats the rowid as a mention
     * of the column: the view must be set aside, as for any view naming the column.
     */
    @Test
    void renaming_the_rowid_alias_is_refused_while_a_view_uses_the_rowid() throws Exception {
        Table t1 = new Table(Identifier.of("t1"), List.of(Column.of("id", "INTEGER"), Column.of("c1", "INTEGER")), PrimaryKey.of("id"),
                List.of(), List.of(), List.of());
        View v0 = new View(Identifier.of("v0"), "SELECT x.c1 AS a1 FROM t1 AS x JOIN t0 AS y ON x.rowid = y.rowid");
        Schema before = Projection.apply(Schema.EMPTY, List.of(new TableCreated(t1),
                new TableCreated(Table.of("t0", Column.of("c0", "INTEGER"))), new ViewCreated(v0)));
        Schema withoutView = before.withoutView(v0.name());
        SchemaEvent rename = new ColumnRenamed(t1.name(), Identifier.of("id"), Identifier.of("c0"));

        InvalidEventException e = assertThrows(InvalidEventException.class, () -> rename.applyTo(before));

        assertTrue(e.getMessage().contains("view v0 refers to it"), e.getMessage());
        assertEquals(rename.applyTo(withoutView), upgraded(withoutView, List.of(rename), true));
    }
    /**
     * A rebuild that carries no column over (one added, the only other dropped) copied no rows at all:
     * the table came out empty. Every row now carries over, with the new columns' defaults.
     */
    @Test
    void a_rebuild_that_keeps_no_column_keeps_every_row() throws Exception {
        Schema before = Projection.apply(Schema.EMPTY, List.of(new TableCreated(Table.of("t0",
                new Column(Identifier.of("c0"), "INTEGER", true, "0", null)))));
        // a default SQLite's ADD COLUMN refuses, so the add is a rebuild, which the drop then joins
        Column stamped = new Column(Identifier.of("c1"), "TEXT", false, "CURRENT_TIMESTAMP", null);
        List<SchemaEvent> events = List.of(new ColumnAdded(T0, stamped), new dev.strata.events.ColumnDropped(T0, Identifier.of("c0")));

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(before));
            db.seed(before, 3, 0);
            db.apply(SqliteDialect.render(before, events));

            assertTrue(SqliteDialect.render(before, events).text().contains("(rowid) SELECT rowid"));
            assertEquals(3, db.snapshot(Projection.apply(before, events), List.of(T0)).tables().get(T0).rows().size());
        }
    }

    /** Without a default the same upgrade must refuse the rows, not drop them. */
    @Test
    void a_rebuild_that_keeps_no_column_and_adds_a_not_null_column_without_default_fails_on_rows() throws Exception {
        Schema before = Projection.apply(Schema.EMPTY, List.of(new TableCreated(Table.of("t0",
                new Column(Identifier.of("c0"), "INTEGER", true, "0", null)))));
        List<SchemaEvent> events = List.of(new ColumnAdded(T0, new Column(Identifier.of("c1"), "INTEGER", true, null, null)),
                new dev.strata.events.ColumnDropped(T0, Identifier.of("c0")));

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(before));
            db.seed(before, 3, 0);

            dev.strata.events.sqlite.ScriptException e = assertThrows(dev.strata.events.sqlite.ScriptException.class,
                    () -> db.apply(SqliteDialect.render(before, events)));

            assertTrue(e.sqliteMessage().contains("NOT NULL constraint failed"), e.sqliteMessage());
            assertEquals(3, db.snapshot(before, List.of(T0)).tables().get(T0).rows().size());
        }
    }

    /**
     * A column added with a default ALTER TABLE cannot take (an expression), then altered in the same revision to have
     * none: the two rebuilds were merged into one that created the column with its final definition and copied no
     * value into it, so every row failed NOT NULL (seed -990977336464302965). The rows now get the default first.
     */
    @Test
    void a_column_added_with_an_expression_default_and_altered_in_the_same_revision_keeps_the_rows() throws Exception {
        Schema before = Projection.apply(Schema.EMPTY, List.of(new TableCreated(Table.of("t0",
                new Column(Identifier.of("c0"), "INTEGER", true, "0", null)))));
        List<SchemaEvent> events = List.of(
                new ColumnAdded(Identifier.of("T0"), new Column(Identifier.of("c1"), "TEXT", true, "CURRENT_TIMESTAMP", null)),
                new ColumnAltered(T0, new Column(Identifier.of("c1"), "TEXT", true, null, null)));

        Schema after = upgraded(before, events, true);

        assertEquals(Projection.apply(before, events), after);
    }
}
