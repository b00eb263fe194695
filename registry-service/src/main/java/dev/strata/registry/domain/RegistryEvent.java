package dev.strata.registry.domain;

/**
 * One fact in a subject's registry log: a revision pushed, a tag released, a deployment made.
 * {@link #payload()} is the event's canonical text, which the hash chain covers.
 */
public sealed interface RegistryEvent permits RevisionRecorded, TagReleased, DeploymentRecorded {

    /** The subject's log with this event applied (the compiler checks every event type has one). */
    SubjectLog foldInto(SubjectLog log);

    /** Adds this event to a log folded in bulk (the same result as {@link #foldInto}, without a copy per event). */
    void addTo(SubjectLog.Builder log);

    /** The stable type name stored with the event. */
    String type();

    /** Canonical text of the event's content; equal events give equal payloads on every machine. */
    String payload();
}
