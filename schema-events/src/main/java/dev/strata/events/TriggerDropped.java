package dev.strata.events;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;

import java.util.List;
import java.util.Objects;

/** A trigger was dropped. */
public record TriggerDropped(Identifier trigger) implements SchemaEvent {

    public TriggerDropped {
        Objects.requireNonNull(trigger, "TriggerDropped needs a trigger name");
    }

    @Override
    public Schema applyTo(Schema schema) {
        schema.trigger(trigger).orElseThrow(() -> Rules.invalid(describe(), "trigger " + trigger + " does not exist"));
        return schema.withoutTrigger(trigger);
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new TriggerCreated(before.trigger(trigger)
                .orElseThrow(() -> Rules.invalid(describe(), "trigger " + trigger + " does not exist"))));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop trigger " + trigger;
    }
}
