package dev.strata.events.sqlite;

import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqliteDialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Schemas as SQLite itself makes them: plain SQL run on a fresh in-memory database, then introspected. */
final class LiveSchemas {

    private LiveSchemas() {
    }

    static Schema read(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Queries.exec(c, statements);
            return Introspector.read(c);
        }
    }

    /** The schema Strata renders for {@code schema}, run on a fresh database and read back. */
    static Schema rendered(Schema schema) throws SQLException {
        return read(SqliteDialect.createAll(schema).statements().toArray(String[]::new));
    }
}
