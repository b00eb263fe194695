package dev.strata.events;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.ColumnRef;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column was renamed. As SQLite's {@code RENAME COLUMN}, keys, constraints, checks, indexes and
 * foreign keys of other tables follow the new name.
 */
public record ColumnRenamed(Identifier table, Identifier from, Identifier to) implements SchemaEvent {

    public ColumnRenamed {
        Objects.requireNonNull(table, "ColumnRenamed needs a table");
        Objects.requireNonNull(from, "ColumnRenamed needs 'from'");
        Objects.requireNonNull(to, "ColumnRenamed needs 'to'");
    }

    @Override
    public Schema applyTo(Schema schema) {
        String action = describe();
        Table t = Rules.table(schema, table, action);
        var column = t.column(from).orElseThrow(() -> Rules.invalid(action, "the column does not exist"));
        if (!from.name().equalsIgnoreCase(to.name()) && t.hasColumn(to)) {
            throw Rules.invalid(action, "column " + table + "." + to + " already exists");
        }
        Rules.noDependents(schema, new ColumnRef(table, from), action);
        // SQLite rewrites rowid, oid and _rowid_ too when the column is the table's rowid alias
        boolean alias = t.rowidAlias().filter(from::equals).isPresent();
        for (var i : schema.indexesOn(table)) {
            if (alias && ROWID.stream().anyMatch(r -> SqlText.mentions(i.where(), r))) {
                throw Rules.invalid(action, "the condition of index " + i.name() + " uses the rowid, which SQLite would rename with it;"
                        + " drop the index first and recreate it afterwards");
            }
        }
        Map<Identifier, Table> tables = new LinkedHashMap<>();
        for (Table other : schema.tables().values()) {
            Table next = other;
            if (other.name().equals(table)) {
                next = new Table(table,
                        other.columns().stream().map(c -> c.name().equals(from) ? column.withName(to) : c).toList(),
                        new PrimaryKey(rename(other.primaryKey().columns()), other.primaryKey().autoincrement()),
                        other.uniques().stream().map(u -> new Unique(rename(u.columns()))).toList(),
                        other.foreignKeys().stream().map(f -> new ForeignKey(rename(f.columns()), f.referencedTable(),
                                f.referencedColumns(), f.onDelete(), f.onUpdate())).toList(),
                        other.checks().stream().map(c -> new Check(c.name(),
                                SqlText.renameIdentifier(c.expression(), from, to))).toList());
            }
            next = next.withForeignKeys(next.foreignKeys().stream()
                    .map(f -> f.referencedTable().equals(table) ? new ForeignKey(f.columns(), f.referencedTable(),
                            rename(f.referencedColumns()), f.onDelete(), f.onUpdate()) : f).toList());
            tables.put(next.name(), next);
        }
        Map<Identifier, Index> indexes = new LinkedHashMap<>();
        schema.indexes().forEach((k, i) -> indexes.put(k, i.table().equals(table)
                ? i.withColumnRenamed(from, to) : i));
        return Rules.build(action, () -> new Schema(tables, indexes, schema.views(), schema.triggers(), schema.virtualTables()));
    }

    private List<Identifier> rename(List<Identifier> columns) {
        return columns.stream().map(c -> c.equals(from) ? to : c).toList();
    }

    @Override
    public List<SchemaEvent> inverse(Schema before) {
        // a view or trigger that only works with the new name would block the rename back
        return Rules.aroundDependents(applyTo(before).dependents(new ColumnRef(table, to)), List.of(new ColumnRenamed(table, to, from)));
    }

    private static final List<Identifier> ROWID = List.of(Identifier.of("rowid"), Identifier.of("oid"), Identifier.of("_rowid_"));

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "rename column " + table + "." + from + " to " + to;
    }
}
