package dev.strata.events;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A UNIQUE table constraint was added (SQLite needs a table rebuild). */
public record UniqueAdded(Identifier table, Unique unique) implements SchemaEvent {

    public UniqueAdded {
        Objects.requireNonNull(table, "UniqueAdded needs a table");
        Objects.requireNonNull(unique, "UniqueAdded needs the constraint");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        if (t.uniques().contains(unique)) {
            throw Rules.invalid(action, "the table already has this UNIQUE constraint");
        }
        List<Unique> uniques = new ArrayList<>(t.uniques());
        uniques.add(unique);
        return Rules.build(action, () -> schema.withTable(t.withUniques(uniques)));
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new UniqueDropped(table, unique));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "add unique " + table + unique.columns();
    }
}
