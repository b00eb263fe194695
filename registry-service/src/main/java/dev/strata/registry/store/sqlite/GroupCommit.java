package dev.strata.registry.store.sqlite;

import dev.strata.events.Subject;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.StoredEvent;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The store's one writer: appends that arrive while a commit is under way are committed together in the next
 * transaction (one fsync for the batch), and each caller is answered only after the commit that holds its events.
 * Each append is checked against its subject's version as the batch left it ({@link EventTable}), so a conflicting
 * append is refused alone and never stored, while the others of its batch commit.
 */
final class GroupCommit implements AutoCloseable {

    /** Appends per transaction at most: bounds how long one commit holds the file. */
    private static final int MAX_BATCH = 1000;

    private record Pending(EventTable.Append append, CompletableFuture<List<StoredEvent>> done) {
    }

    private final EventTable table;
    private final String file;
    private final Consumer<StoredEvent> committed;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    private final AtomicLong commits = new AtomicLong();

    /** {@code committed} sees every stored event, in order, after its commit and before its caller is answered. */
    GroupCommit(EventTable table, String file, Consumer<StoredEvent> committed) {
        this.table = table;
        this.file = file;
        this.committed = committed;
        this.writer = new Thread(this::run, "strata-sqlite-writer");
        writer.setDaemon(true);
        writer.start();
    }

    List<StoredEvent> append(Subject subject, long expectedVersion, List<RegistryEvent> events) {
        // the payloads are rendered and encoded here, on the caller's thread: the writer only chains them
        List<EncodedEvent> encoded = events.stream().map(EncodedEvent::new).toList();
        Pending p = new Pending(new EventTable.Append(subject, expectedVersion, encoded), new CompletableFuture<>());
        synchronized (this) {
            if (!running) {
                throw new IllegalStateException("appending to " + subject + ": the event store " + file + " is closed; nothing was stored");
            }
            queue.add(p);
        }
        try {
            return p.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending to " + subject + "; the append may still be committed", e);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                running = false;
            } catch (Throwable t) {
                IllegalStateException failed = new IllegalStateException("committing " + batch.size() + " append(s) to " + file + ": "
                        + t.getMessage() + "; none of them was stored", t);
                batch.forEach(p -> p.done().completeExceptionally(failed));
            }
        }
    }

    private void commit(List<Pending> batch) throws SQLException {
        List<EventTable.Outcome> outcomes = table.commit(batch.stream().map(Pending::append).toList());
        commits.incrementAndGet();
        for (int i = 0; i < batch.size(); i++) {
            EventTable.Outcome o = outcomes.get(i);
            if (o.stored() != null) {
                o.stored().forEach(this::notify);
                batch.get(i).done().complete(o.stored());
            } else {
                batch.get(i).done().completeExceptionally(o.refused());
            }
        }
    }

    private void notify(StoredEvent e) {
        try {
            committed.accept(e);
        } catch (RuntimeException listenerFailed) {
            // a listener's failure is its own: the event is committed and its caller is answered
            System.err.println("strata registry: a subscriber failed on " + e.subject() + " version " + e.version() + ": " + listenerFailed);
        }
    }

    /** Transactions committed so far. */
    long commits() {
        return commits.get();
    }

    /** Commits what is queued, then stops; appends after this are refused. */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            table.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the event store " + file + ": " + e.getMessage(), e);
        }
    }
}
