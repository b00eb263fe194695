package dev.strata.registry.http;

import dev.strata.events.Subject;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.TagReleased;
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
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two registries on one file, their writes committed together: a conflict among them is answered 409 and the others commit. */
class RegistryGroupCommitTest {

    private static final String WRITE = "write-token-0123456789";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<String>> release(RegistryServer server, String subject, String tag, String commit) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/subjects/" + subject + "/tags"))
                .header("Authorization", "Bearer " + WRITE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"tag\":\"" + tag + "\",\"revision\":1,\"commit\":\"" + commit + "\",\"by\":\"t\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Threads waiting in the store's writer queue for their commit. */
    private static long waitingForCommit() {
        return Thread.getAllStackTraces().values().stream().filter(frames -> Arrays.stream(frames)
                .anyMatch(f -> f.getClassName().endsWith("GroupCommit") && f.getMethodName().equals("append"))).count();
    }

    @Test
    void of_two_releases_of_one_tag_in_one_batch_the_loser_is_answered_409_and_the_other_subjects_write_commits() throws Exception {
        Path db = dir.resolve("registry.db");
        FirstRevision.push(db, List.of(new Subject("alpha"), new Subject("beta"), new Subject("gate")));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        Tokens tokens = Tokens.parse("write:" + WRITE, true);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (SqliteEventStore store = SqliteEventStore.open(db); Registry a = new Registry(store); Registry b = new Registry(store);
             RegistryServer serverA = RegistryServer.start(loopback, a, tokens, 1 << 16);
             RegistryServer serverB = RegistryServer.start(loopback, b, tokens, 1 << 16);
             AutoCloseable gate = store.subscribe(e -> {
                 if (e.subject().name().equals("gate")) {
                     held.countDown();
                     await(open);
                 }
             })) {
            CompletableFuture<HttpResponse<String>> gated = release(serverA, "gate", "g", "c");
            assertTrue(held.await(10, TimeUnit.SECONDS), "the gate's release was committed");
            List<CompletableFuture<HttpResponse<String>>> batch = List.of(release(serverA, "alpha", "v1", "aaa"),
                    release(serverB, "alpha", "v1", "bbb"), release(serverB, "beta", "v1", "ccc"));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (waitingForCommit() < 3 && System.nanoTime() < until) {
                Thread.sleep(5);
            }

            open.countDown();

            List<Integer> alpha = List.of(batch.get(0).get(30, TimeUnit.SECONDS).statusCode(), batch.get(1).get(30, TimeUnit.SECONDS).statusCode());
            assertEquals(201, gated.get(30, TimeUnit.SECONDS).statusCode());
            assertEquals(List.of(201, 409), alpha.stream().sorted().toList(), "one release of alpha's v1 wins");
            HttpResponse<String> lost = batch.get(alpha.get(0) == 409 ? 0 : 1).get();
            assertTrue(lost.body().contains("tag v1 of alpha was released at revision 1 (commit " + (alpha.get(0) == 409 ? "bbb" : "aaa")
                    + "); a tag is released once"), lost.body());
            assertEquals(201, batch.get(2).get(30, TimeUnit.SECONDS).statusCode(), "beta's release commits beside the conflict");
        }
        try (SqliteEventStore reopened = SqliteEventStore.open(db)) {
            List<StoredEvent> alpha = reopened.read(new Subject("alpha"), 1);
            assertEquals(2, alpha.size(), "the first revision and one release: the loser was never stored");
            assertEquals("v1", ((TagReleased) alpha.get(1).event()).tag());
            assertEquals(2, reopened.version(new Subject("beta")));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
