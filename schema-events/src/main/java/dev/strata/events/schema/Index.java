package dev.strata.events.schema;

import java.util.List;
import java.util.Objects;

/**
 * A named index on columns of one table, optionally unique and optionally partial.
 *
 * @param where the partial-index condition as SQL text, or null
 */
public record Index(Identifier name, Identifier table, List<Identifier> columns, boolean unique, String where) {

    public Index {
        Objects.requireNonNull(name, "index name must not be null");
        Objects.requireNonNull(table, "index " + name + " needs a table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one column");
        }
        if (where != null && where.isBlank()) {
            where = null;
        }
        where = where == null ? null : where.strip();
    }

    public Index withTable(Identifier newTable) {
        return new Index(name, newTable, columns, unique, where);
    }

    public Index withColumns(List<Identifier> newColumns) {
        return new Index(name, table, newColumns, unique, where);
    }

    public Index withWhere(String newWhere) {
        return new Index(name, table, columns, unique, newWhere);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Index i && name.equals(i.name) && table.equals(i.table) && columns.equals(i.columns)
                && unique == i.unique
                && (Objects.equals(where, i.where) || Objects.equals(SqlText.normalize(where), SqlText.normalize(i.where)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, table, columns, unique, SqlText.normalize(where));
    }
}
