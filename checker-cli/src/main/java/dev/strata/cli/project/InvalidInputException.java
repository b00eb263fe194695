package dev.strata.cli.project;

/** Bad usage or bad input: the message names the file and the fix. Exit code 2; nothing is written. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
