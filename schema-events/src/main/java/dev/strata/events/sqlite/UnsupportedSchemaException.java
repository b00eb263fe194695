package dev.strata.events.sqlite;

/**
 * A database holds something Strata cannot represent yet (a generated column, an index on an
 * expression, a name outside Strata's identifiers): a limit of Strata, not a fault in the database.
 */
public final class UnsupportedSchemaException extends IllegalStateException {

    public UnsupportedSchemaException(String message) {
        super(message);
    }

    public UnsupportedSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
