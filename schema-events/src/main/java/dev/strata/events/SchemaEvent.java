package dev.strata.events;

import dev.strata.events.schema.Schema;

import java.util.List;

/**
 * One immutable schema change. Structural events fold into a {@link Schema} and know their inverse
 * given the schema they were applied to; {@link SqlExecuted} carries explicit up and down SQL.
 *
 * <pre>Schema next = new ColumnAdded(table, column).applyTo(schema);</pre>
 */
public sealed interface SchemaEvent permits TableCreated, TableDropped, TableRenamed, ColumnAdded, ColumnDropped,
        ColumnRenamed, ColumnAltered, IndexCreated, IndexDropped, ForeignKeyAdded, ForeignKeyDropped, CheckAdded,
        CheckDropped, UniqueAdded, UniqueDropped, PrimaryKeyAltered, ViewCreated, ViewDropped, TriggerCreated,
        TriggerDropped, SqlExecuted {

    /**
     * The schema after this event.
     *
     * @throws InvalidEventException if the event does not fit {@code schema}
     */
    Schema applyTo(Schema schema);

    /**
     * Events that undo this one, given the schema it was applied to. Applying this event and then
     * its inverse gives back {@code before}.
     */
    List<SchemaEvent> inverse(Schema before);

    <R> R accept(Visitor<R> visitor);

    /** A one-line description for people, e.g. {@code add column companies.industry_code}. */
    String describe();

    /** One method per event type, so the compiler checks every handler is complete. */
    interface Visitor<R> {
        R visit(TableCreated e);

        R visit(TableDropped e);

        R visit(TableRenamed e);

        R visit(ColumnAdded e);

        R visit(ColumnDropped e);

        R visit(ColumnRenamed e);

        R visit(ColumnAltered e);

        R visit(IndexCreated e);

        R visit(IndexDropped e);

        R visit(ForeignKeyAdded e);

        R visit(ForeignKeyDropped e);

        R visit(CheckAdded e);

        R visit(CheckDropped e);

        R visit(UniqueAdded e);

        R visit(UniqueDropped e);

        R visit(PrimaryKeyAltered e);

        R visit(ViewCreated e);

        R visit(ViewDropped e);

        R visit(TriggerCreated e);

        R visit(TriggerDropped e);

        R visit(SqlExecuted e);
    }
}
