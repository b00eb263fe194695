package dev.strata.events.schema;

import java.util.Objects;

/** A column of a table, as a question about dependents names it. */
public record ColumnRef(Identifier table, Identifier column) {

    public ColumnRef {
        Objects.requireNonNull(table, "a column reference needs a table");
        Objects.requireNonNull(column, "a column reference needs a column");
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
