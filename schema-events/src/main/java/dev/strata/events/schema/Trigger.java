package dev.strata.events.schema;

import java.util.Objects;

/**
 * A trigger on a table. {@code sql} is the whole {@code CREATE TRIGGER} statement, compared
 * semantically; the model does not interpret its body.
 */
public record Trigger(Identifier name, Identifier table, String sql) {

    public Trigger {
        Objects.requireNonNull(name, "trigger name must not be null");
        Objects.requireNonNull(table, "trigger " + name + " needs a table");
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("trigger " + name + " needs its CREATE TRIGGER statement");
        }
        sql = SqlText.withoutFinalSemicolon(sql);
        if (!SqlText.normalize(sql).startsWith("CREATE ")) {
            throw new IllegalArgumentException("trigger " + name + ": sql must be a CREATE TRIGGER statement");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trigger t && name.equals(t.name) && table.equals(t.table)
                && (sql.equals(t.sql) || SqlText.normalize(sql).equals(SqlText.normalize(t.sql)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, table, SqlText.normalize(sql));
    }
}
