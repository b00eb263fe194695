package dev.strata.cli.project;

import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqlSplitter;

import java.util.List;

/**
 * One migration file as committed: its version, description, path for messages, text, and whether
 * Flyway runs it in a transaction (a {@code .sql.conf} with {@code executeInTransaction=false} says no).
 * The text is split into statements once, when first asked, by whichever thread asks.
 */
public final class MigrationScript {

    private final int version;
    private final String description;
    private final String file;
    private final String text;
    private final boolean transactional;
    private volatile List<SqlSplitter.Statement> statements;
    private volatile SqlScript script;

    public MigrationScript(int version, String description, String file, String text, boolean transactional) {
        this.version = version;
        this.description = description;
        this.file = file;
        this.text = text;
        this.transactional = transactional;
    }

    public int version() {
        return version;
    }

    public String description() {
        return description;
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    public boolean transactional() {
        return transactional;
    }

    /** The file as a script of statements. */
    public SqlScript script() {
        SqlScript s = script;
        if (s == null) {
            s = new SqlScript(statements().stream().map(SqlSplitter.Statement::sql).toList(), transactional);
            script = s;
        }
        return s;
    }

    /** The 1-based line of the {@code n}-th statement (1-based), for annotations. */
    public int lineOf(int statement) {
        List<SqlSplitter.Statement> all = statements();
        return statement >= 1 && statement <= all.size() ? all.get(statement - 1).line() : 1;
    }

    // two lanes of a walk may split the same file at once; both get equal lists, and either may be kept
    private List<SqlSplitter.Statement> statements() {
        List<SqlSplitter.Statement> s = statements;
        if (s == null) {
            s = List.copyOf(SqlSplitter.split(text));
            statements = s;
        }
        return s;
    }

    @Override
    public String toString() {
        return file;
    }
}
