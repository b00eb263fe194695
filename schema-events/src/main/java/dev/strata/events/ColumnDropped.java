package dev.strata.events;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ColumnRef;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column was dropped, together with the indexes, UNIQUE constraints, foreign keys and checks of
 * its table that involve it. A column in the primary key, referenced by a foreign key, or mentioned
 * by a view or trigger cannot be dropped.
 */
public record ColumnDropped(Identifier table, Identifier column) implements SchemaEvent {

    public ColumnDropped {
        Objects.requireNonNull(table, "ColumnDropped needs a table");
        Objects.requireNonNull(column, "ColumnDropped needs a column");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        if (!t.hasColumn(column)) {
            throw Rules.invalid(action, "the column does not exist");
        }
        if (t.columns().size() == 1) {
            throw Rules.invalid(action, "it is the only column; drop the table instead");
        }
        for (Column g : t.columns()) {
            if (g.isGenerated() && !g.name().equals(column) && SqlText.mentions(g.generated(), column)) {
                throw Rules.invalid(action, "generated column " + t.name() + "." + g.name() + " is computed from it; drop or change that column first");
            }
        }
        if (t.primaryKey().columns().contains(column)) {
            throw Rules.invalid(action, "it is part of the primary key; change the key first (PrimaryKeyAltered)");
        }
        for (Table other : schema.referencing(table)) {
            for (ForeignKey fk : other.foreignKeys()) {
                if (fk.referencedTable().equals(table) && fk.referencedColumns().contains(column)) {
                    throw Rules.invalid(action, "the foreign key " + other.name() + fk.columns()
                            + " references it; drop that foreign key first");
                }
            }
        }
        Rules.noDependents(schema, new ColumnRef(table, column), action);
        Map<Identifier, Index> indexes = new LinkedHashMap<>(schema.indexes());
        indexes.values().removeIf(this::involves);
        Map<Identifier, Table> tables = new LinkedHashMap<>(schema.tables());
        return Rules.build(action, () -> {
            tables.put(table, new Table(table,
                    t.columns().stream().filter(c -> !c.name().equals(column)).toList(), t.primaryKey(),
                    t.uniques().stream().filter(u -> !u.columns().contains(column)).toList(),
                    t.foreignKeys().stream().filter(f -> !f.columns().contains(column)).toList(),
                    t.checks().stream().filter(c -> !SqlText.mentions(c.expression(), column)).toList()));
            return new Schema(tables, indexes, schema.views(), schema.triggers(), schema.virtualTables());
        });
    }

    private boolean involves(Index i) {
        return i.table().equals(table) && i.mentions(column);
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        Table t = Rules.table(before, table, describe());
        List<SchemaEvent> out = new ArrayList<>();
        // ADD COLUMN puts the column last; anywhere else it must go back in front of its old successor
        int at = t.columnNames().indexOf(column);
        Identifier next = at == t.columns().size() - 1 ? null : t.columns().get(at + 1).name();
        out.add(new ColumnAdded(table, t.column(column).orElseThrow(), next));
        for (Unique u : t.uniques()) {
            if (u.columns().contains(column)) {
                out.add(new UniqueAdded(table, u));
            }
        }
        for (ForeignKey f : t.foreignKeys()) {
            if (f.columns().contains(column)) {
                out.add(new ForeignKeyAdded(table, f));
            }
        }
        for (Check c : t.checks()) {
            if (SqlText.mentions(c.expression(), column)) {
                out.add(new CheckAdded(table, c));
            }
        }
        before.indexesOn(table).stream().filter(this::involves).forEach(i -> out.add(new IndexCreated(i)));
        return out;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "drop column " + table + "." + column;
    }
}
