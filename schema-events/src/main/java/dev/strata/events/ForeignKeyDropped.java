package dev.strata.events;

import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.List;
import java.util.Objects;

/** The foreign key on {@code columns} of a table was dropped (SQLite needs a table rebuild). */
public record ForeignKeyDropped(Identifier table, List<Identifier> columns) implements SchemaEvent {

    public ForeignKeyDropped {
        Objects.requireNonNull(table, "ForeignKeyDropped needs a table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("ForeignKeyDropped needs the columns of the foreign key");
        }
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        existing(t, action);
        return schema.withTable(t.withForeignKeys(t.foreignKeys().stream().filter(f -> !f.columns().equals(columns)).toList()));
    }

    private ForeignKey existing(Table t, String action) {
        List<ForeignKey> on = t.foreignKeysOn(columns);
        if (on.size() > 1) {
            // the event names a foreign key by its columns only: with several on them it cannot say which
            throw Rules.invalid(action, "the table has " + on.size() + " foreign keys on " + columns + " (" + on.stream()
                    .map(ForeignKey::toString).collect(java.util.stream.Collectors.joining(", "))
                    + ") and this event cannot tell which one to drop; write the change as SQL (an SqlExecuted event)");
        }
        return on.stream().findFirst().orElseThrow(() -> Rules.invalid(action, "the table has no foreign key on " + columns));
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new ForeignKeyAdded(table, existing(Rules.table(before, table, describe()), describe())));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop foreign key " + table + columns;
    }
}
