package dev.strata.events;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table was renamed. As SQLite's {@code ALTER TABLE ... RENAME TO}, the foreign keys of other
 * tables and the indexes follow the new name.
 */
public record TableRenamed(Identifier from, Identifier to) implements SchemaEvent {

    public TableRenamed {
        Objects.requireNonNull(from, "TableRenamed needs 'from'");
        Objects.requireNonNull(to, "TableRenamed needs 'to'");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table table = Rules.table(schema, from, action);
        if (from.name().equals(to.name())) {
            throw Rules.invalid(action, "the new name equals the current one");
        }
        if (!from.equals(to)) {
            Rules.nameIsFree(schema, to, action);
        }
        if (!schema.triggersOn(from).isEmpty()) {
            throw Rules.invalid(action, "it has triggers " + schema.triggersOn(from).stream().map(t -> t.name().name()).toList()
                    + "; drop them first and recreate them on " + to + " afterwards");
        }
        Rules.noDependents(schema, from, action);
        Map<Identifier, Table> tables = new LinkedHashMap<>();
        for (Table t : schema.tables().values()) {
            Table renamed = t.name().equals(from) ? table.withName(to) : t;
            renamed = renamed.withForeignKeys(renamed.foreignKeys().stream()
                    .map(fk -> fk.referencedTable().equals(from) ? fk.withReferencedTable(to) : fk).toList());
            tables.put(renamed.name(), renamed);
        }
        Map<Identifier, Index> indexes = new LinkedHashMap<>();
        schema.indexes().forEach((k, i) -> indexes.put(k, i.table().equals(from) ? i.withTable(to) : i));
        return Rules.build(action, () -> new Schema(tables, indexes, schema.views(), schema.triggers(), schema.virtualTables()));
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        // a view or trigger that only works with the new name would block the rename back
        return Rules.aroundDependents(applyTo(before).dependents(to), List.of(new TableRenamed(to, from)));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "rename table " + from + " to " + to;
    }

}
