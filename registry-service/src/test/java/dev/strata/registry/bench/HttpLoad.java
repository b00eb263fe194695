package dev.strata.registry.bench;

import dev.strata.events.Subject;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Clients over HTTP on 127.0.0.1 ({@link WireClient}s): concurrent appends spread over instances, and the latency of one GET. */
final class HttpLoad {

    /** The name of the clients' threads, which {@link CpuTime} counts apart from the registry's. */
    static final String CLIENT_THREAD = "bench-client-";

    /** A run of appends: how many per second, and the CPU microseconds per append by thread group ({@link CpuTime}). */
    record Appends(double perSecond, Map<String, Double> cpu) {
    }

    private HttpLoad() {
    }

    /**
     * {@code clients} clients, each releasing its share of {@code warmup} tags and then {@code perClient} measured ones on a
     * subject of its own through instance {@code client % instances}, on one connection; every answer must be 201. The
     * warm-up lets the JIT compile the path first: on two busy cores its compilers take most of the CPU of the first
     * 20,000 or so appends, and the figure would measure them instead of the registry.
     */
    static Appends appends(List<Instance> instances, int clients, int warmup, int perClient) throws Exception {
        int warmupPerClient = (warmup + clients - 1) / clients;
        for (int c = 0; c < clients; c++) {
            instances.get(0).registry().push(subject(c), BenchData.history(1));
        }
        for (Instance i : instances) {
            for (int c = 0; c < clients; c++) {
                awaitSubject(i, subject(c));
            }
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, CLIENT_THREAD + threads.incrementAndGet()));
        List<WireClient> connections = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                connections.add(new WireClient(URI.create(instances.get(c % instances.size()).base())));
            }
            release(pool, connections, "w", warmupPerClient);
            CpuTime cpu = CpuTime.now();
            long start = System.nanoTime();
            release(pool, connections, "c", perClient);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> used = CpuTime.now().since(cpu, clients * perClient);
            // another instance may still be reading what one acknowledged: its log has to get there, not at once
            long events = 1 + warmupPerClient + perClient;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (int c = 0; c < clients; c++) {
                long have = instances.get(0).store().version(subject(c));
                while (have < events && System.nanoTime() < until) {
                    Thread.sleep(5);
                    have = instances.get(0).store().version(subject(c));
                }
                if (have != events) {
                    throw new IllegalStateException(subject(c) + " holds " + have + " events 30 s after " + (events - 1)
                            + " acknowledged appends");
                }
            }
            return new Appends(clients * (double) perClient / seconds, used);
        } finally {
            pool.shutdownNow();
            for (WireClient c : connections) {
                c.close();
            }
        }
    }

    /** Each connection releases {@code count} tags named {@code <prefix><client>-<i>} on its subject, all at once; waits for all. */
    private static void release(ExecutorService pool, List<WireClient> connections, String prefix, int count) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < connections.size(); c++) {
            int client = c;
            WireClient http = connections.get(c);
            String path = "/v1/subjects/" + subject(c) + "/tags";
            running.add(pool.submit(() -> {
                for (int i = 0; i < count; i++) {
                    WireClient.Answer r = http.post(path, Instance.TOKEN, "{\"tag\":\"" + prefix + client + "-" + i
                            + "\",\"revision\":1,\"commit\":\"c0ffee\",\"by\":\"bench\"}");
                    if (r.status() != 201) {
                        throw new IllegalStateException("append " + i + " of client " + client + " answered " + r.status() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(10, TimeUnit.MINUTES);
        }
    }

    private static Subject subject(int client) {
        return new Subject("load-" + client);
    }

    private static void awaitSubject(Instance instance, Subject subject) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!instance.registry().exists(subject)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException(instance.base() + " did not see " + subject + " within 30 s");
            }
            Thread.sleep(5);
        }
    }

    /** Sorted latencies in ms of {@code n} GETs of {@code url} after {@code warmup} unmeasured ones; every answer must be 200. */
    static double[] latencies(String url, int warmup, int n) throws Exception {
        URI uri = URI.create(url);
        double[] out = new double[n];
        try (WireClient http = new WireClient(uri)) {
            for (int i = -warmup; i < n; i++) {
                long q = System.nanoTime();
                int status = http.getAndDrop(uri.getRawPath() + "?" + uri.getRawQuery());
                if (status != 200) {
                    throw new IllegalStateException(url + " answered " + status);
                }
                if (i >= 0) {
                    out[i] = (System.nanoTime() - q) / 1e6;
                }
            }
        }
        Arrays.sort(out);
        return out;
    }
}
