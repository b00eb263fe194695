package dev.strata.registry.domain;

/** A write to a subject whose log holds an event the registry cannot apply: it is refused until the log is repaired. */
public class DamagedSubjectException extends RuntimeException {

    public DamagedSubjectException(String message) {
        super(message);
    }
}
