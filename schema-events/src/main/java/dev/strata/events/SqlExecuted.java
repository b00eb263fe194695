package dev.strata.events;

import dev.strata.events.schema.Schema;

import java.util.List;

/**
 * Hand-written SQL with its explicit downgrade: data migrations and changes the structural events
 * cannot express. The fold treats it as schema-neutral; {@code strata check} proves by execution that
 * {@code down} reverses {@code up}.
 */
public record SqlExecuted(String description, String up, String down) implements SchemaEvent {

    public SqlExecuted {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("SqlExecuted needs a description of what the SQL does");
        }
        if (up == null || up.isBlank()) {
            throw new IllegalArgumentException("SqlExecuted needs 'up' SQL");
        }
        if (down == null || down.isBlank()) {
            throw new IllegalArgumentException("SqlExecuted needs 'down' SQL that reverses 'up'");
        }
        description = description.strip();
        up = up.strip();
        down = down.strip();
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema;
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new SqlExecuted("undo: " + description, down, up));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "run SQL: " + description;
    }
}
