package dev.strata.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real server on a free loopback port, talked to over HTTP. */
class RegistryHttpTest {

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
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        store = SqliteEventStore.open(dir.resolve("registry.db"));
        registry = new Registry(store);
        server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                Tokens.parse("write:" + WRITE + ",read:" + READ, false), 64 * 1024);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
        store.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String revisions(List<Revision> revisions) throws Exception {
        ArrayNode array = JSON.createArrayNode();
        for (Revision r : revisions) {
            array.add(JSON.readTree(RevisionCodec.write(r)));
        }
        return array.toString();
    }

    private HttpResponse<String> push(List<Revision> revisions) throws Exception {
        return call("POST", "/v1/subjects/stock-analyzer/revisions", WRITE, revisions(revisions));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void a_push_adds_the_revisions_and_the_same_push_again_is_a_no_op() throws Exception {
        HttpResponse<String> first = push(EXAMPLE.subList(0, 8));
        HttpResponse<String> again = push(EXAMPLE.subList(0, 8));
        HttpResponse<String> more = push(EXAMPLE);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(8, json(first).get("added").asInt());
        assertEquals(200, again.statusCode());
        assertEquals(0, json(again).get("added").asInt());
        assertEquals(4, json(more).get("added").asInt());
        assertEquals(12, json(call("GET", "/v1/subjects/stock-analyzer/revisions", READ, null)).size());
        assertEquals("[ \"stock-analyzer\" ]", call("GET", "/v1/subjects", READ, null).body().strip());
    }

    @Test
    void a_push_that_rewrites_revision_3_is_refused_with_409_naming_it() throws Exception {
        push(EXAMPLE.subList(0, 5));
        Revision r3 = EXAMPLE.get(2);
        Revision rewritten = RevisionHasher.seal(new Revision(3, r3.slug(), "Rewritten", r3.author(), r3.timestamp(), r3.parent(),
                r3.events(), null));

        HttpResponse<String> r = push(List.of(EXAMPLE.get(0), EXAMPLE.get(1), rewritten));

        assertEquals(409, r.statusCode());
        assertEquals("conflict", json(r).get("error").asText());
        assertTrue(json(r).get("message").asText().startsWith("the push rewrites history of stock-analyzer: revision 3 is "), r.body());
        assertEquals(5, json(call("GET", "/v1/subjects/stock-analyzer/revisions", READ, null)).size());
    }

    @Test
    void a_push_that_skips_a_revision_is_refused_and_writes_nothing() throws Exception {
        HttpResponse<String> r = push(List.of(EXAMPLE.get(0), EXAMPLE.get(2)));

        assertEquals(400, r.statusCode());
        assertEquals("the push skips a revision: position 2 holds revision 3; push revisions 1..2 in order", json(r).get("message").asText());
        assertEquals(404, call("GET", "/v1/subjects/stock-analyzer/revisions", READ, null).statusCode());
    }

    @Test
    void tags_deployments_schema_at_a_tag_diff_plan_and_audit() throws Exception {
        push(EXAMPLE);
        String s = "/v1/subjects/stock-analyzer";

        HttpResponse<String> tag = call("POST", s + "/tags", WRITE, "{\"tag\":\"v0.2.0\",\"revision\":8,\"commit\":\"abc123\",\"by\":\"ci\"}");
        HttpResponse<String> deploy = call("POST", s + "/deployments", WRITE,
                "{\"environment\":\"prod\",\"from\":0,\"to\":8,\"outcome\":\"succeeded\",\"by\":\"ops\"}");
        HttpResponse<String> schemaJson = call("GET", s + "/schema?at=v0.2.0", READ, null);
        HttpResponse<String> schemaSql = call("GET", s + "/schema?at=v0.2.0&format=sql", READ, null);
        HttpResponse<String> mermaid = call("GET", s + "/schema?at=v0.2.0&format=mermaid", READ, null);
        HttpResponse<String> diff = call("GET", s + "/diff?from=v0.2.0&to=head", READ, null);
        HttpResponse<String> plan = call("GET", s + "/plan?from=v0.2.0&to=12", READ, null);
        HttpResponse<String> audit = call("GET", s + "/audit", READ, null);

        assertEquals(201, tag.statusCode(), tag.body());
        assertEquals(201, deploy.statusCode(), deploy.body());
        assertEquals("prod", json(call("GET", s + "/deployments", READ, null)).get(0).get("environment").asText());
        assertTrue(schemaJson.body().contains("\"volume\""), schemaJson.body());
        assertTrue(!schemaJson.body().contains("industries"), "industries came after v0.2.0");
        assertTrue(schemaSql.body().contains("CREATE TABLE \"daily_prices\""), schemaSql.body());
        assertTrue(mermaid.body().startsWith("erDiagram\n") && mermaid.body().contains("companies ||--o{ daily_prices"), mermaid.body());
        assertTrue(diff.body().contains("table industries is in revision 12 but not in revision 8"), diff.body());
        assertEquals(List.of(9, 10, 11, 12), json(plan).get("revisions").findValuesAsText("revision").stream().map(Integer::valueOf).toList());
        assertTrue(json(audit).get("verified").asBoolean(), audit.body());
        assertEquals(14, json(audit).get("events").asInt());
    }

    @Test
    void the_schema_at_an_iso_time_is_the_newest_revision_recorded_by_then() throws Exception {
        push(EXAMPLE);
        String s = "/v1/subjects/stock-analyzer/schema?at=";

        HttpResponse<String> atRevision8 = call("GET", s + "2026-03-02T08:30:00Z", READ, null);
        HttpResponse<String> justBefore = call("GET", s + "2026-03-02T08:29:59Z", READ, null);

        assertEquals(200, atRevision8.statusCode(), atRevision8.body());
        assertEquals(call("GET", s + "8", READ, null).body(), atRevision8.body());
        assertEquals(call("GET", s + "7", READ, null).body(), justBefore.body());
        assertTrue(!atRevision8.body().equals(justBefore.body()), "revisions 7 and 8 differ");
    }

    @Test
    void releasing_a_tag_again_at_another_revision_is_refused_with_409() throws Exception {
        push(EXAMPLE);
        String tags = "/v1/subjects/stock-analyzer/tags";
        call("POST", tags, WRITE, "{\"tag\":\"v0.2.0\",\"revision\":8,\"commit\":\"abc123\",\"by\":\"ci\"}");

        HttpResponse<String> again = call("POST", tags, WRITE, "{\"tag\":\"v0.2.0\",\"revision\":9,\"commit\":\"def456\",\"by\":\"ci\"}");

        assertEquals(409, again.statusCode(), again.body());
        assertEquals("conflict", json(again).get("error").asText());
        assertEquals("tag v0.2.0 of stock-analyzer was released at revision 8 (commit abc123); a tag is released once",
                json(again).get("message").asText());
        JsonNode released = json(call("GET", tags, READ, null));
        assertEquals(1, released.size());
        assertEquals(8, released.get(0).get("revision").asInt());
    }

    @Test
    void a_deployment_keeps_what_verify_found_and_the_audit_chain_still_holds() throws Exception {
        push(EXAMPLE);
        String s = "/v1/subjects/stock-analyzer";

        HttpResponse<String> verified = call("POST", s + "/deployments", WRITE,
                "{\"environment\":\"prod\",\"from\":0,\"to\":12,\"outcome\":\"succeeded\",\"by\":\"ops\",\"verified\":\"passed\"}");
        HttpResponse<String> unverified = call("POST", s + "/deployments", WRITE,
                "{\"environment\":\"staging\",\"from\":0,\"to\":12,\"outcome\":\"succeeded\",\"by\":\"ops\"}");
        HttpResponse<String> notText = call("POST", s + "/deployments", WRITE,
                "{\"environment\":\"dev\",\"from\":0,\"to\":12,\"outcome\":\"succeeded\",\"by\":\"ops\",\"verified\":true}");

        assertEquals(201, verified.statusCode(), verified.body());
        assertEquals("passed", json(verified).get("verified").asText());
        assertEquals(201, unverified.statusCode(), unverified.body());
        assertTrue(json(unverified).get("verified") == null, unverified.body());
        assertEquals(400, notText.statusCode(), notText.body());
        assertTrue(json(call("GET", s + "/audit", READ, null)).get("verified").asBoolean());
    }

    @Test
    void writes_need_a_write_token_and_reads_need_a_token() throws Exception {
        assertEquals(401, call("POST", "/v1/subjects/stock-analyzer/revisions", null, "[]").statusCode());
        assertEquals(401, call("POST", "/v1/subjects/stock-analyzer/revisions", "wrong-token-0123456789", "[]").statusCode());
        HttpResponse<String> readOnWrite = call("POST", "/v1/subjects/stock-analyzer/revisions", READ, "[]");
        assertEquals(403, readOnWrite.statusCode());
        assertEquals("this token has the read role; this needs write", json(readOnWrite).get("message").asText());
        assertEquals(401, call("GET", "/v1/subjects", null, null).statusCode());
        assertTrue(!readOnWrite.body().contains(READ), "tokens never appear in responses");
    }

    @Test
    void malformed_json_invalid_subjects_unknown_subjects_and_oversized_bodies_are_refused() throws Exception {
        HttpResponse<String> malformed = call("POST", "/v1/subjects/stock-analyzer/revisions", WRITE, "[{");
        HttpResponse<String> invalid = call("GET", "/v1/subjects/Stock%20Analyzer/revisions", READ, null);
        HttpResponse<String> unknown = call("GET", "/v1/subjects/nobody/revisions", READ, null);
        // the server refuses the body from its Content-Length and closes the connection; a client still sending it
        // may see the 413 or only the closed connection, and either way nothing is stored
        Integer huge;
        try {
            huge = call("POST", "/v1/subjects/stock-analyzer/revisions", WRITE, "[" + " ".repeat(70 * 1024) + "]").statusCode();
        } catch (java.io.IOException e) {
            huge = null;
        }

        assertEquals(400, malformed.statusCode());
        assertTrue(json(malformed).get("message").asText().startsWith("malformed JSON"), malformed.body());
        assertEquals(400, invalid.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals("no subject nobody; push its revisions first", json(unknown).get("message").asText());
        assertTrue(huge == null || huge == 413, "an oversized body is refused: " + huge);
        assertEquals(List.of(), registry.subjects());
    }

    @Test
    void health_metrics_and_the_openapi_document_are_served() throws Exception {
        call("GET", "/v1/subjects", READ, null);

        assertEquals(200, call("GET", "/health", READ, null).statusCode());
        assertTrue(call("GET", "/metrics", READ, null).body()
                .contains("strata_registry_requests_total{method=\"GET\",route=\"/v1/subjects\",status=\"200\"} 1"));
        assertEquals("3.0.3", json(call("GET", "/v1/openapi.json", READ, null)).get("openapi").asText());
    }
}
