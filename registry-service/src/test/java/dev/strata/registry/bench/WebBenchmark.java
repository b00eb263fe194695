package dev.strata.registry.bench;

import dev.strata.events.Subject;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.http.RegistryServer;
import dev.strata.registry.http.ServerLimits;
import dev.strata.registry.http.Tokens;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;
import dev.strata.registry.web.Access;
import dev.strata.registry.web.WebUi;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The web UI's server time per page on a subject of 10,000 revisions (100 tags, 1,000 deployments): each page
 * requested 200 times after a warm-up, the server's own time read from its Server-Timing header (median, p99,
 * max), with the page's size. Run by ci/bench/registry/web.sh.
 */
public final class WebBenchmark {

    private WebBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("strata-web-bench");
        Subject big = new Subject("big");
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("registry.db")); Registry registry = new Registry(store)) {
            registry.push(big, BenchData.history(revisions));
            for (int i = 1; i <= 100; i++) {
                registry.release(big, new TagReleased("v" + i, revisions * i / 100, "c0ffee", "bench", Instant.EPOCH.plusSeconds(i)));
            }
            DeploymentRecorded.Outcome[] outcomes = DeploymentRecorded.Outcome.values();
            for (int i = 0; i < 1000; i++) {
                registry.deploy(big, new DeploymentRecorded("env" + (i % 4), 0, revisions * (i + 1) / 1000, outcomes[i % outcomes.length],
                        "ci", Instant.EPOCH.plusSeconds(i)));
            }
            WebUi pages = new WebUi(registry, new Access(true, t -> false), s -> Optional.empty(), Clock.systemUTC());
            try (RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                    Tokens.parse("", true), ServerLimits.DEFAULT, Optional.of(pages))) {
                HttpClient http = HttpClient.newHttpClient();
                System.out.printf(Locale.ROOT, "web UI server time, subject of %d revisions, %d events (median / p99 / max, page size)%n",
                        revisions, registry.view(big).history().size());
                for (String path : List.of("/", "/subjects/big", "/subjects/big?page=200", "/subjects/big/revisions/" + (revisions - 1),
                        "/subjects/big/schema?at=v50", "/subjects/big/schema", "/subjects/big/tags/v100", "/subjects/big/diff?from=v99&to=v100",
                        "/subjects/big/diff?from=0&to=head", "/subjects/big/audit")) {
                    measure(http, "http://127.0.0.1:" + server.port() + path, path);
                }
            }
        }
    }

    private static void measure(HttpClient http, String url, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
        int size = 0;
        for (int i = 0; i < 30; i++) {
            size = http.send(req, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        double[] server = new double[200];
        for (int i = 0; i < server.length; i++) {
            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            server[i] = Double.parseDouble(r.headers().firstValue("Server-Timing").orElseThrow().replace("app;dur=", ""));
        }
        Arrays.sort(server);
        System.out.printf(Locale.ROOT, "  %-40s %7.2f / %7.2f / %7.2f ms  %8d bytes%n", path, server[server.length / 2],
                server[server.length * 99 / 100], server[server.length - 1], size);
    }
}
