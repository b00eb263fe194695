package dev.strata.events;

/**
 * An event does not fit the schema it is applied to (a column that already exists, a table that
 * does not). The message says what and how to fix it.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
