package dev.strata.registry.bench;

import dev.strata.registry.domain.EventStore;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.kafka.KafkaBroker;
import dev.strata.registry.store.kafka.KafkaEventStore;
import dev.strata.registry.store.kafka.KafkaSettings;
import dev.strata.registry.store.sqlite.SqliteEventStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry's figures, each store beside the SQLite store measured in the same run: appends per second from
 * concurrent HTTP clients (SQLite, Kafka through one instance, Kafka through three instances on one in-process
 * broker), schema-at-tag latency over HTTP on a subject with many revisions, and the time to rebuild the projections
 * from a store holding many events. Run by ci/bench/registry/run.sh; sizes are {@code key=value} arguments.
 */
public final class RegistryBenchmark {

    private static final Map<String, Integer> DEFAULTS = Map.of("revisions", 10_000, "events", 1_000_000, "clients", 16,
            "appends", 300, "fillers", 100, "queries", 1000);

    private RegistryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> size = new HashMap<>(DEFAULTS);
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !DEFAULTS.containsKey(kv[0]) || !kv[1].matches("[0-9]{1,9}")) {
                System.err.println("error: argument '" + a + "': expected KEY=NUMBER with KEY one of " + DEFAULTS.keySet());
                System.exit(2);
            }
            size.put(kv[0], Integer.parseInt(kv[1]));
        }
        Path dir = Files.createTempDirectory("strata-registry-bench");
        Figures figures = new Figures();
        try (KafkaBroker broker = KafkaBroker.start()) {
            Supplier<KafkaSettings> topic = new Supplier<>() {
                private int n;

                @Override
                public KafkaSettings get() {
                    // a long timeout: a slow rebuild should be measured, not cut off
                    return new KafkaSettings(broker.bootstrapServers(), "bench-" + (++n), 1, (short) 1, 1, Duration.ofSeconds(300));
                }
            };
            appends(size, figures, dir, topic);
            KafkaSettings big = topic.get();
            bigStore(size, figures, "sqlite", () -> SqliteEventStore.open(dir.resolve("big.db")));
            bigStore(size, figures, "kafka", () -> KafkaEventStore.open(big));
        }
        System.out.println();
        System.out.print(figures.table(size));
    }

    private static void appends(Map<String, Integer> size, Figures figures, Path dir, Supplier<KafkaSettings> topic) throws Exception {
        int clients = size.get("clients");
        int perClient = size.get("appends");
        try (Instance sqlite = Instance.start(SqliteEventStore.open(dir.resolve("appends.db")))) {
            figures.put("appends", "sqlite", HttpLoad.appends(List.of(sqlite), clients, perClient));
        }
        KafkaSettings one = topic.get();
        try (Instance kafka = Instance.start(KafkaEventStore.open(one))) {
            figures.put("appends", "kafka", HttpLoad.appends(List.of(kafka), clients, perClient));
        }
        KafkaSettings three = topic.get();
        List<Instance> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                instances.add(Instance.start(KafkaEventStore.open(three)));
            }
            figures.put("appends", "kafka x3", HttpLoad.appends(instances, clients, perClient));
        } finally {
            instances.forEach(Instance::close);
        }
    }

    /** Loads a store with the big subject and fillers, reopens it timing the rebuild, then measures schema-at-tag over HTTP. */
    private static void bigStore(Map<String, Integer> size, Figures figures, String name, Supplier<EventStore> open) throws Exception {
        int revisions = size.get("revisions");
        long t = System.nanoTime();
        try (EventStore store = open.get()) {
            BenchData.load(store, revisions, size.get("events"), size.get("fillers"));
        }
        System.out.printf("%s: loaded %,d events in %.1f s%n", name, size.get("events"), (System.nanoTime() - t) / 1e9);
        System.gc();
        long start = System.nanoTime();
        EventStore store = open.get();
        Registry registry = new Registry(store);
        figures.put("rebuild", name, (System.nanoTime() - start) / 1e9);
        if (registry.view(BenchData.BIG).head() != revisions) {
            throw new IllegalStateException(name + ": the rebuilt registry has " + registry.view(BenchData.BIG).head() + " revisions of "
                    + BenchData.BIG + ", not " + revisions);
        }
        try (Instance instance = Instance.start(store, registry)) {
            double[] ms = HttpLoad.latencies(instance.base() + "/v1/subjects/" + BenchData.BIG + "/schema?at=" + BenchData.TAG, 100,
                    size.get("queries"));
            figures.put("schema p50", name, ms[ms.length / 2]);
            figures.put("schema p99", name, ms[ms.length * 99 / 100]);
        }
    }
}
