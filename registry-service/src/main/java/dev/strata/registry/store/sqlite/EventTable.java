package dev.strata.registry.store.sqlite;

import dev.strata.events.Subject;
import dev.strata.registry.domain.ConflictException;
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

/**
 * The writer's side of the events table: commits a batch of appends in one transaction, each checked against its
 * subject's head as the batch left it. All of a batch's rows go in with one prepared statement; only when that fails
 * (a row the table refuses) is the batch written again, each append under a savepoint of its own, so the failing one is
 * refused alone. The heads of the subjects written are kept between batches and read again only after another
 * connection has committed ({@code PRAGMA data_version} tells).
 */
final class EventTable implements AutoCloseable {

    /** One append as queued: the events to store after {@code expectedVersion} of the subject. */
    record Append(Subject subject, long expectedVersion, List<EncodedEvent> events) {
    }

    /** What became of an append: its stored events, or why it was refused (nothing of it stored). */
    record Outcome(List<StoredEvent> stored, RuntimeException refused) {
    }

    private record Head(long version, String hash) {
    }

    private final Connection connection;
    private final String file;
    private final Statement statement;
    private final PreparedStatement insert;
    private final PreparedStatement head;
    private final PreparedStatement dataVersion;
    /** Heads as this connection committed them, valid while no other connection commits. */
    private final Map<Subject, Head> heads = new HashMap<>();
    private long seenDataVersion = -1;

    /** The table on {@code connection}, which it owns from here on (and closes, also when this fails). */
    EventTable(Connection connection, String file) throws SQLException {
        this.connection = connection;
        this.file = file;
        try {
            this.statement = connection.createStatement();
            this.insert = connection.prepareStatement("INSERT INTO registry_events"
                    + " (subject, version, type, payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)");
            this.head = connection.prepareStatement(
                    "SELECT version, hash FROM registry_events WHERE subject = ? ORDER BY version DESC LIMIT 1");
            this.dataVersion = connection.prepareStatement("PRAGMA data_version");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Commits what of {@code batch} can be stored, in one transaction; the outcomes in the batch's order. */
    List<Outcome> commit(List<Append> batch) throws SQLException {
        statement.execute("BEGIN IMMEDIATE");
        try {
            Map<Subject, Head> after = new HashMap<>();
            List<Outcome> outcomes = decide(batch, after);
            if (!insertAll(batch, outcomes)) {
                statement.execute("ROLLBACK TO batch");
                after.clear();
                outcomes = writeOneByOne(batch, after);
            }
            statement.execute("RELEASE batch");
            statement.execute("COMMIT");
            heads.putAll(after);
            return outcomes;
        } catch (SQLException | RuntimeException e) {
            heads.clear();
            try {
                statement.execute("ROLLBACK");
            } catch (SQLException notRolledBack) {
                // SQLite rolls back by itself after some failures (a full disk): nothing is left to roll back then
                e.addSuppressed(notRolledBack);
            }
            throw e;
        }
    }

    /** Chains each append's events after its subject's head, or refuses it when it expects another version. */
    private List<Outcome> decide(List<Append> batch, Map<Subject, Head> after) throws SQLException {
        forgetHeadsIfOthersCommitted();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Append a : batch) {
            Outcome o = chained(a, after);
            if (o.stored() != null) {
                advance(after, o.stored());
            }
            outcomes.add(o);
        }
        return outcomes;
    }

    /** The append's events chained after its subject's head, or its refusal when it expects another version. */
    private Outcome chained(Append a, Map<Subject, Head> after) throws SQLException {
        Head h = head(a.subject(), after);
        if (h.version() != a.expectedVersion()) {
            return new Outcome(null, new ConflictException(a.subject() + " is at version " + h.version() + ", not " + a.expectedVersion()
                    + ": another write came first; read again and retry"));
        }
        List<StoredEvent> stored = new ArrayList<>(a.events().size());
        String previous = h.hash();
        long version = h.version();
        for (EncodedEvent e : a.events()) {
            StoredEvent s = e.chain(a.subject(), ++version, previous);
            stored.add(s);
            previous = s.hash();
        }
        return new Outcome(List.copyOf(stored), null);
    }

    private static void advance(Map<Subject, Head> after, List<StoredEvent> stored) {
        StoredEvent last = stored.get(stored.size() - 1);
        after.put(last.subject(), new Head(last.version(), last.hash()));
    }

    /** Inserts the stored events of every outcome under savepoint {@code batch}; false when the table refused a row. */
    private boolean insertAll(List<Append> batch, List<Outcome> outcomes) throws SQLException {
        statement.execute("SAVEPOINT batch");
        for (int i = 0; i < batch.size(); i++) {
            List<StoredEvent> stored = outcomes.get(i).stored();
            for (int j = 0; stored != null && j < stored.size(); j++) {
                bind(stored.get(j), batch.get(i).events().get(j));
                insert.addBatch();
            }
        }
        try {
            insert.executeBatch();
            return true;
        } catch (SQLException refused) {
            insert.clearBatch();
            return false;
        }
    }

    /** The batch again, each append under a savepoint of its own: a row the table refuses fails its append alone. */
    private List<Outcome> writeOneByOne(List<Append> batch, Map<Subject, Head> after) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Append a : batch) {
            Outcome o = chained(a, after);
            if (o.stored() != null) {
                o = insertAlone(a, o.stored());
            }
            if (o.stored() != null) {
                advance(after, o.stored());
            }
            outcomes.add(o);
        }
        return outcomes;
    }

    private Outcome insertAlone(Append a, List<StoredEvent> stored) throws SQLException {
        statement.execute("SAVEPOINT append");
        try {
            for (int j = 0; j < stored.size(); j++) {
                bind(stored.get(j), a.events().get(j));
                insert.executeUpdate();
            }
            statement.execute("RELEASE append");
            return new Outcome(stored, null);
        } catch (SQLException e) {
            statement.execute("ROLLBACK TO append");
            statement.execute("RELEASE append");
            return new Outcome(null, refused(a, e));
        }
    }

    private RuntimeException refused(Append a, SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed")) {
            return new ConflictException(a.subject() + ": another write took version " + (a.expectedVersion() + 1) + " first");
        }
        return new IllegalStateException("appending " + a.events().size() + " event(s) to " + a.subject() + " in " + file + ": "
                + e.getMessage() + "; nothing of it was stored", e);
    }

    private void bind(StoredEvent s, EncodedEvent e) throws SQLException {
        insert.setString(1, s.subject().name());
        insert.setLong(2, s.version());
        insert.setString(3, e.type());
        insert.setString(4, e.payload());
        insert.setString(5, s.previousHash());
        insert.setString(6, s.hash());
    }

    /** The subject's head: as this batch left it, else as kept from earlier batches, else as the table holds it. */
    private Head head(Subject subject, Map<Subject, Head> after) throws SQLException {
        Head h = after.get(subject);
        if (h == null) {
            h = heads.get(subject);
        }
        if (h != null) {
            return h;
        }
        head.setString(1, subject.name());
        try (ResultSet rs = head.executeQuery()) {
            h = rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, null);
        }
        heads.put(subject, h);
        return h;
    }

    /** Drops the kept heads when another connection (another store on this file, another process) has committed since. */
    private void forgetHeadsIfOthersCommitted() throws SQLException {
        long v;
        try (ResultSet rs = dataVersion.executeQuery()) {
            rs.next();
            v = rs.getLong(1);
        }
        if (v != seenDataVersion) {
            heads.clear();
            seenDataVersion = v;
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection; statement; insert; head; dataVersion) {
            heads.clear();
        }
    }
}
