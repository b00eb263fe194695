package dev.strata.registry.bench;

import dev.strata.events.ColumnAdded;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.Subject;
import dev.strata.events.TableCreated;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Table;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.http.RegistryServer;
import dev.strata.registry.http.Tokens;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The registry's figures: appends per second on the embedded store, the latency of a schema-at-tag
 * query on a subject with 10,000 revisions (median, p99), and the time to rebuild the projections
 * from 100,000 events at start-up. Run by ci/bench/registry/run.sh.
 */
public final class RegistryBenchmark {

    private RegistryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int totalEvents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("strata-registry-bench");
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("registry.db"))) {
            Subject appends = new Subject("appends");
            int n = 2000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                store.append(appends, i, List.of(tag("a" + i, 0)));
            }
            double perSecond = n / ((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "appends (one event each, synchronous commit): %.0f per second%n", perSecond);

            Subject big = new Subject("big");
            try (Registry registry = new Registry(store)) {
                long t = System.nanoTime();
                registry.push(big, history(revisions));
                System.out.printf(Locale.ROOT, "push of %d revisions: %.1f s%n", revisions, (System.nanoTime() - t) / 1e9);
                registry.release(big, (TagReleased) tag("v1.0.0", revisions / 2));
                try (RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                        Tokens.parse("", true), 1 << 20)) {
                    HttpClient http = HttpClient.newHttpClient();
                    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + "/v1/subjects/big/schema?at=v1.0.0")).build();
                    for (int i = 0; i < 100; i++) {
                        http.send(req, HttpResponse.BodyHandlers.discarding());
                    }
                    long[] latency = new long[1000];
                    for (int i = 0; i < latency.length; i++) {
                        long q = System.nanoTime();
                        HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
                        latency[i] = System.nanoTime() - q;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("schema query answered " + r.statusCode());
                        }
                    }
                    Arrays.sort(latency);
                    System.out.printf(Locale.ROOT, "schema at tag, subject with %d revisions, over HTTP: median %.2f ms, p99 %.2f ms%n",
                            revisions, latency[latency.length / 2] / 1e6, latency[latency.length * 99 / 100] / 1e6);
                }
            }

            Subject other = new Subject("deployments");
            int remaining = totalEvents - n - revisions - 1;
            List<RegistryEvent> batch = new ArrayList<>();
            long version = 0;
            for (int i = 0; i < remaining; i++) {
                batch.add(new DeploymentRecorded("env" + (i % 5), 0, 0, DeploymentRecorded.Outcome.SUCCEEDED, "ci", Instant.EPOCH));
                if (batch.size() == 1000 || i == remaining - 1) {
                    store.append(other, version, batch);
                    version += batch.size();
                    batch = new ArrayList<>();
                }
            }
            long t = System.nanoTime();
            try (Registry rebuilt = new Registry(store)) {
                System.out.printf(Locale.ROOT, "rebuild of the projections from %d events (%d revisions with schema snapshots): %.2f s%n",
                        store.readAll().size(), rebuilt.view(big).head(), (System.nanoTime() - t) / 1e9);
            }
        }
    }

    private static RegistryEvent tag(String name, int revision) {
        return new TagReleased(name, revision, "c0ffee", "bench", Instant.EPOCH);
    }

    /** A valid history: every tenth revision creates a table, the others add a column to one. */
    static List<Revision> history(int n) {
        List<Revision> out = new ArrayList<>();
        String parent = null;
        int tables = 0;
        for (int i = 1; i <= n; i++) {
            SchemaEvent e;
            if (i % 10 == 1) {
                e = new TableCreated(new Table(Identifier.of("t" + tables), List.of(new Column(Identifier.of("id"), "INTEGER", true, null, null)),
                        PrimaryKey.of("id"), List.of(), List.of(), List.of()));
                tables++;
            } else {
                e = new ColumnAdded(Identifier.of("t" + (tables - 1)), Column.of("c" + i, "TEXT"));
            }
            Revision r = RevisionHasher.seal(new Revision(i, "r" + i, "revision " + i, "bench", Instant.EPOCH.plusSeconds(i),
                    parent, List.of(e), null));
            out.add(r);
            parent = r.hash();
        }
        return out;
    }
}
