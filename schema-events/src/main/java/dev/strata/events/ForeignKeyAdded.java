package dev.strata.events;

import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A foreign key was added to a table (SQLite needs a table rebuild for this). */
public record ForeignKeyAdded(Identifier table, ForeignKey foreignKey) implements SchemaEvent {

    public ForeignKeyAdded {
        Objects.requireNonNull(table, "ForeignKeyAdded needs a table");
        Objects.requireNonNull(foreignKey, "ForeignKeyAdded needs a foreign key");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        if (t.foreignKey(foreignKey.columns()).isPresent()) {
            throw Rules.invalid(action, "the table already has a foreign key on " + foreignKey.columns());
        }
        List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
        fks.add(foreignKey);
        Table next = Rules.build(action, () -> schema.withTable(t.withForeignKeys(fks))).table(table).orElseThrow();
        Rules.foreignKeyTargetsAKey(schema, next, foreignKey, action);
        return schema.withTable(next);
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        return List.of(new ForeignKeyDropped(table, foreignKey.columns()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "add foreign key " + table + foreignKey.columns() + " -> " + foreignKey.referencedTable() + foreignKey.referencedColumns();
    }
}
