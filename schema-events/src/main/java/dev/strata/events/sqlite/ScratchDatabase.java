package dev.strata.events.sqlite;

import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlScript;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.sql.ResultSet;
import java.sql.Statement;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;

/**
 * A SQLite database for trying things: in memory, or a file. Foreign-key enforcement is set as
 * asked, as applications that declare foreign keys run with it on. Every scratch database is a {@link Sandbox}:
 * the SQL run on it reaches no other database or file, and each script (and each seeding) has a time budget.
 *
 * <pre>try (ScratchDatabase db = ScratchDatabase.inMemory(true)) { db.run(script); db.schema(); }</pre>
 */
public final class ScratchDatabase implements AutoCloseable {

    private final Connection connection;
    private final Sandbox sandbox;
    private final Introspector.Cache cache = new Introspector.Cache();
    private java.util.Set<String> jsonNames = java.util.Set.of();

    private ScratchDatabase(Connection connection, Sandbox sandbox) {
        this.connection = connection;
        this.sandbox = sandbox;
    }

    public static ScratchDatabase inMemory(boolean foreignKeys) throws SQLException {
        return open("jdbc:sqlite::memory:", foreignKeys);
    }

    /** An in-memory database, for callers that keep JDBC out of sight: failures are unchecked. */
    public static ScratchDatabase create(boolean foreignKeys) {
        return create(foreignKeys, AppFunctions.NONE);
    }

    /** Like {@link #create(boolean)}, with the application's SQL functions registered. */
    public static ScratchDatabase create(boolean foreignKeys, AppFunctions functions) {
        try {
            ScratchDatabase db = inMemory(foreignKeys);
            functions.registerOn(db.connection);
            return db;
        } catch (SQLException e) {
            throw new IllegalStateException("opening an in-memory SQLite database: " + e.getMessage(), e);
        }
    }

    /** Column names (as keys) the migrations read as JSON, in any table: seeded rows hold JSON there. */
    public void seedJsonIn(java.util.Set<String> columnNames) {
        this.jsonNames = java.util.Set.copyOf(columnNames);
    }

    /** Registers a stand-in that gives back its first argument for a function SQLite does not have and no one declared. */
    public void standIn(String function) {
        try {
            AppFunctions.registerStandIn(connection, function);
        } catch (SQLException e) {
            throw new IllegalStateException("registering a stand-in for function " + function + ": " + e.getMessage(), e);
        }
    }

    public static ScratchDatabase file(Path file, boolean foreignKeys) throws SQLException {
        return open("jdbc:sqlite:" + file.toAbsolutePath(), foreignKeys);
    }

    private static ScratchDatabase open(String url, boolean foreignKeys) throws SQLException {
        Properties p = new Properties();
        p.setProperty("foreign_keys", Boolean.toString(foreignKeys));
        // nothing here asks for generated keys; the driver would look them up after every statement
        p.setProperty("jdbc.get_generated_keys", "false");
        p.setProperty("enable_load_extension", "false");
        Connection c = DriverManager.getConnection(url, p);
        try {
            return new ScratchDatabase(c, Sandbox.confine(c, Sandbox.budget()));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The sandbox's reading of SQLite's message (an ATTACH refused, the time budget spent...), or null. */
    public String sandboxReason(String sqliteMessage) {
        return sandbox.explain(sqliteMessage);
    }

    /** Starts the time budget for one script of foreign SQL run directly on {@link #connection()}. */
    void startBudget() {
        sandbox.start();
    }

    void stopBudget() {
        sandbox.stop();
    }

    public Connection connection() {
        return connection;
    }

    public Schema schema() throws SQLException {
        return Introspector.read(connection);
    }

    public void run(SqlScript script) throws SQLException {
        sandbox.start();
        try {
            ScriptRunner.run(connection, script);
        } catch (FailedStatement e) {
            String reason = sandbox.explain(e.sqliteMessage());
            throw reason == null ? e : new SQLException(e.getMessage() + "\n  " + reason, e.getSQLState(), e.getErrorCode(), e);
        } finally {
            sandbox.stop();
        }
    }

    /**
     * Runs a script all or nothing.
     *
     * @throws ScriptException naming the failing statement, after rolling the script back
     */
    public void apply(SqlScript script) {
        sandbox.start();
        try {
            ScriptRunner.run(connection, script);
        } catch (FailedStatement e) {
            String reason = sandbox.explain(e.sqliteMessage());
            throw new ScriptException(e.getMessage() + (reason == null ? "" : "\n  " + reason),
                    e.sqliteMessage() + (reason == null ? "" : " (" + reason + ")"), e.number(), e.getErrorCode(), e);
        } catch (SQLException e) {
            throw new ScriptException(e.getMessage(), e.getMessage(), 0, e.getErrorCode(), e);
        } finally {
            sandbox.stop();
        }
    }

    /** The database's schema; a database Strata cannot represent is an {@link UnsupportedSchemaException}. */
    public Schema introspect() {
        return introspect(null);
    }

    /** Like {@link #introspect()}, found sooner when it is {@code expected}, a schema this database returned lately. */
    public Schema introspect(Schema expected) {
        try {
            return Introspector.read(connection, cache, expected);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the schema of a scratch database: " + e.getMessage(), e);
        }
    }

    /**
     * Tops every table of {@code schema} up to {@code rowsPerTable} generated rows, parents
     * before children, and returns the tables that got none. {@code counter} makes values distinct
     * across calls: pass the value the previous call returned via {@link Seeded#counter()}.
     */
    public Seeded seed(Schema schema, int rowsPerTable, long counter) {
        return seed(schema, schema.tables().keySet(), rowsPerTable, counter);
    }

    /** {@link #seed(Schema, int, long)} for some of the schema's tables only. */
    public Seeded seed(Schema schema, Collection<Identifier> tables, int rowsPerTable, long counter) {
        return seed(schema, tables, rowsPerTable, counter, null);
    }

    /**
     * {@link #seed(Schema, Collection, int, long)} with rows that also satisfy the constraints {@code next}, the
     * schema a revision leads to, puts on the same tables and columns (null for none).
     */
    public Seeded seed(Schema schema, Collection<Identifier> tables, int rowsPerTable, long counter, Schema next) {
        DataSeeder seeder = new DataSeeder(connection, counter, jsonNames);
        try {
            // with foreign keys on, SQLite refuses every write to a table whose foreign key names a missing table,
            // even of NULL; the seeder writes NULL there and valid parents elsewhere, so it runs with them off
            boolean dangling = schema.danglingForeignKeys().stream().anyMatch(d -> tables.contains(d.table()))
                    && foreignKeysOn();
            boolean autoCommit = connection.getAutoCommit();
            if (dangling) {
                setForeignKeys(false);
            }
            connection.setAutoCommit(false);
            // seeding fires the project's triggers: they run on the same budget as a script
            sandbox.start();
            try {
                List<Identifier> unseeded = seeder.seed(schema, java.util.Set.copyOf(tables), rowsPerTable, next);
                connection.commit();
                Map<Identifier, String> why = new LinkedHashMap<>();
                unseeded.forEach(t -> why.put(t, seeder.refusals().getOrDefault(t, "every row Strata tried was refused")));
                return new Seeded(why, seeder.counter());
            } finally {
                sandbox.stop();
                connection.setAutoCommit(autoCommit);
                if (dangling) {
                    setForeignKeys(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding a scratch database: " + e.getMessage(), e);
        }
    }

    private boolean foreignKeysOn() throws SQLException {
        try (java.sql.Statement st = connection.createStatement(); java.sql.ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private void setForeignKeys(boolean on) throws SQLException {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
        }
    }

    /** What {@link #seed} did: the tables left empty (in seeding order) and why, and the counter to pass next time. */
    public record Seeded(Map<Identifier, String> reasons, long counter) {
    }

    /** The whole database as bytes (SQLite's serialize): a copy to go back to, in microseconds for a scratch database. */
    public byte[] image() {
        try {
            return connection.unwrap(org.sqlite.SQLiteConnection.class).serialize("main");
        } catch (SQLException e) {
            throw new IllegalStateException("copying a scratch database: " + e.getMessage(), e);
        }
    }

    /** Replaces the database by an {@link #image()}; this connection's settings and functions stay. */
    public void restore(byte[] image) {
        try {
            connection.unwrap(org.sqlite.SQLiteConnection.class).deserialize("main", image);
        } catch (SQLException e) {
            throw new IllegalStateException("restoring a scratch database: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every row of the tables, with foreign keys off; false when a trigger refused or wrote rows
     * back that three passes did not clear.
     */
    public boolean deleteAllRows(Collection<Identifier> tables) {
        try (Statement st = connection.createStatement()) {
            boolean foreignKeys = ScriptRunner.foreignKeys(connection);
            st.execute("PRAGMA foreign_keys = OFF");
            sandbox.start();
            try {
                for (int pass = 0; pass < 3; pass++) {
                    boolean left = false;
                    for (Identifier t : tables) {
                        st.executeUpdate("DELETE FROM " + t.quoted());
                    }
                    for (Identifier t : tables) {
                        try (ResultSet rs = st.executeQuery("SELECT 1 FROM " + t.quoted() + " LIMIT 1")) {
                            left |= rs.next();
                        }
                    }
                    if (!left) {
                        return true;
                    }
                }
                return false;
            } finally {
                sandbox.stop();
                st.execute("PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether a query Strata wrote (to find rows that break a constraint) returns any row; false when it cannot run. */
    public boolean finds(String query) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The rows of the given tables of {@code schema} (each value as SQLite's {@code quote()} shows it). */
    public DataSnapshot snapshot(Schema schema, Collection<Identifier> tables) {
        List<Table> read = tables.stream().map(name -> schema.tables().get(name)).filter(java.util.Objects::nonNull).toList();
        Map<Identifier, DataSnapshot.Rows> out = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            for (int from = 0; from < read.size(); from += SNAPSHOT_TABLES_PER_QUERY) {
                List<Table> some = read.subList(from, Math.min(read.size(), from + SNAPSHOT_TABLES_PER_QUERY));
                try (ResultSet rs = st.executeQuery(snapshotQuery(some))) {
                    rs.next();
                    for (int k = 0; k < some.size(); k++) {
                        Table t = some.get(k);
                        out.put(t.name(), new DataSnapshot.Rows(t.columnNames(), rows(rs.getString(k + 1), t.columns().size())));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading rows of a scratch database: " + e.getMessage(), e);
        }
        return new DataSnapshot(out);
    }

    // a walk snapshots a few small tables several times per version, where the driver's cost per statement and per
    // value outweighed reading the rows: one statement reads them all, each table's rows as one value
    private static final int SNAPSHOT_TABLES_PER_QUERY = 50;

    /** Per table, its rows in scan order: values as {@code quote()} gives them, joined by commas, rows by newlines. */
    private static String snapshotQuery(List<Table> tables) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int k = 0; k < tables.size(); k++) {
            Table t = tables.get(k);
            sql.append(k == 0 ? "" : ", ").append("(SELECT group_concat(")
                    .append(t.columns().stream().map(c -> "quote(" + c.name().quoted() + ")").collect(Collectors.joining(" || ',' || ")))
                    .append(", char(10)) FROM ").append(t.name().quoted()).append(')');
        }
        return sql.toString();
    }

    /**
     * Splits what {@link #snapshotQuery} gives for one table. Only a quoted text value can hold a comma or a
     * newline, and it starts with a quote; every other {@code quote()} value (NULL, a number, X'..') holds neither.
     */
    static List<List<String>> rows(String joined, int columns) {
        List<List<String>> rows = new ArrayList<>();
        if (joined == null) {
            return rows;
        }
        List<String> row = new ArrayList<>(columns);
        int i = 0;
        int n = joined.length();
        while (true) {
            int end;
            if (i < n && joined.charAt(i) == '\'') {
                end = SqlText.closing(joined, i, '\'');
            } else {
                end = i;
                while (end < n && joined.charAt(end) != ',' && joined.charAt(end) != '\n') {
                    end++;
                }
            }
            row.add(joined.substring(i, end));
            if (end >= n || joined.charAt(end) == '\n') {
                if (row.size() != columns) {
                    throw new IllegalStateException("reading rows of a scratch database: a row of " + row.size()
                            + " values where the table has " + columns + " columns");
                }
                rows.add(row);
                row = new ArrayList<>(columns);
            }
            if (end >= n) {
                return rows;
            }
            i = end + 1;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing a scratch database: " + e.getMessage(), e);
        }
    }
}
