package dev.strata.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.events.Subject;
import dev.strata.registry.domain.Audit;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent clients and a server killed with SIGKILL: every acknowledged write is in the log exactly once. */
class RegistryDurabilityTest {

    private static final String WRITE = "write-token-0123456789";
    private static final List<Subject> SUBJECTS = List.of(new Subject("alpha"), new Subject("beta"));

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Releases {@code tag} on {@code subject}: the status, or the I/O failure (a refused or cut connection). */
    private int tag(int port, Subject subject, String tag) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/subjects/" + subject + "/tags"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + WRITE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"tag\":\"" + tag + "\",\"revision\":0,\"commit\":\"c\",\"by\":\"t\"}")).build();
        HttpResponse<String> response = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), () -> "releasing " + subject + "/" + tag + ": " + response.body());
        return response.statusCode();
    }

    /** Every tag in the logs of both subjects, as subject/tag, after checking each chain and the rebuilt projection. */
    private static List<String> loggedTags(Path db) {
        try (SqliteEventStore store = SqliteEventStore.open(db)) {
            List<String> tags = new ArrayList<>();
            for (Subject s : SUBJECTS) {
                List<StoredEvent> log = store.read(s, 1);
                assertEquals(List.of(), Audit.verify(log), "the chain of " + s + " verifies");
                List<StoredEvent> tagged = log.stream().filter(e -> e.event() instanceof TagReleased).toList();
                assertEquals(log.size() - 1, tagged.size(), "the first revision, then tags only");
                tagged.forEach(e -> tags.add(s + "/" + ((TagReleased) e.event()).tag()));
                try (Registry rebuilt = new Registry(store)) {
                    assertEquals(tagged.size(), rebuilt.view(s).log().tags().size(), "the projection of " + s + " rebuilt from the log");
                }
            }
            return tags;
        }
    }

    @Test
    void sixteen_clients_writing_at_once_lose_and_duplicate_nothing() throws Exception {
        Path db = dir.resolve("registry.db");
        FirstRevision.push(db, SUBJECTS);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (SqliteEventStore store = SqliteEventStore.open(db); Registry registry = new Registry(store);
             RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                     Tokens.parse("write:" + WRITE, true), 1 << 16)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        Subject s = SUBJECTS.get(i % 2);
                        tag(server.port(), s, "c" + client + "-" + i);
                        acknowledged.add(s + "/c" + client + "-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }

        List<String> logged = loggedTags(db);

        assertEquals(16 * 25, acknowledged.size());
        assertEquals(16 * 25, logged.size(), "no event twice");
        assertEquals(acknowledged, Set.copyOf(logged));
    }

    /**
     * Each round starts the registry as its own process, lets four clients write until 40 writes are
     * acknowledged, then kills it with SIGKILL. A client's one write in flight at the kill is in doubt
     * (its commit may or may not have happened); every write acknowledged with 201 must be in the log,
     * nothing may be there twice or unasked, and no write may fail before the kill.
     */
    @Test
    void a_server_killed_repeatedly_during_writes_keeps_every_acknowledged_write() throws Exception {
        Path data = dir.resolve("data");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> inDoubt = ConcurrentHashMap.newKeySet();
        FirstRevision.push(data.resolve("registry.db"), SUBJECTS);
        for (int round = 0; round < 3; round++) {
            Process server = RegistryProcess.start(Map.of("STRATA_REGISTRY_TOKENS", "write:" + WRITE),
                    "--port", "0", "--data", data.toString(), "--open-reads");
            int port = RegistryProcess.port(server);
            CountDownLatch enough = new CountDownLatch(40);
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String prefix = "r" + round + "-c" + c + "-";
                clients.add(pool.submit(() -> {
                    for (int i = 0; ; i++) {
                        Subject s = SUBJECTS.get(i % 2);
                        try {
                            tag(port, s, prefix + i);
                        } catch (IOException cut) {
                            assertTrue(killed.get(), () -> "a write failed before the server was killed: " + cut);
                            inDoubt.add(s + "/" + prefix + i);
                            return null;
                        }
                        acknowledged.add(s + "/" + prefix + i);
                        enough.countDown();
                    }
                }));
            }
            boolean reached = enough.await(120, TimeUnit.SECONDS);
            killed.set(true);
            server.destroyForcibly();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
            for (Future<?> f : clients) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertTrue(reached, "40 writes were not acknowledged in round " + round);
        }

        List<String> logged = loggedTags(data.resolve("registry.db"));

        assertEquals(3 * 4, inDoubt.size(), "one write per client per round was cut by the kill");
        assertTrue(acknowledged.size() >= 3 * 40, acknowledged.size() + " writes acknowledged");
        assertEquals(logged.size(), Set.copyOf(logged).size(), "no event twice");
        assertTrue(logged.containsAll(acknowledged), "every acknowledged write is in the log");
        Set<String> unasked = new HashSet<>(logged);
        unasked.removeAll(acknowledged);
        unasked.removeAll(inDoubt);
        assertEquals(Set.of(), unasked, "only acknowledged writes and those in doubt are in the log");
    }

    @Test
    void the_audit_endpoint_reports_a_flipped_byte_with_subject_and_version() throws Exception {
        Path db = dir.resolve("registry.db");
        FirstRevision.push(db, SUBJECTS);
        try (SqliteEventStore store = SqliteEventStore.open(db); Registry registry = new Registry(store);
             RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                     Tokens.parse("write:" + WRITE, true), 1 << 16)) {
            for (String t : List.of("v1", "v2", "v3")) {
                assertEquals(201, tag(server.port(), SUBJECTS.get(0), t));
            }
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
                st.execute("UPDATE registry_events SET payload = replace(payload, 'v2', 'v9') WHERE version = 3");
            }

            JsonNode audit = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/v1/subjects/alpha/audit")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());

            assertEquals(false, audit.get("verified").asBoolean());
            assertEquals("alpha", audit.get("problems").get(0).get("subject").asText());
            assertEquals(3, audit.get("problems").get(0).get("version").asInt());
        }
    }
}
