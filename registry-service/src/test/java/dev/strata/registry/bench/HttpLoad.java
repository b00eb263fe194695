package dev.strata.registry.bench;

import dev.strata.events.Subject;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Clients over HTTP on 127.0.0.1 ({@link WireClient}s): concurrent appends spread over instances, and the latency of one GET. */
final class HttpLoad {

    private HttpLoad() {
    }

    /**
     * {@code clients} clients, each releasing {@code perClient} tags on a subject of its own through instance
     * {@code client % instances}; every answer must be 201. Returns appends per second.
     */
    static double appends(List<Instance> instances, int clients, int perClient) throws Exception {
        for (int c = 0; c < clients; c++) {
            instances.get(0).registry().push(subject(c), BenchData.history(1));
        }
        for (Instance i : instances) {
            for (int c = 0; c < clients; c++) {
                awaitSubject(i, subject(c));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                URI base = URI.create(instances.get(c % instances.size()).base());
                String path = "/v1/subjects/" + subject(c) + "/tags";
                running.add(pool.submit(() -> {
                    try (WireClient http = new WireClient(base)) {
                        for (int i = 0; i < perClient; i++) {
                            WireClient.Answer r = http.post(path, Instance.TOKEN, "{\"tag\":\"c" + client + "-" + i
                                    + "\",\"revision\":1,\"commit\":\"c0ffee\",\"by\":\"bench\"}");
                            if (r.status() != 201) {
                                throw new IllegalStateException("append " + i + " of client " + client + " answered " + r.status() + ": " + r.body());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(10, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // another instance may still be reading what one acknowledged: its log has to get there, not at once
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (int c = 0; c < clients; c++) {
                long have = instances.get(0).store().version(subject(c));
                while (have < perClient + 1 && System.nanoTime() < until) {
                    Thread.sleep(5);
                    have = instances.get(0).store().version(subject(c));
                }
                if (have != perClient + 1) {
                    throw new IllegalStateException(subject(c) + " holds " + have + " events 30 s after " + perClient + " acknowledged appends");
                }
            }
            return clients * (double) perClient / seconds;
        } finally {
            pool.shutdownNow();
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
                WireClient.Answer r = http.get(uri.getRawPath() + "?" + uri.getRawQuery());
                if (r.status() != 200) {
                    throw new IllegalStateException(url + " answered " + r.status());
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
