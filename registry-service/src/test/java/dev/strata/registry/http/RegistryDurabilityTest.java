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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent clients and a server killed with SIGKILL: every acknowledged write is in the log exactly once. */
class RegistryDurabilityTest {

    private static final String WRITE = "write-token-0123456789";
    private static final List<Subject> SUBJECTS = List.of(new Subject("alpha"), new Subject("beta"));

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private int tag(int port, Subject subject, String tag) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/subjects/" + subject + "/tags"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + WRITE)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tag\":\"" + tag + "\",\"revision\":0,\"commit\":\"c\",\"by\":\"t\"}")).build();
            return http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Gives each subject its first revision: a tag names a revision of a subject that exists. */
    private static void createSubjects(Path db) {
        java.util.List<dev.strata.events.Revision> first = dev.strata.events.json.RevisionFiles.readAll(
                Path.of("..", "examples", "stock-analyzer", "schema", "events").toAbsolutePath().normalize(), "schema/events").subList(0, 1);
        try (SqliteEventStore store = SqliteEventStore.open(db); Registry registry = new Registry(store)) {
            SUBJECTS.forEach(s -> registry.push(s, first));
        }
    }

    private static void assertLogHolds(Path db, Set<String> acknowledged) {
        try (SqliteEventStore store = SqliteEventStore.open(db)) {
            List<String> tags = new ArrayList<>();
            for (Subject s : SUBJECTS) {
                List<StoredEvent> log = store.read(s, 1);
                assertEquals(List.of(), Audit.verify(log), "the chain of " + s + " verifies");
                log.stream().filter(e -> e.event() instanceof TagReleased)
                        .forEach(e -> tags.add(s + "/" + ((TagReleased) e.event()).tag()));
            }
            assertEquals(tags.size(), Set.copyOf(tags).size(), "no event twice");
            assertTrue(tags.containsAll(acknowledged), "every acknowledged write is in the log");
            try (Registry rebuilt = new Registry(store)) {
                for (Subject s : SUBJECTS) {
                    assertEquals(store.read(s, 1).size() - 1, rebuilt.view(s).log().tags().size());
                }
            }
        }
    }

    @Test
    void sixteen_clients_writing_at_once_lose_and_duplicate_nothing() throws Exception {
        Path db = dir.resolve("registry.db");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        createSubjects(db);
        try (SqliteEventStore store = SqliteEventStore.open(db); Registry registry = new Registry(store);
             RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                     Tokens.parse("write:" + WRITE, true), 1 << 16)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < 200 && System.nanoTime() < deadline; i++) {
                        Subject s = SUBJECTS.get(i % 2);
                        String tag = "c" + client + "-" + i;
                        if (tag(server.port(), s, tag) == 201) {
                            acknowledged.add(s + "/" + tag);
                        }
                    }
                }));
            }
            for (Future<?> f : clients) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }

        assertTrue(acknowledged.size() > 100, "only " + acknowledged.size() + " writes were acknowledged");
        assertLogHolds(db, acknowledged);
    }

    @Test
    void a_server_killed_repeatedly_during_writes_keeps_every_acknowledged_write() throws Exception {
        Path data = dir.resolve("data");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        createSubjects(data.resolve("registry.db"));
        int written = 0;
        for (int round = 0; round < 3; round++) {
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), "dev.strata.registry.RegistryMain", "--port", String.valueOf(port),
                    "--data", data.toString(), "--open-reads").redirectErrorStream(true);
            pb.environment().put("STRATA_REGISTRY_TOKENS", "write:" + WRITE);
            Process server = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
            String line = out.readLine();
            while (line != null && !line.startsWith("strata registry listening")) {
                line = out.readLine();
            }
            assertTrue(line != null, "the server did not start");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            int base = written;
            for (int c = 0; c < 4; c++) {
                int client = c;
                pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        Subject s = SUBJECTS.get(i % 2);
                        String tag = "r" + base + "-c" + client + "-" + i;
                        int status = tag(port, s, tag);
                        if (status == 201) {
                            acknowledged.add(s + "/" + tag);
                        } else if (status == -1) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(700);
            server.destroyForcibly();
            assertTrue(server.waitFor(10, TimeUnit.SECONDS));
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            written += 1000;
        }

        assertTrue(acknowledged.size() > 20, "only " + acknowledged.size() + " writes were acknowledged");
        assertLogHolds(data.resolve("registry.db"), acknowledged);
    }

    @Test
    void the_audit_endpoint_reports_a_flipped_byte_with_subject_and_version() throws Exception {
        Path db = dir.resolve("registry.db");
        createSubjects(db);
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
