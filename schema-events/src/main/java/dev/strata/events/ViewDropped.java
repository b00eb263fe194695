package dev.strata.events;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A view was dropped, and with it the triggers on it. */
public record ViewDropped(Identifier view) implements SchemaEvent {

    public ViewDropped {
        Objects.requireNonNull(view, "ViewDropped needs a view name");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        schema.view(view).orElseThrow(() -> Rules.invalid(action, "view " + view + " does not exist"));
        Rules.noDependents(schema, view, action);
        Schema next = schema.withoutView(view);
        for (var t : schema.triggersOn(view)) {
            next = next.withoutTrigger(t.name());
        }
        return next;
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        List<SchemaEvent> out = new ArrayList<>();
        out.add(new ViewCreated(before.view(view).orElseThrow(() -> Rules.invalid(describe(), "view " + view + " does not exist"))));
        before.triggersOn(view).forEach(t -> out.add(new TriggerCreated(t)));
        return out;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop view " + view;
    }
}
