package dev.strata.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.events.Revision;
import dev.strata.events.Subject;
import dev.strata.events.checkpoint.Checkpoint;
import dev.strata.events.checkpoint.EventHash;
import dev.strata.events.checkpoint.SigningKey;
import dev.strata.events.json.CheckpointJson;
import dev.strata.events.json.RevisionFiles;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed checkpoints (docs/registry.md): what they cover, the log clients verify them against, and where the key lives. */
class RegistryCheckpointTest {

    private static final String WRITE = "write-token-0123456789";
    private static final List<Revision> EXAMPLE = RevisionFiles.readAll(
            Path.of("..", "examples", "stock-analyzer", "schema", "events").toAbsolutePath().normalize(), "schema/events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAG = "{\"tag\":\"v1.0.0\",\"revision\":3,\"commit\":\"abc\",\"by\":\"ci\"}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode call(int port, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + WRITE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    private interface ServerTest {
        void run(int port) throws Exception;
    }

    private void withServer(ServerTest body) throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("registry.db")); Registry registry = new Registry(store);
             RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                     Tokens.parse("write:" + WRITE, false), 1 << 20)) {
            registry.push(new Subject("stock-analyzer"), EXAMPLE.subList(0, 3));
            body.run(server.port());
        }
    }

    private PublicKey publicKey(int port) throws Exception {
        return SigningKey.publicKey(call(port, "GET", "/v1/signing-key", null).get("publicKey").asText(), "/v1/signing-key");
    }

    @Test
    void the_checkpoint_names_the_head_revision_and_the_newest_event_and_verifies_with_the_served_key() throws Exception {
        withServer(port -> {
            call(port, "POST", "/v1/subjects/stock-analyzer/tags", TAG);

            Checkpoint c = CheckpointJson.read(call(port, "GET", "/v1/subjects/stock-analyzer/checkpoint", null), "checkpoint");
            JsonNode log = call(port, "GET", "/v1/subjects/stock-analyzer/events", null);

            assertEquals(3, c.version());
            assertEquals(EXAMPLE.get(2).hash(), c.hash());
            assertEquals(4, c.events());
            assertEquals(log.get(3).get("hash").asText(), c.head());
            assertTrue(c.signedBy(publicKey(port)));
        });
    }

    @Test
    void a_tag_moves_the_checkpoint_to_its_event_and_the_reply_carries_it() throws Exception {
        withServer(port -> {

            JsonNode reply = call(port, "POST", "/v1/subjects/stock-analyzer/tags", TAG);

            Checkpoint c = CheckpointJson.read(reply, "tag reply");
            assertEquals("v1.0.0", reply.get("tag").asText());
            assertEquals(4, c.events());
            assertEquals(3, c.version());
            assertTrue(c.signedBy(publicKey(port)));
        });
    }

    @Test
    void the_served_log_recomputes_to_its_hashes_and_links() throws Exception {
        withServer(port -> {
            call(port, "POST", "/v1/subjects/stock-analyzer/tags", TAG);

            JsonNode log = call(port, "GET", "/v1/subjects/stock-analyzer/events?from=2", null);

            assertEquals(3, log.size());
            assertEquals(2, log.get(0).get("version").asLong());
            for (int i = 0; i < log.size(); i++) {
                JsonNode e = log.get(i);
                assertEquals(e.get("hash").asText(), EventHash.of("stock-analyzer", e.get("version").asLong(), e.get("previousHash").asText(),
                        e.get("type").asText(), e.get("payload").asText()));
                if (i > 0) {
                    assertEquals(log.get(i - 1).get("hash").asText(), e.get("previousHash").asText());
                }
            }
        });
    }

    @Test
    void the_key_is_created_owner_only_in_the_data_folder_and_kept_across_restarts() throws Exception {
        Path data = dir.resolve("data");

        String first = keyIdOfARun("--data", data.toString());
        String second = keyIdOfARun("--data", data.toString());

        assertEquals(first, second);
        assertEquals(SigningKey.fromPem(Files.readString(data.resolve("signing-key.pem")), "pem").keyId(), first);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("signing-key.pem"))));
    }

    @Test
    void an_operators_key_file_is_the_key_served() throws Exception {
        SigningKey key = SigningKey.generate();
        Path file = Files.writeString(dir.resolve("operator.pem"), key.pem());

        String served = keyIdOfARun("--data", dir.resolve("data").toString(), "--signing-key", file.toString());

        assertEquals(key.keyId(), served);
        assertTrue(Files.notExists(dir.resolve("data").resolve("signing-key.pem")), "no key of its own beside the operator's");
    }

    @Test
    void a_missing_key_file_stops_the_start_with_exit_2_and_the_command_that_makes_one() throws Exception {
        Path missing = dir.resolve("nowhere.pem");

        String output = failedRun("--data", dir.resolve("data").toString(), "--signing-key", missing.toString());

        assertEquals("error: --signing-key " + missing + ": no such file; create one with `openssl genpkey -algorithm ed25519 -out "
                + missing + "` and give every instance the same file\n", output);
    }

    @Test
    void kafka_without_a_shared_key_is_refused_before_it_connects() throws Exception {

        String output = failedRun("--store", "kafka", "--bootstrap-servers", "127.0.0.1:1", "--data", dir.resolve("data").toString());

        assertEquals("error: --store kafka needs --signing-key FILE, the same file for every instance (clients pin one key); create it"
                + " with `openssl genpkey -algorithm ed25519 -out signing-key.pem`\n", output);
    }

    private String keyIdOfARun(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("--port", "0", "--open-reads"));
        all.addAll(List.of(args));
        Process server = RegistryProcess.start(Map.of("STRATA_REGISTRY_TOKENS", "write:" + WRITE), all.toArray(String[]::new));
        try {
            return call(RegistryProcess.port(server), "GET", "/v1/signing-key", null).get("keyId").asText();
        } finally {
            server.destroy();
            RegistryProcess.waitFor(server);
        }
    }

    private static String failedRun(String... args) throws Exception {
        Process server = RegistryProcess.start(Map.of("STRATA_REGISTRY_TOKENS", "write:" + WRITE), args);
        String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, RegistryProcess.waitFor(server), output);
        return output;
    }
}
