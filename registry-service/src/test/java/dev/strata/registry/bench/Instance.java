package dev.strata.registry.bench;

import dev.strata.registry.domain.EventStore;
import dev.strata.registry.http.RegistryServer;
import dev.strata.registry.http.ServerLimits;
import dev.strata.registry.http.Tokens;
import dev.strata.registry.service.Registry;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** One registry instance as it runs in production: a store, its projections, and the HTTP server on 127.0.0.1. */
record Instance(EventStore store, Registry registry, RegistryServer server) implements AutoCloseable {

    static final String TOKEN = "bench-write-token-0123456789";

    /** An instance on {@code store} with {@code threads} worker threads. */
    static Instance start(EventStore store, int threads) {
        return start(store, new Registry(store), threads);
    }

    static Instance start(EventStore store, Registry registry, int threads) {
        RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                Tokens.parse("write:" + TOKEN, true), ServerLimits.DEFAULT.withMaxThreads(threads));
        return new Instance(store, registry, server);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        registry.close();
        store.close();
    }
}
