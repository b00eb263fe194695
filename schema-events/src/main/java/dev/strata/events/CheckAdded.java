package dev.strata.events;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A CHECK constraint was added to a table (SQLite needs a table rebuild). */
public record CheckAdded(Identifier table, Check check) implements SchemaEvent {

    public CheckAdded {
        Objects.requireNonNull(table, "CheckAdded needs a table");
        Objects.requireNonNull(check, "CheckAdded needs a check");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        if (t.checks().contains(check)) {
            throw Rules.invalid(action, "the table already has this check");
        }
        List<Check> checks = new ArrayList<>(t.checks());
        checks.add(check);
        return Rules.build(action, () -> schema.withTable(t.withChecks(checks)));
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new CheckDropped(table, check));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "add check " + table + " " + check;
    }
}
