package dev.strata.events;

import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A table was dropped, and with it its indexes and triggers (as SQLite does). */
public record TableDropped(Identifier table) implements SchemaEvent {

    public TableDropped {
        Objects.requireNonNull(table, "TableDropped needs a table");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Rules.table(schema, table, action);
        // SQLite drops a table others reference and leaves their foreign keys dangling; a lint warns about it
        Rules.noDependents(schema, table, action);
        return schema.withoutTable(table);
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        Table t = Rules.table(before, table, describe());
        // a foreign key of the table to itself may target a unique index of it, which can only come after the table
        List<ForeignKey> later = t.foreignKeys().stream()
                .filter(f -> f.referencedTable().equals(table) && !t.isKeyedBy(f.referencedColumns())).toList();
        List<SchemaEvent> out = new ArrayList<>();
        out.add(new TableCreated(t.withForeignKeys(t.foreignKeys().stream().filter(f -> !later.contains(f)).toList())));
        before.indexesOn(table).forEach(i -> out.add(new IndexCreated(i)));
        later.forEach(f -> out.add(new ForeignKeyAdded(table, f)));
        before.triggersOn(table).forEach(tr -> out.add(new TriggerCreated(tr)));
        return out;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop table " + table;
    }
}
