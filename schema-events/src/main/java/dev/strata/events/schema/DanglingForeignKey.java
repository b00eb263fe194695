package dev.strata.events.schema;

import java.util.Objects;

/**
 * A foreign key of {@code table} whose referenced table, or one of whose referenced columns, the
 * schema lacks. SQLite accepts it (and enforces nothing until foreign keys are on and a row is written).
 */
public record DanglingForeignKey(Identifier table, ForeignKey foreignKey) {

    public DanglingForeignKey {
        Objects.requireNonNull(table, "a dangling foreign key needs its table");
        Objects.requireNonNull(foreignKey, "a dangling foreign key needs the foreign key");
    }

    @Override
    public String toString() {
        return table + foreignKey.columns().toString() + " -> " + foreignKey.referencedTable() + foreignKey.referencedColumns();
    }
}
