package dev.strata.events.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * One term of an index: a column or an expression, with an optional collation and a direction.
 * Expressions compare after normalisation ({@code lower("email")} equals {@code LOWER(email)}); a
 * collation given explicitly differs from none, even when it is the column's own.
 *
 * @param column the indexed column, or null for an expression
 * @param expression the indexed expression as SQL text, or null for a column
 * @param collation an explicit {@code COLLATE} name, or null
 */
public record IndexTerm(Identifier column, String expression, String collation, boolean descending) {

    public IndexTerm {
        if ((column == null) == (expression == null)) {
            throw new IllegalArgumentException("an index term is either a column or an expression");
        }
        if (expression != null) {
            expression = expression.strip();
            String breakOut = expression.isEmpty() ? "it is empty" : SqlText.breakOut(expression, false);
            if (breakOut != null) {
                throw new IllegalArgumentException("invalid index expression '" + expression + "': " + breakOut);
            }
        }
        if (collation != null && !Identifier.isPlain(collation)) {
            throw new IllegalArgumentException("invalid collation '" + collation + "' of an index term");
        }
    }

    /** The column, ascending, with its own collation: what an index on plain column names holds. */
    public static IndexTerm of(Identifier column) {
        return new IndexTerm(column, null, null, false);
    }

    public static IndexTerm expression(String expression) {
        return new IndexTerm(null, expression, null, false);
    }

    /** Whether this term is a column with no explicit collation, ascending. */
    public boolean isPlainColumn() {
        return column != null && collation == null && !descending;
    }

    /** Whether the term names {@code name}: as its column or inside its expression. */
    public boolean mentions(Identifier name) {
        return column != null ? column.equals(name) : SqlText.mentions(expression, name);
    }

    public IndexTerm renamed(Identifier from, Identifier to) {
        if (column != null) {
            return column.equals(from) ? new IndexTerm(to, null, collation, descending) : this;
        }
        return new IndexTerm(null, SqlText.renameIdentifier(expression, from, to), collation, descending);
    }

    /** The term as SQL, as in {@code CREATE INDEX ... (term, ...)}. */
    public String sql() {
        return (column != null ? column.quoted() : expression) + (collation == null ? "" : " COLLATE " + collation)
                + (descending ? " DESC" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexTerm t && Objects.equals(column, t.column) && descending == t.descending
                && Objects.equals(collationKey(), t.collationKey())
                && (Objects.equals(expression, t.expression) || Objects.equals(SqlText.normalize(expression), SqlText.normalize(t.expression)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, SqlText.normalize(expression), collationKey(), descending);
    }

    private String collationKey() {
        return collation == null ? null : collation.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return (column != null ? column.name() : expression) + (collation == null ? "" : " COLLATE " + collation)
                + (descending ? " DESC" : "");
    }
}
