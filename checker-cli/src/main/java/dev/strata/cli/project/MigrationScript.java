package dev.strata.cli.project;

import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqlSplitter;

/**
 * One migration file as committed: its version, description, path for messages, text, and whether
 * Flyway runs it in a transaction (a {@code .sql.conf} with {@code executeInTransaction=false} says no).
 */
public record MigrationScript(int version, String description, String file, String text, boolean transactional) {

    /** The file as a script of statements. */
    public SqlScript script() {
        return new SqlScript(SqlSplitter.split(text).stream().map(SqlSplitter.Statement::sql).toList(), transactional);
    }

    /** The 1-based line of the {@code n}-th statement (1-based), for annotations. */
    public int lineOf(int statement) {
        var statements = SqlSplitter.split(text);
        return statement >= 1 && statement <= statements.size() ? statements.get(statement - 1).line() : 1;
    }
}
