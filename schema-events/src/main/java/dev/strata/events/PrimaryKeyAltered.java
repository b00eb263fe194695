package dev.strata.events;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.List;
import java.util.Objects;

/** A table's primary key changed; {@code primaryKey} is the new key (SQLite needs a table rebuild). */
public record PrimaryKeyAltered(Identifier table, PrimaryKey primaryKey) implements SchemaEvent {

    public PrimaryKeyAltered {
        Objects.requireNonNull(table, "PrimaryKeyAltered needs a table");
        Objects.requireNonNull(primaryKey, "PrimaryKeyAltered needs the new key");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        if (t.primaryKey().equals(primaryKey)) {
            throw Rules.invalid(action, "the new key equals the current one");
        }
        Schema next = Rules.build(action, () -> schema.withTable(t.withPrimaryKey(primaryKey)));
        Rules.allForeignKeysTargetKeys(next, action);
        return next;
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new PrimaryKeyAltered(table, Rules.table(before, table, describe()).primaryKey()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "alter primary key of " + table + " to " + primaryKey.columns();
    }
}
