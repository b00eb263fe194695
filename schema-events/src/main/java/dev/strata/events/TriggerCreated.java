package dev.strata.events;

import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Trigger;

import java.util.List;
import java.util.Objects;

/** A trigger was created. */
public record TriggerCreated(Trigger trigger) implements SchemaEvent {

    public TriggerCreated {
        Objects.requireNonNull(trigger, "TriggerCreated needs a trigger");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Rules.nameIsFree(schema, trigger.name(), action);
        return Rules.build(action, () -> schema.withTrigger(trigger));
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new TriggerDropped(trigger.name()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "create trigger " + trigger.name() + " on " + trigger.table();
    }
}
