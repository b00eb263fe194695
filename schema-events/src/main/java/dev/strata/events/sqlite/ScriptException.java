package dev.strata.events.sqlite;

/**
 * A script failed on a database; the database is as it was before the script. The message names
 * the statement and carries SQLite's own message; {@link #statement()} carries the
 * statement as data, {@link #isConstraintViolation()} reads SQLite's result code.
 */
public class ScriptException extends RuntimeException {

    private final String sqliteMessage;
    private final int statement;
    private final int errorCode;

    public ScriptException(String message, String sqliteMessage, Throwable cause) {
        this(message, sqliteMessage, 0, 0, cause);
    }

    public ScriptException(String message, String sqliteMessage, int statement, int errorCode, Throwable cause) {
        super(message, cause);
        this.sqliteMessage = sqliteMessage;
        this.statement = statement;
        this.errorCode = errorCode;
    }

    /** SQLite's error, e.g. {@code [SQLITE_ERROR] SQL error or missing database (no such column: x)}. */
    public String sqliteMessage() {
        return sqliteMessage;
    }

    /** The failing statement's 1-based number in its script, or 0 when unknown. */
    public int statement() {
        return statement;
    }

    /** Whether SQLite refused the statement for a constraint (UNIQUE, NOT NULL, CHECK, FOREIGN KEY, a RAISE). */
    public boolean isConstraintViolation() {
        return isConstraint(errorCode, sqliteMessage);
    }

    /** Whether SQLite's result code (or, where the code was lost, its message) is of the SQLITE_CONSTRAINT family. */
    static boolean isConstraint(int errorCode, String sqliteMessage) {
        return (errorCode & 0xff) == 19 || (sqliteMessage != null && sqliteMessage.contains("SQLITE_CONSTRAINT"));
    }
}
