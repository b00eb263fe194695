package dev.strata.registry.http;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may do what (docs/registry.md): the tokens file, the token length, the admin role and open reads. */
class RegistryAccessTest {

    private static final String WRITE = "write-token-0123456789";
    private static final String READ = "read-token-0123456789ab";
    private static final String ADMIN = "admin-token-0123456789";
    private static final String TAG = "{\"tag\":\"v1\",\"revision\":0,\"commit\":\"c\",\"by\":\"t\"}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private int call(int port, String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString(TAG) : HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Runs {@code body} against the registry in this process with the tokens {@code spec}. */
    private void withServer(String spec, boolean openReads, ServerTest body) throws Exception {
        FirstRevision.push(dir.resolve("registry.db"), List.of(new dev.strata.events.Subject("alpha")));
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("registry.db")); Registry registry = new Registry(store);
             RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                     Tokens.parse(spec, openReads), 1 << 16)) {
            body.run(server.port());
        }
    }

    private interface ServerTest {
        void run(int port) throws Exception;
    }

    @Test
    void an_admin_token_may_write_and_read() throws Exception {
        withServer("admin:" + ADMIN + ",read:" + READ, false, port -> {

            int write = call(port, "POST", "/v1/subjects/alpha/tags", ADMIN);
            int read = call(port, "GET", "/v1/subjects/alpha/tags", ADMIN);

            assertEquals(201, write);
            assertEquals(200, read);
        });
    }

    @Test
    void with_open_reads_a_read_needs_no_token_and_a_write_still_does() throws Exception {
        withServer("write:" + WRITE, true, port -> {

            int read = call(port, "GET", "/v1/subjects", null);
            int write = call(port, "POST", "/v1/subjects/alpha/tags", null);

            assertEquals(200, read);
            assertEquals(401, write);
        });
    }

    @Test
    void the_tokens_file_gives_the_tokens_and_the_environment_is_ignored() throws Exception {
        Path file = Files.writeString(dir.resolve("tokens"), "# role token\nwrite " + WRITE + "\nread " + READ + "\n");
        FirstRevision.push(dir.resolve("data").resolve("registry.db"), List.of(new dev.strata.events.Subject("alpha")));
        Process server = RegistryProcess.start(Map.of("STRATA_REGISTRY_TOKENS", "write:" + ADMIN),
                "--port", "0", "--data", dir.resolve("data").toString(), "--tokens", file.toString());
        try {
            int port = RegistryProcess.port(server);

            int byFileWriter = call(port, "POST", "/v1/subjects/alpha/tags", WRITE);
            int byFileReader = call(port, "POST", "/v1/subjects/alpha/tags", READ);
            int byEnvironment = call(port, "POST", "/v1/subjects/alpha/tags", ADMIN);

            assertEquals(201, byFileWriter);
            assertEquals(403, byFileReader);
            assertEquals(401, byEnvironment);
        } finally {
            server.destroyForcibly();
            RegistryProcess.waitFor(server);
        }
    }

    @Test
    void the_registry_process_serves_the_web_ui_beside_the_api_and_sends_readers_without_a_session_to_the_login_form()
            throws Exception {
        FirstRevision.push(dir.resolve("data").resolve("registry.db"), List.of(new dev.strata.events.Subject("alpha")));
        Process server = RegistryProcess.start(Map.of("STRATA_REGISTRY_TOKENS", "read:" + READ), "--port", "0", "--data",
                dir.resolve("data").toString());
        try {
            int port = RegistryProcess.port(server);

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/subjects/alpha"))
                    .header("Authorization", "Bearer " + READ).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            int api = call(port, "GET", "/v1/subjects", READ);

            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>alpha</h1>"), page.body());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"));
            assertEquals(303, anonymous.statusCode());
            assertEquals("/login?next=%2F", anonymous.headers().firstValue("Location").orElseThrow());
            assertEquals(200, api);
        } finally {
            server.destroyForcibly();
            RegistryProcess.waitFor(server);
        }
    }

    @Test
    void a_token_shorter_than_16_characters_stops_the_registry_with_exit_2() throws Exception {
        Path file = Files.writeString(dir.resolve("tokens"), "write abcdefghijklmno\n");

        Process server = RegistryProcess.start(Map.of(), "--port", "0", "--data", dir.resolve("data").toString(),
                "--tokens", file.toString());
        String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(2, RegistryProcess.waitFor(server), output);
        assertEquals("error: --tokens " + file + ": token entry 1 (counting lines and commas from 1): expected ROLE:TOKEN with a"
                + " role of read, write or admin and a token of at least 16 characters\n", output);
        assertTrue(!output.contains("abcdefghijklmno"), "the token is never printed");
    }
}
