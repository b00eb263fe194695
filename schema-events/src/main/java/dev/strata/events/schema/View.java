package dev.strata.events.schema;

import java.util.Objects;

/** A view: its name and its SELECT statement (compared semantically). */
public record View(Identifier name, String select) {

    public View {
        Objects.requireNonNull(name, "view name must not be null");
        if (select == null || select.isBlank()) {
            throw new IllegalArgumentException("view " + name + " needs a SELECT statement");
        }
        select = SqlText.withoutFinalSemicolon(select);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof View v && name.equals(v.name)
                && (select.equals(v.select) || SqlText.normalize(select).equals(SqlText.normalize(v.select)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, SqlText.normalize(select));
    }
}
