package dev.strata.events.schema;

import java.util.List;
import java.util.Objects;

/**
 * A named index on one table: terms (columns or expressions, see {@link IndexTerm}), optionally
 * unique and optionally partial. Two indexes are equal when name, table, uniqueness, terms and
 * condition are, after normalising the SQL text.
 *
 * @param where the partial-index condition as SQL text, or null
 */
public record Index(Identifier name, Identifier table, List<IndexTerm> terms, boolean unique, String where) {

    public Index {
        Objects.requireNonNull(name, "index name must not be null");
        Objects.requireNonNull(table, "index " + name + " needs a table");
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one column");
        }
        if (where != null && where.isBlank()) {
            where = null;
        }
        where = where == null ? null : where.strip();
    }

    /** An index on plain columns, ascending, each with its own collation. */
    public static Index of(Identifier name, Identifier table, List<Identifier> columns, boolean unique, String where) {
        return new Index(name, table, columns.stream().map(IndexTerm::of).toList(), unique, where);
    }

    /** The columns that are terms of their own (not those inside an expression), in order. */
    public List<Identifier> columns() {
        return terms.stream().filter(t -> t.column() != null).map(IndexTerm::column).toList();
    }

    /** Whether every term is a plain column: the index could serve as a key of those columns. */
    public boolean isOnColumns() {
        return terms.stream().allMatch(t -> t.column() != null);
    }

    /** Whether a term or the condition names the column. */
    public boolean mentions(Identifier column) {
        return terms.stream().anyMatch(t -> t.mentions(column)) || SqlText.mentions(where, column);
    }

    public Index withTable(Identifier newTable) {
        return new Index(name, newTable, terms, unique, where);
    }

    /** Renames a column in the terms and the condition. */
    public Index withColumnRenamed(Identifier from, Identifier to) {
        return new Index(name, table, terms.stream().map(t -> t.renamed(from, to)).toList(), unique,
                where == null ? null : SqlText.renameIdentifier(where, from, to));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Index i && name.equals(i.name) && table.equals(i.table) && terms.equals(i.terms)
                && unique == i.unique
                && (Objects.equals(where, i.where) || Objects.equals(SqlText.normalize(where), SqlText.normalize(i.where)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, table, terms, unique, SqlText.normalize(where));
    }
}
