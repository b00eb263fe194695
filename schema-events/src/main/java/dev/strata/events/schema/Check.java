package dev.strata.events.schema;

import java.util.Objects;

/**
 * A CHECK constraint. The expression compares semantically ({@link SqlText#normalize}); the name,
 * when given ({@code CONSTRAINT name CHECK (...)}), is part of its identity.
 *
 * @param name the constraint name, or null for an unnamed check
 */
public record Check(Identifier name, String expression) {

    public Check {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a CHECK constraint needs an expression");
        }
        expression = expression.strip();
    }

    public static Check of(String expression) {
        return new Check(null, expression);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Check c && Objects.equals(name, c.name)
                && (expression.equals(c.expression) || SqlText.normalize(expression).equals(SqlText.normalize(c.expression)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, SqlText.normalize(expression));
    }

    @Override
    public String toString() {
        return (name == null ? "" : "CONSTRAINT " + name + " ") + "CHECK (" + expression + ")";
    }
}
