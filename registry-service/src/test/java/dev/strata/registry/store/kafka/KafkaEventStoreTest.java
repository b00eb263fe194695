package dev.strata.registry.store.kafka;

import dev.strata.registry.domain.EventStore;
import dev.strata.registry.store.EventStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The event store contract on a real KRaft broker: each test gets its own topic. */
class KafkaEventStoreTest implements EventStoreContract {

    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private final List<EventStore> opened = new ArrayList<>();

    @Override
    public EventStore store() {
        EventStore store = KafkaEventStore.open(KafkaSettings.of(BROKER.bootstrapServers(), "contract-" + TOPICS.incrementAndGet()));
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(EventStore::close);
    }
}
