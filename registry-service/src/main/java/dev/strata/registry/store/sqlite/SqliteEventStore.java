package dev.strata.registry.store.sqlite;

import dev.strata.events.Subject;
import dev.strata.registry.domain.EventStore;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.RegistryEvents;
import dev.strata.registry.domain.StoredEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link EventStore} on one SQLite file (WAL, synchronous FULL): an append-only table with a unique
 * (subject, version). Appends go through one writer that commits concurrent appends together
 * ({@link GroupCommit}); each runs in a write transaction that first checks the subject's version,
 * so concurrent writers with the same expected version cannot both succeed, in one process or many.
 */
public final class SqliteEventStore implements EventStore {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS registry_events (
                position INTEGER PRIMARY KEY AUTOINCREMENT,
                subject TEXT NOT NULL,
                version INTEGER NOT NULL,
                type TEXT NOT NULL,
                payload TEXT NOT NULL,
                previous_hash TEXT,
                hash TEXT NOT NULL,
                UNIQUE (subject, version)
            )""";

    private final Path file;
    private final List<Consumer<StoredEvent>> listeners = new CopyOnWriteArrayList<>();
    // one connection for reads, used under this store's lock: opening one per call cost more than the query itself
    private Connection connection;
    // the writer has a connection of its own, so reads go on while a batch commits (WAL)
    private volatile GroupCommit writer;
    private boolean closed;

    private SqliteEventStore(Path file) {
        this.file = file;
    }

    /** Opens (creating if needed) the store in {@code file}. */
    public static SqliteEventStore open(Path file) {
        SqliteEventStore store = new SqliteEventStore(file.toAbsolutePath());
        try {
            Files.createDirectories(store.file.getParent());
            try (Connection c = store.connect(); Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute(SCHEMA);
            }
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("opening the event store " + file + ": " + e.getMessage(), e);
        }
        return store;
    }

    private synchronized Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = connect();
        }
        return connection;
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("busy_timeout", "30000");
        p.setProperty("synchronous", "FULL");
        p.setProperty("journal_mode", "WAL");
        return DriverManager.getConnection("jdbc:sqlite:" + file, p);
    }

    @Override
    public List<StoredEvent> append(Subject subject, long expectedVersion, List<RegistryEvent> events) {
        GroupCommit w = writer;
        // the store's lock only when the writer is not open yet: appends must not queue behind reads for it
        return (w != null ? w : writer()).append(subject, expectedVersion, events);
    }

    private synchronized GroupCommit writer() {
        if (closed) {
            throw new IllegalStateException("the event store " + file + " is closed; nothing was stored");
        }
        if (writer == null) {
            try {
                EventTable table = new EventTable(connect(), file.toString());
                writer = new GroupCommit(table, file.toString(), e -> listeners.forEach(l -> l.accept(e)));
            } catch (SQLException e) {
                throw new IllegalStateException("opening the event store " + file + " for writing: " + e.getMessage(), e);
            }
        }
        return writer;
    }

    /** Write transactions this store has committed since it was opened (each may hold many appends). */
    long commits() {
        GroupCommit w = writer;
        return w == null ? 0 : w.commits();
    }

    /**
     * The event in the current row; {@code subjects} holds the subjects read so far, each validated once, and {@code last}
     * each subject's last hash, whose string its next event shares (a million hashes fewer to keep).
     */
    private static StoredEvent row(ResultSet rs, Map<String, Subject> subjects, Map<Subject, String> last) throws SQLException {
        Subject subject = subjects.computeIfAbsent(rs.getString(1), Subject::new);
        String previous = rs.getString(5);
        String before = last.get(subject);
        StoredEvent e = new StoredEvent(subject, rs.getLong(2), RegistryEvents.parse(rs.getString(3), rs.getString(4)),
                before != null && before.equals(previous) ? before : previous, rs.getString(6));
        last.put(subject, e.hash());
        return e;
    }

    @Override
    public List<StoredEvent> read(Subject subject, long fromVersion) {
        return query("SELECT subject, version, type, payload, previous_hash, hash FROM registry_events"
                + " WHERE subject = ? AND version >= ? ORDER BY version", subject.name(), fromVersion);
    }

    @Override
    public List<StoredEvent> readAll() {
        return query("SELECT subject, version, type, payload, previous_hash, hash FROM registry_events ORDER BY position");
    }

    private synchronized List<StoredEvent> query(String sql, Object... args) {
        List<StoredEvent> out = new ArrayList<>();
        Map<String, Subject> subjects = new HashMap<>();
        Map<Subject, String> last = new HashMap<>();
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs, subjects, last));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the event store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long version(Subject subject) {
        try (PreparedStatement ps = connection().prepareStatement("SELECT COALESCE(MAX(version), 0) FROM registry_events WHERE subject = ?")) {
            ps.setString(1, subject.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the version of " + subject + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Subject> subjects() {
        List<Subject> out = new ArrayList<>();
        try (Statement st = connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT subject FROM registry_events ORDER BY subject")) {
            while (rs.next()) {
                out.add(new Subject(rs.getString(1)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("listing subjects in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<StoredEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        GroupCommit w;
        synchronized (this) {
            w = writer;
            writer = null;
            closed = true;
        }
        // outside the lock: the writer's last commits may notify listeners that read this store
        if (w != null) {
            w.close();
        }
        closeReads();
    }

    private synchronized void closeReads() {
        listeners.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException("closing the event store " + file + ": " + e.getMessage(), e);
            }
            connection = null;
        }
    }
}
