package dev.strata.events.sql;

import java.util.List;

/**
 * One migration script: statements in order, and whether it may run inside one transaction.
 *
 * <p>A non-transactional script carries its own transaction control (SQLite's rebuild procedure needs
 * {@code PRAGMA foreign_keys = OFF} outside any transaction); runners execute it statement by statement.
 */
public record SqlScript(List<String> statements, boolean transactional) {

    public static final SqlScript EMPTY = new SqlScript(List.of(), true);

    public SqlScript {
        statements = List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The statements as a file body, each ending with {@code ;} on its own line. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (String s : statements) {
            out.append(s);
            if (!s.endsWith(";")) {
                out.append(';');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
