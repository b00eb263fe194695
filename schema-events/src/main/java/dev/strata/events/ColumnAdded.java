package dev.strata.events;

import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
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
        // a view or trigger naming the table and a column of this name elsewhere would block the drop
        return Rules.aroundDependents(before,
                v -> SqlText.mentions(v.select(), column.name()) && SqlText.mentions(v.select(), table),
                t -> SqlText.mentions(t.sql(), column.name()) && (t.table().equals(table) || SqlText.mentions(t.sql(), table)),
                List.of(new ColumnDropped(table, column.name())));
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
