package dev.strata.registry.domain;

import dev.strata.events.Subject;

import java.util.List;
import java.util.function.Consumer;

/**
 * The registry's append-only log, per subject. Appends are conditional on the subject's current
 * version, so two writers that read the same version cannot both succeed; every acknowledged append is
 * durable; readers see events in the order they were appended.
 *
 * <pre>store.append(subject, store.version(subject), List.of(new TagReleased(...)));</pre>
 */
public interface EventStore extends AutoCloseable {

    /**
     * Appends events after version {@code expectedVersion} of the subject, chaining their hashes.
     *
     * @throws ConflictException if the subject is no longer at {@code expectedVersion}
     */
    List<StoredEvent> append(Subject subject, long expectedVersion, List<RegistryEvent> events);

    /** The subject's events from {@code fromVersion} (1 for all), in order. */
    List<StoredEvent> read(Subject subject, long fromVersion);

    /** Every event of every subject, in the order the log holds them (for rebuilding projections). */
    List<StoredEvent> readAll();

    /** The subject's current version: 0 when it has no events. */
    long version(Subject subject);

    List<Subject> subjects();

    /**
     * Completes once the store has read all of its log as it stood when the store opened (a log it follows, such as a
     * topic, can take a while); a store that reads its file on each call is caught up at once.
     */
    default java.util.concurrent.CompletionStage<Void> caughtUp() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** Calls {@code listener} with each event appended from now on; closing the result stops it. */
    AutoCloseable subscribe(Consumer<StoredEvent> listener);

    @Override
    void close();
}
