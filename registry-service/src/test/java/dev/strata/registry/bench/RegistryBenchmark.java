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
            "appends", 300, "warmup", 32_000, "fillers", 100, "queries", 1000, "kafka", 1, "rebuilds", 1, "threads", 32);
    /** What a run measures: everything, or one figure alone (to profile it). */
    private static final List<String> MODES = List.of("all", "appends", "rebuild", "schema");

    private RegistryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> size = new HashMap<>(DEFAULTS);
        String mode = "all";
        for (String a : args) {
            if (MODES.contains(a)) {
                mode = a;
                continue;
            }
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !DEFAULTS.containsKey(kv[0]) || !kv[1].matches("[0-9]{1,9}")) {
                System.err.println("error: argument '" + a + "': expected one of " + MODES + " or KEY=NUMBER with KEY one of "
                        + DEFAULTS.keySet());
                System.exit(2);
            }
            size.put(kv[0], Integer.parseInt(kv[1]));
        }
        Path dir = Files.createTempDirectory("strata-registry-bench");
        Figures figures = new Figures();
        boolean kafka = size.get("kafka") != 0;
        try (KafkaBroker broker = kafka ? KafkaBroker.start() : null) {
            Supplier<KafkaSettings> topic = new Supplier<>() {
                private int n;

                @Override
                public KafkaSettings get() {
                    // a long timeout: a slow rebuild should be measured, not cut off
                    return new KafkaSettings(broker.bootstrapServers(), "bench-" + (++n), 1, (short) 1, 1, Duration.ofSeconds(300));
                }
            };
            if (mode.equals("all") || mode.equals("appends")) {
                appends(size, figures, dir, topic, kafka);
            }
            if (!mode.equals("appends")) {
                bigStore(size, figures, mode, "sqlite", () -> SqliteEventStore.open(dir.resolve("big.db")));
                if (kafka) {
                    KafkaSettings big = topic.get();
                    bigStore(size, figures, mode, "kafka", () -> KafkaEventStore.open(big));
                }
            }
        }
        System.out.println();
        System.out.print(figures.table(size));
    }

    private static void appends(Map<String, Integer> size, Figures figures, Path dir, Supplier<KafkaSettings> topic, boolean withKafka)
            throws Exception {
        int clients = size.get("clients");
        int perClient = size.get("appends");
        int warmup = size.get("warmup");
        int threads = size.get("threads");
        try (Instance sqlite = Instance.start(SqliteEventStore.open(dir.resolve("appends.db")), threads)) {
            put(figures, "sqlite", HttpLoad.appends(List.of(sqlite), clients, warmup, perClient));
        }
        if (!withKafka) {
            return;
        }
        KafkaSettings one = topic.get();
        try (Instance kafka = Instance.start(KafkaEventStore.open(one), threads)) {
            // the SQLite run's warm-up compiled the HTTP and registry path already; a Kafka append waits for the broker
            put(figures, "kafka", HttpLoad.appends(List.of(kafka), clients, 0, perClient));
        }
        KafkaSettings three = topic.get();
        List<Instance> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                instances.add(Instance.start(KafkaEventStore.open(three), threads));
            }
            put(figures, "kafka x3", HttpLoad.appends(instances, clients, 0, perClient));
        } finally {
            instances.forEach(Instance::close);
        }
    }

    private static void put(Figures figures, String store, HttpLoad.Appends run) {
        figures.put("appends", store, run.perSecond());
        System.out.println("cpu per append, " + store + ": " + CpuTime.describe(run.cpu()));
    }

    /**
     * Loads a store with the big subject and fillers, reopens it timing the rebuild ({@code rebuilds} times, the fastest
     * counts), then measures schema-at-tag over HTTP unless only the rebuild is asked for.
     */
    private static void bigStore(Map<String, Integer> size, Figures figures, String mode, String name, Supplier<EventStore> open)
            throws Exception {
        int revisions = size.get("revisions");
        long t = System.nanoTime();
        try (EventStore store = open.get()) {
            BenchData.load(store, revisions, size.get("events"), size.get("fillers"));
        }
        System.out.printf("%s: loaded %,d events in %.1f s%n", name, size.get("events"), (System.nanoTime() - t) / 1e9);
        double fastest = Double.MAX_VALUE;
        EventStore store = null;
        Registry registry = null;
        for (int i = 0; i < size.get("rebuilds"); i++) {
            if (store != null) {
                registry.close();
                store.close();
            }
            System.gc();
            long start = System.nanoTime();
            store = open.get();
            registry = new Registry(store);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: rebuild %d took %.2f s%n", name, i + 1, seconds);
            fastest = Math.min(fastest, seconds);
        }
        figures.put("rebuild", name, fastest);
        if (registry.view(BenchData.BIG).head() != revisions) {
            throw new IllegalStateException(name + ": the rebuilt registry has " + registry.view(BenchData.BIG).head() + " revisions of "
                    + BenchData.BIG + ", not " + revisions);
        }
        if (mode.equals("rebuild")) {
            registry.close();
            store.close();
            return;
        }
        try (Instance instance = Instance.start(store, registry, size.get("threads"))) {
            double[] ms = HttpLoad.latencies(instance.base() + "/v1/subjects/" + BenchData.BIG + "/schema?at=" + BenchData.TAG, 100,
                    size.get("queries"));
            figures.put("schema p50", name, ms[ms.length / 2]);
            figures.put("schema p99", name, ms[ms.length * 99 / 100]);
        }
    }
}
