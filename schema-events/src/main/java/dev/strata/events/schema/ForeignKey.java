package dev.strata.events.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from {@code columns} of its table to {@code referencedColumns} of
 * {@code referencedTable}; no referenced columns stand for the parent's primary key, as in SQLite's
 * {@code REFERENCES parent} (kept so only where that key cannot be read: the parent does not exist).
 */
public record ForeignKey(List<Identifier> columns, Identifier referencedTable, List<Identifier> referencedColumns,
                         ForeignKeyAction onDelete, ForeignKeyAction onUpdate) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(referencedTable, "foreign key needs a referenced table");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("foreign key to " + referencedTable + " needs at least one column");
        }
        if (!referencedColumns.isEmpty() && columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + columns + " -> " + referencedTable + referencedColumns
                    + ": the two column lists must have the same length");
        }
        onDelete = onDelete == null ? ForeignKeyAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? ForeignKeyAction.NO_ACTION : onUpdate;
    }

    public static ForeignKey of(String column, String referencedTable, String referencedColumn) {
        return new ForeignKey(List.of(Identifier.of(column)), Identifier.of(referencedTable),
                List.of(Identifier.of(referencedColumn)), ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION);
    }

    public ForeignKey withActions(ForeignKeyAction delete, ForeignKeyAction update) {
        return new ForeignKey(columns, referencedTable, referencedColumns, delete, update);
    }

    public ForeignKey withReferencedTable(Identifier table) {
        return new ForeignKey(columns, table, referencedColumns, onDelete, onUpdate);
    }

    @Override
    public String toString() {
        return columns + " -> " + referencedTable + referencedColumns;
    }
}
