package dev.strata.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.events.Revision;
import dev.strata.events.Subject;
import dev.strata.events.TableDropped;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.schema.Identifier;
import dev.strata.registry.domain.RevisionRecorded;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests and stored events that used to break the registry, on the real server and a real SQLite store. */
class RegistryHardeningTest {

    private static final String WRITE = "write-token-0123456789";
    private static final String READ = "read-token-0123456789ab";
    private static final List<Revision> EXAMPLE = RevisionFiles.readAll(
            Path.of("..", "examples", "stock-analyzer", "schema", "events").toAbsolutePath().normalize(), "schema/events");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SqliteEventStore store;
    private Registry registry;
    private RegistryServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private void start() {
        store = SqliteEventStore.open(dir.resolve("registry.db"));
        registry = new Registry(store);
        server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                Tokens.parse("write:" + WRITE + ",read:" + READ, false), 1 << 20);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            registry.close();
            store.close();
        }
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> push(String subject, List<Revision> revisions) throws Exception {
        StringBuilder array = new StringBuilder("[");
        for (Revision r : revisions) {
            array.append(array.length() > 1 ? "," : "").append(RevisionCodec.write(r));
        }
        return call("POST", "/v1/subjects/" + subject + "/revisions", WRITE, array.append(']').toString());
    }

    /** Revision 2 of the example, re-sealed with an event that cannot apply: it drops a table no revision created. */
    private static Revision droppingAMissingTable() {
        Revision r2 = EXAMPLE.get(1);
        return RevisionHasher.seal(new Revision(2, r2.slug(), r2.message(), r2.author(), r2.timestamp(), r2.parent(),
                List.of(new TableDropped(Identifier.of("does_not_exist"))), null));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void a_push_whose_event_cannot_apply_is_refused_with_400_and_stores_nothing() throws Exception {
        start();
        push("stock-analyzer", EXAMPLE.subList(0, 1));

        HttpResponse<String> refused = push("stock-analyzer", List.of(EXAMPLE.get(0), droppingAMissingTable()));
        HttpResponse<String> next = push("stock-analyzer", EXAMPLE.subList(0, 3));

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(json(refused).get("message").asText().startsWith("stock-analyzer: revision 2 ("), refused.body());
        assertTrue(json(refused).get("message").asText().contains("nothing was stored"), refused.body());
        assertEquals(201, next.statusCode(), next.body());
        assertEquals(3, store.version(new Subject("stock-analyzer")));
    }

    @Test
    void a_store_holding_an_event_that_cannot_apply_starts_serves_other_subjects_and_reports_the_damaged_one() throws Exception {
        Revision bad = droppingAMissingTable();
        try (SqliteEventStore byHand = SqliteEventStore.open(dir.resolve("registry.db"))) {
            Revision r1 = EXAMPLE.get(0);
            byHand.append(new Subject("broken"), 0, List.of(new RevisionRecorded(1, r1.hash(), null, RevisionCodec.write(r1)),
                    new RevisionRecorded(2, bad.hash(), bad.parent(), RevisionCodec.write(bad))));
        }

        start();
        HttpResponse<String> other = push("stock-analyzer", EXAMPLE.subList(0, 2));
        HttpResponse<String> health = call("GET", "/health", null, null);
        HttpResponse<String> audit = call("GET", "/v1/subjects/broken/audit", READ, null);
        HttpResponse<String> write = push("broken", EXAMPLE.subList(0, 3));
        HttpResponse<String> readable = call("GET", "/v1/subjects/broken/revisions/1", READ, null);

        assertEquals(201, other.statusCode(), other.body());
        assertEquals(200, health.statusCode());
        assertEquals("degraded", json(health).get("status").asText());
        assertEquals("broken", json(health).get("damaged").get(0).get("subject").asText());
        assertEquals(2, json(health).get("damaged").get(0).get("version").asInt());
        assertFalse(json(audit).get("verified").asBoolean(), audit.body());
        assertTrue(json(audit).get("problems").get(0).get("message").asText().startsWith("version 2 (RevisionRecorded) cannot be applied"),
                audit.body());
        assertEquals(409, write.statusCode());
        assertEquals("subject_damaged", json(write).get("error").asText());
        assertEquals(200, readable.statusCode());
    }

    @Test
    void a_tag_for_revision_0_on_an_unknown_subject_is_refused_and_creates_nothing() throws Exception {
        start();

        HttpResponse<String> r = call("POST", "/v1/subjects/nobody/tags", WRITE, "{\"tag\":\"v1\",\"revision\":0,\"commit\":\"c\",\"by\":\"t\"}");

        assertEquals(404, r.statusCode(), r.body());
        assertEquals("no subject nobody; push its revisions first", json(r).get("message").asText());
        assertEquals(List.of(), registry.subjects());
        assertEquals(List.of(), store.subjects());
    }

    @Test
    void a_revision_number_in_other_scripts_digits_is_no_revision() throws Exception {
        start();
        push("stock-analyzer", EXAMPLE.subList(0, 3));

        HttpResponse<String> arabicIndic = call("GET", "/v1/subjects/stock-analyzer/revisions/%D9%A3", READ, null);
        HttpResponse<String> ascii = call("GET", "/v1/subjects/stock-analyzer/revisions/3", READ, null);

        assertEquals(404, arabicIndic.statusCode(), arabicIndic.body());
        assertEquals(200, ascii.statusCode());
    }

    @Test
    void health_and_ready_need_no_token_while_everything_else_keeps_its_role() throws Exception {
        start();

        assertEquals(200, call("GET", "/health", null, null).statusCode());
        assertEquals("ready", json(call("GET", "/ready", null, null)).get("status").asText());
        assertEquals(401, call("GET", "/metrics", null, null).statusCode());
        assertEquals(401, call("GET", "/v1/subjects", null, null).statusCode());
    }

    @Test
    void an_unexpected_failure_answers_500_with_an_incident_and_no_class_name() throws Exception {
        start();
        push("stock-analyzer", EXAMPLE.subList(0, 1));
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("registry.db")); var st = c.createStatement()) {
            st.execute("DROP TABLE registry_events");
        }

        HttpResponse<String> r = push("stock-analyzer", EXAMPLE.subList(0, 2));

        assertEquals(500, r.statusCode(), r.body());
        assertEquals("internal_error", json(r).get("error").asText());
        assertTrue(json(r).get("message").asText().matches("the registry failed unexpectedly \\(incident [0-9a-f]{8}\\); its log has the details"),
                r.body());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void headers_too_large_are_refused_as_json_without_a_class_name() throws Exception {
        start();

        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .header("X-Padding", "x".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(431, r.statusCode(), r.body());
        assertEquals("headers_too_large", json(r).get("error").asText());
        assertFalse(r.body().contains("Exception"), r.body());
    }
}
