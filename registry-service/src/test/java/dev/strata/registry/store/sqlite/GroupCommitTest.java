package dev.strata.registry.store.sqlite;

import dev.strata.events.Subject;
import dev.strata.registry.domain.Audit;
import dev.strata.registry.domain.ConflictException;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.store.EventStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent appends share commits: each is answered after the commit that holds it, and a conflict is refused alone. */
class GroupCommitTest {

    @TempDir
    Path dir;

    /** Starts {@code append} in a thread of its own; its outcome (the stored events or the exception) lands in {@code outcomes}. */
    private static Thread start(String name, Map<String, Object> outcomes, Supplier<List<StoredEvent>> append) {
        Thread t = new Thread(() -> {
            try {
                outcomes.put(name, append.get());
            } catch (RuntimeException e) {
                outcomes.put(name, e);
            }
        }, name);
        t.start();
        return t;
    }

    /** Waits until every thread is parked, waiting for its commit. */
    private static void awaitParked(List<Thread> threads) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
            assertTrue(System.nanoTime() < until, "the appends did not all wait for a commit");
            Thread.sleep(5);
        }
    }

    /**
     * Starts each append in a thread of its own while the writer is held in the commit of another append, so they all
     * queue for the next batch; returns the commits they took once all are answered, their outcomes in {@code outcomes}.
     */
    private static long inOneBatch(SqliteEventStore store, Map<String, Object> outcomes, Map<String, Supplier<List<StoredEvent>>> appends)
            throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the writer tells subscribers of a commit before it answers: a subscriber that waits holds the next batch back
        store.subscribe(e -> {
            if (e.subject().name().equals("gate")) {
                held.countDown();
                awaitQuietly(release);
            }
        });
        Thread gate = start("gate", new ConcurrentHashMap<>(), () -> store.append(new Subject("gate"), 0,
                List.of(EventStoreContract.tag("g", 0))));
        assertTrue(held.await(10, TimeUnit.SECONDS), "the writer committed the gate's append");
        long commitsBefore = store.commits();
        List<Thread> batch = new ArrayList<>();
        appends.forEach((name, append) -> batch.add(start(name, outcomes, append)));
        awaitParked(batch);
        release.countDown();
        for (Thread t : batch) {
            t.join(10_000);
        }
        gate.join(10_000);
        return store.commits() - commitsBefore;
    }

    @Test
    void appends_queued_during_a_commit_are_committed_in_one_transaction_and_a_conflict_among_them_is_refused_alone() throws Exception {
        Path db = dir.resolve("registry.db");
        Subject x = new Subject("x");
        Subject y = new Subject("y");
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        try (SqliteEventStore store = SqliteEventStore.open(db)) {
            store.append(x, 0, List.of(EventStoreContract.tag("x1", 0)));

            long commits = inOneBatch(store, outcomes, Map.of(
                    "first", () -> store.append(x, 1, List.of(EventStoreContract.tag("first", 0))),
                    "second", () -> store.append(x, 1, List.of(EventStoreContract.tag("second", 0))),
                    "other", () -> store.append(y, 0, List.of(EventStoreContract.tag("other", 0)))));

            assertEquals(1, commits, "the three queued appends share one commit");
        }
        long won = outcomes.values().stream().filter(o -> o instanceof List).count();
        assertEquals(2, won, "one of the two appends for version 2 of x, and the append to y: " + outcomes);
        Object lost = outcomes.get("first") instanceof List ? outcomes.get("second") : outcomes.get("first");
        assertInstanceOf(ConflictException.class, lost);
        assertEquals("x is at version 2, not 1: another write came first; read again and retry", ((Exception) lost).getMessage());
        try (SqliteEventStore reopened = SqliteEventStore.open(db)) {
            assertEquals(2, reopened.version(x), "the refused append was never stored");
            assertEquals(1, reopened.version(y));
            assertEquals(List.of(), Audit.verify(reopened.read(x, 1)));
        }
    }

    @Test
    void thirty_two_writers_at_once_find_every_acknowledged_append_exactly_once_after_reopening() throws Exception {
        Path db = dir.resolve("registry.db");
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        List<Thread> writers = new ArrayList<>();
        long commits;
        try (SqliteEventStore store = SqliteEventStore.open(db)) {
            for (int w = 0; w < 32; w++) {
                Subject s = new Subject("s" + w);
                writers.add(start("w" + w, outcomes, () -> {
                    List<StoredEvent> acknowledged = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        acknowledged.addAll(store.append(s, i, List.of(EventStoreContract.tag(s + "-" + i, 0))));
                    }
                    return acknowledged;
                }));
            }
            for (Thread t : writers) {
                t.join(60_000);
            }
            commits = store.commits();
        }

        try (SqliteEventStore reopened = SqliteEventStore.open(db)) {
            for (int w = 0; w < 32; w++) {
                Subject s = new Subject("s" + w);
                assertInstanceOf(List.class, outcomes.get("w" + w), () -> "writer " + s + ": " + outcomes.get("w" + s));
                List<StoredEvent> log = reopened.read(s, 1);
                assertEquals(outcomes.get("w" + w), log, "every acknowledged append of " + s + ", once, in order, with its hashes");
                assertEquals(20, log.stream().map(e -> ((TagReleased) e.event()).tag()).distinct().count());
                assertEquals(List.of(), Audit.verify(log));
            }
        }
        assertTrue(commits < 32 * 20, "640 appends took " + commits + " commits: concurrent appends were committed together");
    }

    @Test
    void a_row_the_table_refuses_fails_its_append_alone_and_the_rest_of_its_batch_commits() throws Exception {
        Path db = dir.resolve("registry.db");
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        try (SqliteEventStore store = SqliteEventStore.open(db)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER refuse_bad BEFORE INSERT ON registry_events WHEN NEW.subject = 'bad'"
                        + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
            }

            long commits = inOneBatch(store, outcomes, Map.of(
                    "before", () -> store.append(new Subject("before"), 0, List.of(EventStoreContract.tag("b", 0))),
                    "bad", () -> store.append(new Subject("bad"), 0, List.of(EventStoreContract.tag("x", 0))),
                    "after", () -> store.append(new Subject("after"), 0, List.of(EventStoreContract.tag("a1", 0),
                            EventStoreContract.tag("a2", 0)))));

            assertEquals(1, commits, "the three appends share one commit");
        }
        assertInstanceOf(IllegalStateException.class, outcomes.get("bad"));
        assertEquals("appending 1 event(s) to bad in " + db.toAbsolutePath() + ": [SQLITE_CONSTRAINT_TRIGGER] A RAISE function within a"
                + " trigger fired, causing the SQL statement to abort (refused by the test); nothing of it was stored",
                ((Exception) outcomes.get("bad")).getMessage());
        try (SqliteEventStore reopened = SqliteEventStore.open(db)) {
            assertEquals(0, reopened.version(new Subject("bad")));
            assertEquals(outcomes.get("before"), reopened.read(new Subject("before"), 1));
            assertEquals(outcomes.get("after"), reopened.read(new Subject("after"), 1));
            assertEquals(2, reopened.version(new Subject("after")));
        }
    }

    @Test
    void a_write_by_another_connection_to_the_file_is_seen_by_the_next_batch() {
        Path db = dir.resolve("registry.db");
        Subject x = new Subject("x");
        try (SqliteEventStore store = SqliteEventStore.open(db); SqliteEventStore other = SqliteEventStore.open(db)) {
            store.append(x, 0, List.of(EventStoreContract.tag("ours", 0)));
            StoredEvent theirs = other.append(x, 1, List.of(EventStoreContract.tag("theirs", 0))).get(0);

            ConflictException stale = assertThrows(ConflictException.class, () -> store.append(x, 1, List.of(EventStoreContract.tag("late", 0))));
            StoredEvent next = store.append(x, 2, List.of(EventStoreContract.tag("next", 0))).get(0);

            assertEquals("x is at version 2, not 1: another write came first; read again and retry", stale.getMessage());
            assertEquals(theirs.hash(), next.previousHash(), "chained after the other connection's event");
            assertEquals(List.of(), Audit.verify(store.read(x, 1)));
            assertEquals(3, store.read(x, 1).size());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
