package dev.strata.registry.store.sqlite;

import dev.strata.events.Subject;
import dev.strata.events.checkpoint.EventHash;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.StoredEvent;

/**
 * An event to append with its payload and the tail of its hash computed once, by the thread that asks for the append:
 * the writer, which every append waits for, only hashes the event's place in the log and stores the payload as it is.
 */
final class EncodedEvent {

    private final RegistryEvent event;
    private final String payload;
    private final byte[] hashTail;

    EncodedEvent(RegistryEvent event) {
        this.event = event;
        this.payload = event.payload();
        this.hashTail = EventHash.tail(event.type(), payload);
    }

    String type() {
        return event.type();
    }

    String payload() {
        return payload;
    }

    /** The event stored as {@code version} of the subject, after the event with hash {@code previousHash}. */
    StoredEvent chain(Subject subject, long version, String previousHash) {
        return new StoredEvent(subject, version, event, previousHash, EventHash.of(subject.name(), version, previousHash, hashTail));
    }
}
