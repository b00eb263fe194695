package dev.strata.events;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.List;
import java.util.Objects;

/** A CHECK constraint was dropped from a table (SQLite needs a table rebuild). */
public record CheckDropped(Identifier table, Check check) implements SchemaEvent {

    public CheckDropped {
        Objects.requireNonNull(table, "CheckDropped needs a table");
        Objects.requireNonNull(check, "CheckDropped needs the check to drop");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        if (!t.checks().contains(check)) {
            throw Rules.invalid(action, "the table has no such check");
        }
        return schema.withTable(t.withChecks(t.checks().stream().filter(c -> !c.equals(check)).toList()));
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        Table t = Rules.table(before, table, describe());
        Check original = t.checks().stream().filter(check::equals).findFirst().orElse(check);
        return List.of(new CheckAdded(table, original));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop check " + table + " " + check;
    }
}
