package dev.strata.events;

import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.List;
import java.util.Objects;

/** A column was added at the end of a table. */
public record ColumnAdded(Identifier table, Column column) implements SchemaEvent {

    public ColumnAdded {
        Objects.requireNonNull(table, "ColumnAdded needs a table");
        Objects.requireNonNull(column, "ColumnAdded needs a column");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        if (t.hasColumn(column.name())) {
            throw Rules.invalid(action, "the column already exists");
        }
        return Rules.build(action, () -> schema.withTable(t.withColumn(column)));
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new ColumnDropped(table, column.name()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "add column " + table + "." + column.name();
    }
}
