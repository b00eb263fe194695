package dev.strata.registry.store.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node KRaft broker in the test JVM, listening on 127.0.0.1 only (the recipe of ../shared/KAFKA.md):
 * formatted and started once per test class, stopped and restarted on the same log for tests of restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final Properties properties;
    private KafkaRaftServer server;

    private KafkaBroker(Path dir, Properties properties) {
        this.dir = dir;
        this.properties = properties;
    }

    public static KafkaBroker start() {
        try {
            Path dir = Files.createTempDirectory("strata-kafka");
            int broker = freePort();
            int controller = freePort();
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controller);
            p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller);
            p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + broker);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("inter.broker.listener.name", "PLAINTEXT");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("log.dirs", dir.resolve("data").toString());
            p.setProperty("num.partitions", "1");
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("share.coordinator.state.topic.replication.factor", "1");
            p.setProperty("share.coordinator.state.topic.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
            p.setProperty("auto.create.topics.enable", "false");
            Path config = dir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                p.store(out, "strata test broker");
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int formatted = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                    new PrintStream(log));
            if (formatted != 0) {
                throw new IllegalStateException("formatting the test broker's storage: " + log);
            }
            KafkaBroker b = new KafkaBroker(dir, p);
            b.startServer();
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startServer() {
        server = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
        server.startup();
        Properties admin = new Properties();
        admin.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the test broker did not answer: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return properties.getProperty("advertised.listeners").substring("PLAINTEXT://".length());
    }

    /** Stops the broker and starts it again on the same log and ports, as after a crash and restart. */
    void restart() {
        stopServer();
        startServer();
    }

    void stopServer() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        stopServer();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
