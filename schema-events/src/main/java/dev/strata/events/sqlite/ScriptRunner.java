package dev.strata.events.sqlite;

import dev.strata.events.sql.SqlScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs an {@link SqlScript} on a SQLite connection, all or nothing.
 *
 * <p>A transactional script runs in one transaction. A non-transactional one (a rebuild with
 * foreign keys off) runs statement by statement in auto-commit, as it carries its own transaction;
 * on failure any transaction it opened is rolled back and {@code PRAGMA foreign_keys} is put back.
 */
public final class ScriptRunner {

    private ScriptRunner() {
    }

    /**
     * @throws SQLException naming the failing statement's number and text, with SQLite's message;
     *     the database is as it was before the script
     */
    public static void run(Connection c, SqlScript script) throws SQLException {
        if (script.transactional()) {
            runInTransaction(c, script);
        } else {
            runOwnTransaction(c, script);
        }
    }

    private static void runInTransaction(Connection c, SqlScript script) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            executeAll(st, script);
            c.commit();
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void runOwnTransaction(Connection c, SqlScript script) throws SQLException {
        if (!c.getAutoCommit()) {
            throw new SQLException("a script that switches foreign keys off must not run inside an open transaction");
        }
        boolean foreignKeys = foreignKeys(c);
        try (Statement st = c.createStatement()) {
            executeAll(st, script);
        } catch (SQLException e) {
            try (Statement st = c.createStatement()) {
                if (!c.getAutoCommit() || inTransaction(c)) {
                    st.execute("ROLLBACK");
                }
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
            }
        }
    }

    private static void executeAll(Statement st, SqlScript script) throws SQLException {
        int n = 0;
        for (String sql : script.statements()) {
            n++;
            try {
                st.execute(sql);
            } catch (SQLException e) {
                throw new FailedStatement(n, script.statements().size(), sql, e);
            }
        }
    }

    static boolean foreignKeys(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    /** Whether SQLite has an open transaction (a SAVEPOINT the driver does not know about). */
    private static boolean inTransaction(Connection c) {
        // BEGIN fails inside a transaction; if it succeeds, there was none and we end it again.
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN");
            st.execute("ROLLBACK");
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

}
