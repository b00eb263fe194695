package dev.strata.registry.domain;

/** A write that contradicts the log: another writer appended first, or a push rewrites history. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
