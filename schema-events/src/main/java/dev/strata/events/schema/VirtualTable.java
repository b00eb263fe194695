package dev.strata.events.schema;

import java.util.Objects;

/**
 * A virtual table (FTS5, R*Tree, ...): its name and its whole {@code CREATE VIRTUAL TABLE}
 * statement, compared after normalisation. The model does not interpret the module's arguments;
 * the shadow tables the module keeps are not part of the schema.
 */
public record VirtualTable(Identifier name, String sql) {

    public VirtualTable {
        Objects.requireNonNull(name, "virtual table name must not be null");
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("virtual table " + name + " needs its CREATE VIRTUAL TABLE statement");
        }
        sql = SqlText.withoutFinalSemicolon(sql);
        if (!SqlText.normalize(sql).startsWith("CREATE VIRTUAL TABLE")) {
            throw new IllegalArgumentException("virtual table " + name + ": sql must be a CREATE VIRTUAL TABLE statement");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualTable v && name.equals(v.name)
                && (sql.equals(v.sql) || SqlText.normalize(sql).equals(SqlText.normalize(v.sql)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, SqlText.normalize(sql));
    }
}
