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

    /**
     * This script followed by {@code extra} statements that commit or fail together with it: appended
     * to a transactional script, inserted before the commit (the last {@code RELEASE}) of a non-transactional
     * one. For bookkeeping such as a {@code flyway_schema_history} row.
     *
     * @throws IllegalStateException for a non-transactional script without a transaction of its own
     */
    public SqlScript withStatementsInItsTransaction(List<String> extra) {
        int commit = commit();
        if (commit < 0) {
            throw new IllegalStateException("this non-transactional script has no " + TableRebuild.COMMIT
                    + "; extra statements cannot join its transaction");
        }
        List<String> out = new java.util.ArrayList<>(statements);
        out.addAll(commit, extra);
        return new SqlScript(out, transactional);
    }

    /** Whether extra statements can join this script's transaction: it is transactional, or commits its own. */
    public boolean hasTransaction() {
        return commit() >= 0;
    }

    /** Where statements that join the transaction go; -1 for a non-transactional script that releases no savepoint. */
    private int commit() {
        if (transactional) {
            return statements.size();
        }
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (statements.get(i).strip().toUpperCase(java.util.Locale.ROOT).startsWith("RELEASE")) {
                return i;
            }
        }
        return -1;
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
