package dev.strata.registry.http;

import dev.strata.events.Subject;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.RegistryEvent;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.kafka.BrokerPerClass;
import dev.strata.registry.store.kafka.KafkaEventStore;
import dev.strata.registry.store.kafka.KafkaSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A registry instance on Kafka answers /ready with 503 until it has read the topic up to the end it saw at start. */
class RegistryKafkaReadyTest {

    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(RegistryServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ready_is_503_while_the_topic_is_read_and_200_once_every_event_at_start_is_in_the_projections() throws Exception {
        KafkaSettings settings = KafkaSettings.of(BROKER.bootstrapServers(), "ready");
        Subject subject = new Subject("stock-analyzer");
        try (KafkaEventStore writer = KafkaEventStore.open(settings)) {
            for (int a = 0; a < 10; a++) {
                List<RegistryEvent> batch = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    batch.add(new DeploymentRecorded("env" + i % 3, 0, 0, DeploymentRecorded.Outcome.SUCCEEDED, "ci", Instant.EPOCH));
                }
                writer.append(subject, a * 200L, batch);
            }
        }
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        try (KafkaEventStore store = KafkaEventStore.start(settings);
             AutoCloseable gate = store.subscribe(e -> {
                 // holds the instance's reader at the first event it sees: the topic is not read until the test lets it
                 if (held.compareAndSet(false, true)) {
                     await(reading);
                 }
             });
             Registry registry = new Registry(store);
             RegistryServer server = RegistryServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                     Tokens.parse("", true), 1 << 16)) {
            HttpResponse<String> catchingUp = get(server, "/ready");
            HttpResponse<String> subjects = get(server, "/v1/subjects");

            reading.countDown();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            HttpResponse<String> ready = get(server, "/ready");
            while (ready.statusCode() != 200 && System.nanoTime() < until) {
                Thread.sleep(10);
                ready = get(server, "/ready");
            }

            assertEquals(503, catchingUp.statusCode());
            assertTrue(catchingUp.body().contains("\"catching up\""), catchingUp.body());
            assertEquals(503, subjects.statusCode(), "no answer from half a log: " + subjects.body());
            assertTrue(subjects.body().contains("retry when /ready answers 200"), subjects.body());
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals(2_000, registry.view(subject).log().version(), "ready only with every event the topic held at start");
            assertEquals(200, get(server, "/v1/subjects").statusCode());
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
