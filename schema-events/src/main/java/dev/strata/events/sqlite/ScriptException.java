package dev.strata.events.sqlite;

/**
 * A script failed on a database; the database is as it was before the script. The message names
 * the statement and carries SQLite's own message.
 */
public class ScriptException extends RuntimeException {

    private final String sqliteMessage;

    public ScriptException(String message, String sqliteMessage, Throwable cause) {
        super(message, cause);
        this.sqliteMessage = sqliteMessage;
    }

    /** SQLite's error, e.g. {@code [SQLITE_ERROR] SQL error or missing database (no such column: x)}. */
    public String sqliteMessage() {
        return sqliteMessage;
    }
}
