package dev.strata.cli;

/** An operation failed (a migration error, after which the database was restored). Exit code 3. */
public class OperationFailedException extends RuntimeException {

    public OperationFailedException(String message) {
        super(message);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
