package dev.strata.registry.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.json.RevisionFiles;
import dev.strata.registry.http.RegistryServer;
import dev.strata.registry.http.ServerLimits;
import dev.strata.registry.http.Tokens;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test fixture: a registry with the web UI on a free loopback port, wired as RegistryMain wires it, filled over
 * HTTP with the example's twelve revisions, three tags and deployments that were applied, rolled back and failed.
 */
final class UiRegistry implements AutoCloseable {

    static final String WRITE = "write-token-0123456789";
    static final String READ = "read-token-0123456789ab";
    static final List<Revision> EXAMPLE = RevisionFiles.readAll(
            Path.of("..", "examples", "stock-analyzer", "schema", "events").toAbsolutePath().normalize(), "schema/events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqliteEventStore store;
    private final Registry registry;
    private final RegistryServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    UiRegistry(Path dir, boolean openReads) {
        store = SqliteEventStore.open(dir.resolve("registry.db"));
        registry = new Registry(store);
        Tokens tokens = Tokens.parse("write:" + WRITE + ",read:" + READ, openReads);
        WebUi pages = new WebUi(registry, new Access(tokens.openReads(), tokens::mayRead), SignedCheckpoints.of(registry), Clock.systemUTC());
        server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry, tokens,
                ServerLimits.DEFAULT, Optional.of(pages));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Pushes {@code revisions} of {@code subject} as CI does, and checks the registry took them. */
    void push(String subject, List<Revision> revisions) throws IOException, InterruptedException {
        ArrayNode array = JSON.createArrayNode();
        for (Revision r : revisions) {
            array.add(JSON.readTree(RevisionCodec.write(r)));
        }
        HttpResponse<String> r = call("POST", "/v1/subjects/" + subject + "/revisions", WRITE, array.toString());
        assertEquals(201, r.statusCode(), r.body());
    }

    void tag(String subject, String tag, int revision) throws IOException, InterruptedException {
        HttpResponse<String> r = call("POST", "/v1/subjects/" + subject + "/tags", WRITE,
                "{\"tag\":\"" + tag + "\",\"revision\":" + revision + ",\"commit\":\"c0ffee" + revision + "\",\"by\":\"release-bot\"}");
        assertEquals(201, r.statusCode(), r.body());
    }

    void deploy(String subject, String environment, int from, int to, String outcome) throws IOException, InterruptedException {
        HttpResponse<String> r = call("POST", "/v1/subjects/" + subject + "/deployments", WRITE, "{\"environment\":\"" + environment
                + "\",\"from\":" + from + ",\"to\":" + to + ",\"outcome\":\"" + outcome + "\",\"by\":\"deployer@" + environment + "\"}");
        assertEquals(201, r.statusCode(), r.body());
    }

    /** stock-analyzer: revisions 1..12, tags v0.1.0 (6), v0.2.0 (8, after the rename of close), v0.3.0 (12), four deployments. */
    UiRegistry withExample() throws IOException, InterruptedException {
        push("stock-analyzer", EXAMPLE);
        tag("stock-analyzer", "v0.1.0", 6);
        deploy("stock-analyzer", "production", 0, 6, "succeeded");
        tag("stock-analyzer", "v0.2.0", 8);
        deploy("stock-analyzer", "staging", 6, 8, "succeeded");
        deploy("stock-analyzer", "production", 6, 8, "rolled_back");
        tag("stock-analyzer", "v0.3.0", 12);
        deploy("stock-analyzer", "qa", 8, 12, "failed");
        return this;
    }

    Registry registry() {
        return registry;
    }

    @Override
    public void close() {
        server.close();
        registry.close();
        store.close();
    }
}
