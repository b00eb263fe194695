package dev.strata.registry.store.sqlite;

import dev.strata.events.Subject;
import dev.strata.registry.domain.ConflictException;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The store's one writer: appends that arrive while a commit is under way are committed together in the next
 * transaction (one fsync for the batch), and each caller is answered only after the commit that holds its events.
 * Each append is checked against its subject's version as the batch left it and written under its own savepoint,
 * so a conflicting append is refused alone and never stored, while the others of its batch commit.
 */
final class GroupCommit implements AutoCloseable {

    /** Appends per transaction at most: bounds how long one commit holds the file. */
    private static final int MAX_BATCH = 1000;

    private record Pending(Subject subject, long expectedVersion, List<RegistryEvent> events, CompletableFuture<List<StoredEvent>> done) {
    }

    private record Head(long version, String hash) {
    }

    private final Connection connection;
    private final String file;
    private final Consumer<StoredEvent> committed;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    /** {@code committed} sees every stored event, in order, after its commit and before its caller is answered. */
    GroupCommit(Connection connection, String file, Consumer<StoredEvent> committed) {
        this.connection = connection;
        this.file = file;
        this.committed = committed;
        this.writer = new Thread(this::run, "strata-sqlite-writer");
        writer.setDaemon(true);
        writer.start();
    }

    List<StoredEvent> append(Subject subject, long expectedVersion, List<RegistryEvent> events) {
        Pending p = new Pending(subject, expectedVersion, List.copyOf(events), new CompletableFuture<>());
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
        List<List<StoredEvent>> results = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                Map<Subject, Head> heads = new HashMap<>();
                for (Pending p : batch) {
                    results.add(write(st, p, heads));
                }
                st.execute("COMMIT");
                commits.incrementAndGet();
            } catch (SQLException | RuntimeException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            List<StoredEvent> stored = results.get(i);
            if (stored != null) {
                stored.forEach(this::notify);
                batch.get(i).done().complete(stored);
            }
        }
    }

    /** Writes one append under a savepoint: its events, or null when it was refused (its caller is answered at once). */
    private List<StoredEvent> write(Statement st, Pending p, Map<Subject, Head> heads) throws SQLException {
        Head head = heads.get(p.subject());
        if (head == null) {
            head = head(p.subject());
        }
        if (head.version() != p.expectedVersion()) {
            p.done().completeExceptionally(new ConflictException(p.subject() + " is at version " + head.version() + ", not "
                    + p.expectedVersion() + ": another write came first; read again and retry"));
            return null;
        }
        st.execute("SAVEPOINT append");
        List<StoredEvent> stored = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO registry_events"
                + " (subject, version, type, payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")) {
            String previous = head.hash();
            long version = head.version();
            for (RegistryEvent e : p.events()) {
                StoredEvent s = StoredEvent.chain(p.subject(), ++version, e, previous);
                ps.setString(1, p.subject().name());
                ps.setLong(2, s.version());
                ps.setString(3, e.type());
                ps.setString(4, e.payload());
                ps.setString(5, previous);
                ps.setString(6, s.hash());
                ps.executeUpdate();
                stored.add(s);
                previous = s.hash();
            }
            st.execute("RELEASE append");
            heads.put(p.subject(), new Head(version, previous));
            return List.copyOf(stored);
        } catch (SQLException e) {
            st.execute("ROLLBACK TO append");
            st.execute("RELEASE append");
            p.done().completeExceptionally(e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed")
                    ? new ConflictException(p.subject() + ": another write took version " + (p.expectedVersion() + 1) + " first")
                    : new IllegalStateException("appending " + p.events().size() + " event(s) to " + p.subject() + " in " + file + ": "
                    + e.getMessage() + "; nothing of it was stored", e));
            return null;
        }
    }

    private Head head(Subject subject) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT version, hash FROM registry_events WHERE subject = ? ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, subject.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, null);
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
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the event store " + file + ": " + e.getMessage(), e);
        }
    }
}
