package dev.strata.events.json;

/**
 * A revision or models file cannot be used: malformed JSON or YAML, an unknown field or event type,
 * a value of the wrong kind. The message names the file, the place ({@code $.events[2].column.type},
 * line) and what was expected.
 */
public class RevisionFormatException extends RuntimeException {

    public RevisionFormatException(String message) {
        super(message);
    }

    public RevisionFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
