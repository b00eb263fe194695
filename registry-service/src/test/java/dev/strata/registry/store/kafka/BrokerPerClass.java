package dev.strata.registry.store.kafka;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real KRaft broker for the tests of one class: started before the first, stopped after the last.
 *
 * <pre>@RegisterExtension static final BrokerPerClass BROKER = new BrokerPerClass(); ... BROKER.bootstrapServers()</pre>
 */
public final class BrokerPerClass implements BeforeAllCallback, AfterAllCallback {

    private KafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = KafkaBroker.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.close();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Stops the broker and starts it again on the same port and data. */
    public void restart() {
        broker.restart();
    }
}
