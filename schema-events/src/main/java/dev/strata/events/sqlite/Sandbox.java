package dev.strata.events.sqlite;

import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What SQL Strata runs but did not write (models.sql, migrations under check, SqlExecuted, the prelude, function
 * expressions) may do on a scratch database: nothing outside it, within limits of size and time.
 *
 * <p>sqlite-jdbc offers no authorizer callback, so the walls are SQLite's own limits, which its engine enforces on
 * every statement whatever the caller: {@code SQLITE_LIMIT_ATTACHED = 0} makes {@code ATTACH} fail, and with it
 * {@code VACUUM} and {@code VACUUM INTO}, which attach their target internally; extension loading stays off, so
 * {@code load_extension()} is not authorized; there is no database but main and temp. Length, SQL length and page
 * count limits bound size; a progress handler interrupts a statement that runs past the time budget.
 *
 * <pre>Sandbox sandbox = Sandbox.confine(connection, Sandbox.budget()); sandbox.start(); ... sandbox.stop();</pre>
 */
public final class Sandbox extends ProgressHandler {

    /** The time budget unless {@code -Dstrata.check.timeout=SECONDS} or {@code STRATA_CHECK_TIMEOUT} says otherwise. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
    static final int MAX_LENGTH = 64 << 20;
    static final int MAX_SQL_LENGTH = 16 << 20;
    static final int MAX_PAGES = 1 << 16;
    private static final int OPCODES_PER_CHECK = 10_000;

    private final Duration budget;
    private volatile long deadline = Long.MAX_VALUE;

    private Sandbox(Duration budget) {
        this.budget = budget;
    }

    /** The configured time budget per script: {@code strata.check.timeout} (system property, then environment), in seconds. */
    public static Duration budget() {
        String v = System.getProperty("strata.check.timeout", System.getenv("STRATA_CHECK_TIMEOUT"));
        if (v == null || v.isBlank()) {
            return DEFAULT_BUDGET;
        }
        if (!v.strip().matches("[0-9]{1,6}") || Integer.parseInt(v.strip()) < 1) {
            throw new IllegalArgumentException("strata.check.timeout " + v + ": expected a whole number of seconds, at least 1");
        }
        return Duration.ofSeconds(Integer.parseInt(v.strip()));
    }

    /** Puts the limits on {@code connection} and registers the clock; nothing is timed until {@link #start()}. */
    static Sandbox confine(Connection connection, Duration budget) throws SQLException {
        SQLiteConnection c = connection.unwrap(SQLiteConnection.class);
        c.setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
        c.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, MAX_LENGTH);
        c.setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_LENGTH);
        c.setLimit(SQLiteLimits.SQLITE_LIMIT_PAGE_COUNT, MAX_PAGES);
        c.getDatabase().enable_load_extension(false);
        Sandbox sandbox = new Sandbox(budget);
        ProgressHandler.setHandler(connection, OPCODES_PER_CHECK, sandbox);
        return sandbox;
    }

    /** Starts the clock for a script: statements running past the budget from now are interrupted. */
    void start() {
        deadline = System.nanoTime() + budget.toNanos();
    }

    void stop() {
        deadline = Long.MAX_VALUE;
    }

    Duration limit() {
        return budget;
    }

    @Override
    protected int progress() {
        return System.nanoTime() > deadline ? 1 : 0;
    }

    /**
     * What a refusal of the sandbox means for the user, or null when SQLite's message is about something else.
     */
    String explain(String sqliteMessage) {
        if (sqliteMessage == null) {
            return null;
        }
        if (sqliteMessage.contains("too many attached databases - max 0")) {
            return "ATTACH, DETACH and VACUUM are not allowed: Strata runs this SQL in a sandbox that reaches no file but its"
                    + " scratch database; remove the statement";
        }
        if (sqliteMessage.contains("not authorized") || sqliteMessage.contains("load_extension")) {
            return "load_extension is not allowed: Strata runs this SQL in a sandbox without extensions; remove the call";
        }
        if (sqliteMessage.contains("interrupt")) {
            return "it ran past the time budget of " + budget.toSeconds() + " s and was stopped; make it finish sooner (a recursive"
                    + " query needs a LIMIT or an end) or raise strata.check.timeout";
        }
        if (sqliteMessage.contains("database or disk is full")) {
            return "it grew the scratch database past " + ((long) MAX_PAGES * 4096 >> 20) + " MB and was stopped; a model or"
                    + " migration should not need that many rows";
        }
        if (sqliteMessage.contains("string or blob too big") || sqliteMessage.contains("too big")) {
            return "a value or statement is larger than the sandbox allows (" + (MAX_LENGTH >> 20) + " MB per value, "
                    + (MAX_SQL_LENGTH >> 20) + " MB per statement)";
        }
        return null;
    }
}
