package dev.strata.events;

import dev.strata.events.schema.Schema;
import dev.strata.events.schema.View;

import java.util.List;
import java.util.Objects;

/** A view was created. */
public record ViewCreated(View view) implements SchemaEvent {

    public ViewCreated {
        Objects.requireNonNull(view, "ViewCreated needs a view");
    }

    @Override
    public Schema applyTo(Schema schema) {
        Rules.nameIsFree(schema, view.name(), describe());
        return schema.withView(view);
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new ViewDropped(view.name()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "create view " + view.name();
    }
}
