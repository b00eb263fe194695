package dev.strata.events.sqlite;

import java.sql.SQLException;

/**
 * A statement of a script failed: which one (1-based) and SQLite's own error, as data, so
 * callers point at the line without reading the message back.
 */
public final class FailedStatement extends SQLException {

    private final int number;
    private final String sqliteMessage;

    FailedStatement(int number, int of, String sql, SQLException cause) {
        super("statement " + number + " of " + of + " failed: " + oneLine(sql) + "\n  SQLite says: " + cause.getMessage(),
                cause.getSQLState(), cause.getErrorCode(), cause);
        this.number = number;
        this.sqliteMessage = cause.getMessage();
    }

    /** The failing statement's 1-based number in its script. */
    public int number() {
        return number;
    }

    /** SQLite's error, e.g. {@code [SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.a)}. */
    public String sqliteMessage() {
        return sqliteMessage;
    }

    static String oneLine(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() <= 240 ? s : s.substring(0, 240) + " ...";
    }
}
