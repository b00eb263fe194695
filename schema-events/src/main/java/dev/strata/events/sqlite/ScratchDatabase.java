package dev.strata.events.sqlite;

import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlScript;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A SQLite database for trying things: in memory, or a file. Foreign-key enforcement is set as
 * asked, as applications that declare foreign keys run with it on.
 *
 * <pre>try (ScratchDatabase db = ScratchDatabase.inMemory(true)) { db.run(script); db.schema(); }</pre>
 */
public final class ScratchDatabase implements AutoCloseable {

    private final Connection connection;

    private ScratchDatabase(Connection connection) {
        this.connection = connection;
    }

    public static ScratchDatabase inMemory(boolean foreignKeys) throws SQLException {
        return open("jdbc:sqlite::memory:", foreignKeys);
    }

    public static ScratchDatabase file(Path file, boolean foreignKeys) throws SQLException {
        return open("jdbc:sqlite:" + file.toAbsolutePath(), foreignKeys);
    }

    private static ScratchDatabase open(String url, boolean foreignKeys) throws SQLException {
        Properties p = new Properties();
        p.setProperty("foreign_keys", Boolean.toString(foreignKeys));
        return new ScratchDatabase(DriverManager.getConnection(url, p));
    }

    public Connection connection() {
        return connection;
    }

    public Schema schema() throws SQLException {
        return Introspector.read(connection);
    }

    public void run(SqlScript script) throws SQLException {
        ScriptRunner.run(connection, script);
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
