package dev.strata.events;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;

import java.util.List;
import java.util.Objects;

/** A UNIQUE table constraint was dropped (SQLite needs a table rebuild). */
public record UniqueDropped(Identifier table, Unique unique) implements SchemaEvent {

    public UniqueDropped {
        Objects.requireNonNull(table, "UniqueDropped needs a table");
        Objects.requireNonNull(unique, "UniqueDropped needs the constraint");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        if (!t.uniques().contains(unique)) {
            throw Rules.invalid(action, "the table has no UNIQUE constraint on " + unique.columns());
        }
        Schema next = schema.withTable(t.withUniques(t.uniques().stream().filter(u -> !u.equals(unique)).toList()));
        Rules.allForeignKeysTargetKeys(next, action);
        return next;
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new UniqueAdded(table, unique));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop unique " + table + unique.columns();
    }
}
