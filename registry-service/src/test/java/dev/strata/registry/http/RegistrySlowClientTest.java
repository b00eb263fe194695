package dev.strata.registry.http;

import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow and silent clients on raw sockets to 127.0.0.1: they hold no thread, every other request is answered at
 * once, and each of them is cut off after the idle timeout. Counts and times are bounded (60 sockets, seconds).
 */
class RegistrySlowClientTest {

    private static final int SLOW_HEADERS = 20;
    private static final int SLOW_BODIES = 20;
    private static final int SILENT = 20;
    private static final Duration IDLE = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void sixty_slow_or_silent_connections_neither_block_other_requests_nor_stay_open() throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("registry.db")); Registry registry = new Registry(store);
             RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                     Tokens.parse("write:write-token-0123456789", true), ServerLimits.DEFAULT.withIdleTimeout(IDLE).withMaxThreads(16))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_HEADERS; i++) {
                    slow.add(open(server.port(), "GET /health HTTP/1.1\r\n"));
                }
                for (int i = 0; i < SLOW_BODIES; i++) {
                    slow.add(open(server.port(), "POST /v1/subjects/s/revisions HTTP/1.1\r\nHost: x\r\n"
                            + "Authorization: Bearer write-token-0123456789\r\nContent-Length: 1000\r\n\r\n[{\"number\""));
                }
                for (int i = 0; i < SILENT; i++) {
                    slow.add(open(server.port(), ""));
                }

                long started = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> healthy = new ArrayList<>();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                for (int i = 0; i < 20; i++) {
                    healthy.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> h : healthy) {
                    assertEquals(200, h.get().statusCode());
                }
                long answeredMs = (System.nanoTime() - started) / 1_000_000;

                int closed = 0;
                for (Socket s : slow) {
                    closed += closedWithin(s, IDLE.plusSeconds(4)) ? 1 : 0;
                }

                assertTrue(answeredMs < IDLE.toMillis() / 2, "20 requests beside 60 slow clients took " + answeredMs + " ms");
                assertEquals(slow.size(), closed, "slow connections the server closed after its idle timeout");
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    private static Socket open(int port, String sent) throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        OutputStream out = s.getOutputStream();
        out.write(sent.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** Whether the server ends the connection (an answer such as 408, then end of stream, or a reset) within {@code limit}. */
    private static boolean closedWithin(Socket s, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            s.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (java.io.IOException reset) {
                return true;
            }
        }
        return false;
    }
}
