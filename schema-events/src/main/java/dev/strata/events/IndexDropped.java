package dev.strata.events;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;

import java.util.List;
import java.util.Objects;

/** An index was dropped. */
public record IndexDropped(Identifier index) implements SchemaEvent {

    public IndexDropped {
        Objects.requireNonNull(index, "IndexDropped needs an index name");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        schema.index(index).orElseThrow(() -> Rules.invalid(action, "index " + index + " does not exist"));
        Schema next = schema.withoutIndex(index);
        Rules.allForeignKeysTargetKeys(next, action);
        return next;
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new IndexCreated(before.index(index).orElseThrow(() -> Rules.invalid(describe(), "index " + index + " does not exist"))));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop index " + index;
    }
}
