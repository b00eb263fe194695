package dev.strata.registry.domain;

import dev.strata.events.Subject;
import dev.strata.events.checkpoint.EventHash;

import java.util.Objects;

/**
 * An event as it sits in a subject's log: its version (1, 2, 3… per subject), the hash of the
 * previous event of the subject and its own hash over subject, version, previous hash, type and payload ({@link EventHash}).
 */
public record StoredEvent(Subject subject, long version, RegistryEvent event, String previousHash, String hash) {

    public StoredEvent {
        Objects.requireNonNull(subject, "stored event needs a subject");
        Objects.requireNonNull(event, "stored event needs an event");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, not " + version);
        }
    }

    /** The event chained after {@code previousHash} (null for a subject's first event). */
    public static StoredEvent chain(Subject subject, long version, RegistryEvent event, String previousHash) {
        return new StoredEvent(subject, version, event, previousHash, hashOf(subject, version, event.type(), event.payload(), previousHash));
    }

    /** Whether the stored hash is the hash of the stored content. */
    public boolean intact() {
        return hashOf(subject, version, event.type(), event.payload(), previousHash).equals(hash);
    }

    static String hashOf(Subject subject, long version, String type, String payload, String previousHash) {
        return EventHash.of(subject.name(), version, previousHash, type, payload);
    }
}
