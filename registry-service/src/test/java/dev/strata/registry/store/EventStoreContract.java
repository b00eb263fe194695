package dev.strata.registry.store;

import dev.strata.events.Subject;
import dev.strata.registry.domain.Audit;
import dev.strata.registry.domain.ConflictException;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.EventStore;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.TagReleased;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every event store guarantees; each store's test implements {@link #store()}. */
public interface EventStoreContract {

    Subject SUBJECT = new Subject("stock-analyzer");

    /** A new, empty store. */
    EventStore store();

    static RegistryEvent tag(String name, int revision) {
        return new TagReleased(name, revision, "c0ffee", "ci", Instant.parse("2026-03-01T10:00:00Z"));
    }

    static RegistryEvent deployment(String env, int from, int to) {
        return new DeploymentRecorded(env, from, to, DeploymentRecorded.Outcome.SUCCEEDED, "ci", Instant.parse("2026-03-01T11:00:00Z"));
    }

    @Test
    default void appended_events_are_read_back_in_order_with_versions_from_1() {
        EventStore store = store();

        store.append(SUBJECT, 0, List.of(tag("v1.0.0", 0), deployment("prod", 0, 0)));
        store.append(SUBJECT, 2, List.of(tag("v1.0.1", 0)));

        List<StoredEvent> events = store.read(SUBJECT, 1);
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(StoredEvent::version).toList());
        assertEquals(tag("v1.0.1", 0), events.get(2).event());
        assertEquals(3, store.version(SUBJECT));
        assertEquals(List.of(SUBJECT), store.subjects());
    }

    @Test
    default void an_append_with_a_stale_expected_version_is_refused_and_writes_nothing() {
        EventStore store = store();
        store.append(SUBJECT, 0, List.of(tag("v1.0.0", 0)));

        ConflictException e = assertThrows(ConflictException.class, () -> store.append(SUBJECT, 0, List.of(tag("v9.9.9", 0))));

        assertEquals("stock-analyzer is at version 1, not 0: another write came first; read again and retry", e.getMessage());
        assertEquals(1, store.read(SUBJECT, 1).size());
    }

    @Test
    default void every_event_carries_the_hash_of_the_previous_one_and_the_chain_verifies() {
        EventStore store = store();

        store.append(SUBJECT, 0, List.of(tag("v1.0.0", 0), deployment("prod", 0, 0), deployment("staging", 0, 0)));

        List<StoredEvent> events = store.read(SUBJECT, 1);
        assertEquals(null, events.get(0).previousHash());
        assertEquals(events.get(0).hash(), events.get(1).previousHash());
        assertEquals(List.of(), Audit.verify(events));
    }

    @Test
    default void subscribers_see_each_appended_event() throws Exception {
        EventStore store = store();
        List<StoredEvent> seen = Collections.synchronizedList(new ArrayList<>());

        try (AutoCloseable ignored = store.subscribe(seen::add)) {
            store.append(SUBJECT, 0, List.of(tag("v1.0.0", 0), tag("v1.0.1", 0)));
        }
        store.append(SUBJECT, 2, List.of(tag("v1.0.2", 0)));

        assertEquals(List.of(1L, 2L), seen.stream().map(StoredEvent::version).toList());
    }

    @Test
    default void concurrent_writers_never_both_win_and_versions_have_no_gaps() throws Exception {
        EventStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                int acknowledged = 0;
                for (int i = 0; i < 10; i++) {
                    while (true) {
                        long v = store.version(SUBJECT);
                        try {
                            store.append(SUBJECT, v, List.of(tag("w" + writer + "." + i, 0)));
                            acknowledged++;
                            break;
                        } catch (ConflictException retry) {
                            // another writer took that version: read again
                        }
                    }
                }
                return acknowledged;
            }));
        }
        int acknowledged = 0;
        for (Future<Integer> f : results) {
            acknowledged += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<StoredEvent> log = store.read(SUBJECT, 1);
        assertEquals(160, acknowledged);
        assertEquals(160, log.size());
        assertEquals(160, log.stream().map(e -> ((TagReleased) e.event()).tag()).distinct().count());
        assertEquals(List.of(), Audit.verify(log));
        for (int i = 0; i < log.size(); i++) {
            assertTrue(log.get(i).version() == i + 1);
        }
    }
}
