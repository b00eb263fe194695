package dev.strata.registry.store.kafka;

import dev.strata.events.Subject;
import dev.strata.registry.domain.ConflictException;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.TagReleased;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several registry instances over one topic, with no leader: concurrent writers to the same subject never both
 * win a version, every instance serves the same history and hashes, an instance started late catches up, and a
 * broker restarted under load loses no acknowledged write and duplicates none.
 */
class KafkaAgreementTest {

    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();

    private static KafkaEventStore open(String topic) {
        return KafkaEventStore.open(new KafkaSettings(BROKER.bootstrapServers(), topic, 3, (short) 1, 1, Duration.ofSeconds(30)));
    }

    private static TagReleased tag(String name) {
        return new TagReleased(name, 0, "c0ffee", "ci", Instant.parse("2026-03-01T10:00:00Z"));
    }

    /** Appends one tag, reading the version again after each conflict; the tag's name, once acknowledged. */
    private static String write(KafkaEventStore store, Subject subject, String name) {
        for (int attempt = 0; attempt < 200; attempt++) {
            try {
                store.append(subject, store.version(subject), List.of(tag(name)));
                return name;
            } catch (ConflictException e) {
                // another instance won this version: read again
            }
        }
        throw new AssertionError(name + " lost 200 times in a row");
    }

    private static List<String> hashes(KafkaEventStore store, Subject subject) {
        return store.read(subject, 1).stream().map(StoredEvent::hash).toList();
    }

    private static void awaitVersion(KafkaEventStore store, Subject subject, long version) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (store.version(subject) < version && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    @Test
    void three_instances_writing_one_subject_at_once_agree_on_one_winner_per_version() throws Exception {
        Subject shared = new Subject("shared");
        List<KafkaEventStore> instances = List.of(open("agree"), open("agree"), open("agree"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> writes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                KafkaEventStore via = instances.get(i % 3);
                String name = "t" + i;
                // the same subject from every instance, and a subject of its own per instance
                writes.add(pool.submit(() -> write(via, shared, name)));
                writes.add(pool.submit(() -> write(via, new Subject("own-" + instances.indexOf(via)), name)));
            }
            for (Future<String> w : writes) {
                w.get(120, TimeUnit.SECONDS);
            }

            for (KafkaEventStore s : instances) {
                awaitVersion(s, shared, 60);
            }
            List<StoredEvent> history = instances.get(0).read(shared, 1);
            assertEquals(60, history.size());
            Set<String> names = new HashSet<>();
            history.forEach(e -> names.add(((TagReleased) e.event()).tag()));
            assertEquals(60, names.size(), "every acknowledged write exactly once");
            for (KafkaEventStore s : instances) {
                assertEquals(hashes(instances.get(0), shared), hashes(s, shared));
                for (int k = 0; k < 3; k++) {
                    Subject own = new Subject("own-" + k);
                    awaitVersion(s, own, 20);
                    assertEquals(hashes(instances.get(k), own), hashes(s, own));
                }
            }
        } finally {
            pool.shutdownNow();
            instances.forEach(KafkaEventStore::close);
        }
    }

    @Test
    void an_instance_started_after_the_writes_reads_the_same_history() throws Exception {
        Subject subject = new Subject("late");
        try (KafkaEventStore first = open("late")) {
            for (int i = 0; i < 25; i++) {
                write(first, subject, "t" + i);
            }
            try (KafkaEventStore late = open("late")) {
                assertEquals(25, late.version(subject), "caught up before open returns");
                assertEquals(hashes(first, subject), hashes(late, subject));
                assertTrue(late.read(subject, 1).stream().allMatch(StoredEvent::intact));
            }
        }
    }

    @Test
    void a_broker_restarted_under_load_loses_no_acknowledged_write_and_repeats_none() throws Exception {
        Subject subject = new Subject("restart");
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> inDoubt = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        try (KafkaEventStore a = open("restart"); KafkaEventStore b = open("restart")) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> writers = new ArrayList<>();
            for (KafkaEventStore via : List.of(a, b)) {
                String prefix = via == a ? "a" : "b";
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 400 && !stop.get(); i++) {
                        try {
                            acknowledged.add(write(via, subject, prefix + i));
                        } catch (IllegalStateException e) {
                            // the broker was away: this write may or may not be in the log
                            inDoubt.add(prefix + i);
                        }
                    }
                }));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < 20 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            BROKER.restart();
            Thread.sleep(500);
            stop.set(true);
            for (Future<?> w : writers) {
                w.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            awaitVersion(a, subject, acknowledged.size());
            awaitVersion(b, subject, a.version(subject));
            List<String> logged = a.read(subject, 1).stream().map(e -> ((TagReleased) e.event()).tag()).toList();
            assertEquals(logged.size(), new HashSet<>(logged).size(), "no write is in the log twice");
            assertTrue(logged.containsAll(acknowledged), "every acknowledged write is in the log");
            Set<String> allowed = new HashSet<>(acknowledged);
            allowed.addAll(inDoubt);
            assertTrue(allowed.containsAll(logged), "the log holds only writes that were made");
            assertEquals(hashes(a, subject), hashes(b, subject));
            assertTrue(acknowledged.size() >= 20, "writes were acknowledged before the restart: " + acknowledged.size());
        }
    }
}
