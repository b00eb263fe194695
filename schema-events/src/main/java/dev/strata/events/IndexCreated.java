package dev.strata.events;

import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;

import java.util.List;
import java.util.Objects;

/** An index was created. */
public record IndexCreated(Index index) implements SchemaEvent {

    public IndexCreated {
        Objects.requireNonNull(index, "IndexCreated needs an index");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Rules.nameIsFree(schema, index.name(), action);
        Rules.table(schema, index.table(), action);
        return Rules.build(action, () -> schema.withIndex(index));
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new IndexDropped(index.name()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + index.table() + index.terms();
    }
}
