package dev.strata.events.sql;

import java.util.List;

/**
 * One migration script: statements in order, and whether it may run inside one transaction.
 *
 * <p>A non-transactional script carries its own transaction control (SQLite's rebuild procedure needs
 * {@code PRAGMA foreign_keys = OFF} outside any transaction); runners execute it statement by statement.
 */
public record SqlScript(List<String> statements, boolean transactional) {

    public SqlScript {
        statements = List.copyOf(statements);
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).isBlank()) {
                throw new IllegalArgumentException("statement " + (i + 1) + " of the script is blank; leave it out");
            }
        }
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * This script followed by {@code extra} statements that commit or fail together with it: appended
     * to a transactional script, inserted before the commit ({@code RELEASE}) of a non-transactional
     * one. For bookkeeping such as a {@code flyway_schema_history} row.
     */
    public SqlScript withStatementsInItsTransaction(List<String> extra) {
        List<String> out = new java.util.ArrayList<>(statements);
        int commit = transactional ? -1 : out.lastIndexOf(TableRebuild.COMMIT);
        if (!transactional && commit < 0) {
            throw new IllegalStateException("this non-transactional script has no " + TableRebuild.COMMIT
                    + "; extra statements cannot join its transaction");
        }
        out.addAll(transactional ? out.size() : commit, extra);
        return new SqlScript(out, transactional);
    }

    /** The statements as a file body, each ending with {@code ;} on its own line. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (String s : statements) {
            out.append(s);
            if (!s.endsWith(";")) {
                // a statement that ends in a line comment would swallow its own terminator
                out.append(s.substring(s.lastIndexOf('\n') + 1).contains("--") ? "\n;" : ";");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
