package dev.strata.maven.hibernate;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

import java.sql.Connection;
import java.sql.SQLException;

/** The connection provider of a schema export that must never reach a database: asking for a connection fails. */
public final class NoDatabase implements ConnectionProvider {

    private static final long serialVersionUID = 1L;

    @Override
    public Connection getConnection() throws SQLException {
        throw new SQLException("strata renders the entities' schema without a database; nothing may connect to one");
    }

    @Override
    public void closeConnection(Connection connection) {
        // never opened
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException("NoDatabase wraps nothing");
    }
}
