package dev.strata.events;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A table was dropped, and with it its indexes and triggers (as SQLite does). */
public record TableDropped(Identifier table) implements SchemaEvent {

    public TableDropped {
        Objects.requireNonNull(table, "TableDropped needs a table");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Rules.table(schema, table, action);
        List<Identifier> children = schema.referencing(table).stream().map(Table::name).filter(n -> !n.equals(table)).toList();
        if (!children.isEmpty()) {
            throw Rules.invalid(action, "tables " + children + " have foreign keys referencing it; drop those first");
        }
        Rules.noDependents(schema, table, table, action);
        return schema.withoutTable(table);
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        List<SchemaEvent> out = new ArrayList<>();
        out.add(new TableCreated(Rules.table(before, table, describe())));
        before.indexesOn(table).forEach(i -> out.add(new IndexCreated(i)));
        before.triggersOn(table).forEach(t -> out.add(new TriggerCreated(t)));
        return out;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop table " + table;
    }
}
