package dev.strata.events;

import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.List;
import java.util.Objects;

/** A table was created with its columns, keys and constraints. */
public record TableCreated(Table table) implements SchemaEvent {

    public TableCreated {
        Objects.requireNonNull(table, "TableCreated needs a table");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Rules.nameIsFree(schema, table.name(), action);
        Schema next = Rules.build(action, () -> schema.withTable(table));
        for (ForeignKey fk : table.foreignKeys()) {
            Rules.foreignKeyTargetsAKey(next, table, fk, action);
        }
        return next;
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new TableDropped(table.name()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "create table " + table.name();
    }
}
