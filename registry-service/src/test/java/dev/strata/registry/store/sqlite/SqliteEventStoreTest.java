package dev.strata.registry.store.sqlite;

import dev.strata.registry.domain.Audit;
import dev.strata.registry.domain.EventStore;
import dev.strata.registry.store.EventStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqliteEventStoreTest implements EventStoreContract {

    @TempDir
    Path dir;

    private SqliteEventStore store;

    @Override
    public EventStore store() {
        store = SqliteEventStore.open(dir.resolve("data/registry.db"));
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void events_survive_reopening_the_file() {
        store().append(SUBJECT, 0, List.of(EventStoreContract.tag("v1.0.0", 0)));
        store.close();

        SqliteEventStore reopened = SqliteEventStore.open(dir.resolve("data/registry.db"));

        assertEquals(1, reopened.version(SUBJECT));
        assertEquals(EventStoreContract.tag("v1.0.0", 0), reopened.read(SUBJECT, 1).get(0).event());
    }

    @Test
    void a_flipped_byte_in_a_stored_event_is_reported_with_subject_and_version() throws Exception {
        store().append(SUBJECT, 0, List.of(EventStoreContract.tag("v1.0.0", 0), EventStoreContract.tag("v1.0.1", 0),
                EventStoreContract.deployment("prod", 0, 0)));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/registry.db"));
             var ps = c.prepareStatement("UPDATE registry_events SET payload = replace(payload, 'v1.0.1', 'v1.0.2') WHERE version = 2")) {
            assertEquals(1, ps.executeUpdate());
        }

        List<Audit.Problem> problems = Audit.verify(store.read(SUBJECT, 1));

        assertEquals(List.of(new Audit.Problem("stock-analyzer", 2,
                "the stored hash does not match the event's content: it was altered")), problems);
    }
}
