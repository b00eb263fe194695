package dev.strata.events;

import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.List;
import java.util.Objects;

/**
 * A column's definition changed (type, nullability, default or collation); {@code column} is the
 * whole new definition, with the same name. SQLite needs a table rebuild for this.
 */
public record ColumnAltered(Identifier table, Column column) implements SchemaEvent {

    public ColumnAltered {
        Objects.requireNonNull(table, "ColumnAltered needs a table");
        Objects.requireNonNull(column, "ColumnAltered needs the new column definition");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        Column old = t.column(column.name()).orElseThrow(() -> Rules.invalid(action, "the column does not exist"));
        if (old.equals(column)) {
            throw Rules.invalid(action, "the new definition equals the current one");
        }
        return Rules.build(action, () -> schema.withTable(t.withColumnReplaced(column.name(), column)));
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        Table t = Rules.table(before, table, describe());
        return List.of(new ColumnAltered(table, t.column(column.name()).orElseThrow()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "alter column " + table + "." + column.name();
    }
}
