package dev.strata.cli.project;

import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqlSplitter;

import java.util.List;

/**
 * One migration script as committed: its version (the walk's number), description, path for messages, text,
 * whether its tool runs it in a transaction, and the line of the file where the text starts (a section of a
 * goose, dbmate or Liquibase file starts below line 1). The text is split into statements once, when first
 * asked, by whichever thread asks.
 */
public final class MigrationScript {

    private final int version;
    private final String description;
    private final String file;
    private final String text;
    private final boolean transactional;
    private final int firstLine;
    private final String part;
    private final String outsideTransaction;
    private volatile List<SqlSplitter.Statement> statements;
    private volatile SqlScript script;
    private volatile java.util.Set<String> names;

    /** A whole Flyway file, which a {@code .sql.conf} with {@code executeInTransaction=false} runs outside a transaction. */
    public MigrationScript(int version, String description, String file, String text, boolean transactional) {
        this(version, description, file, text, transactional, 1, "", "tell Flyway not to wrap it, with a file "
                + file.substring(file.lastIndexOf('/') + 1) + ".conf holding executeInTransaction=false");
    }

    /**
     * @param firstLine the 1-based line of {@code file} where {@code text} starts
     * @param part which part of a shared file this is ({@code up section}), or empty for a whole file
     * @param outsideTransaction how the user tells the tool to run this script outside a transaction, for hints
     */
    public MigrationScript(int version, String description, String file, String text, boolean transactional, int firstLine,
                           String part, String outsideTransaction) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("a script starts at line 1 or below, not " + firstLine + " (" + file + ")");
        }
        this.version = version;
        this.description = java.util.Objects.requireNonNull(description, "description");
        this.file = java.util.Objects.requireNonNull(file, "file");
        this.text = java.util.Objects.requireNonNull(text, "text");
        this.transactional = transactional;
        this.firstLine = firstLine;
        this.part = java.util.Objects.requireNonNull(part, "part");
        this.outsideTransaction = java.util.Objects.requireNonNull(outsideTransaction, "outsideTransaction");
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

    /** The keys of every identifier the text names, read once (a walk asks for them for each round trip). */
    public java.util.Set<String> identifierKeys() {
        java.util.Set<String> n = names;
        if (n == null) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (dev.strata.events.schema.SqlText.Token t : dev.strata.events.schema.SqlText.tokens(text)) {
                String key = t.identifierKey();
                if (key != null) {
                    keys.add(key);
                }
            }
            n = java.util.Set.copyOf(keys);
            names = n;
        }
        return n;
    }

    public boolean transactional() {
        return transactional;
    }

    /** The 1-based line of {@link #file()} where the text starts. */
    public int firstLine() {
        return firstLine;
    }

    /** The file's name, with the part for a section of a shared file: {@code 00001_init.sql (down section)}. */
    public String name() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return part.isEmpty() ? name : name + " (" + part + ")";
    }

    /** How to tell this script's tool not to wrap it in a transaction, such as {@code add -- +goose NO TRANSACTION to x.sql}. */
    public String outsideTransaction() {
        return outsideTransaction;
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

    /** The 1-based line in {@link #file()} of the {@code n}-th statement (1-based), for annotations. */
    public int lineOf(int statement) {
        List<SqlSplitter.Statement> all = statements();
        return firstLine - 1 + (statement >= 1 && statement <= all.size() ? all.get(statement - 1).line() : 1);
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
