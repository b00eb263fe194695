package dev.strata.registry;

import dev.strata.registry.domain.EventStore;
import dev.strata.registry.http.RegistryServer;
import dev.strata.registry.http.Tokens;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.kafka.KafkaEventStore;
import dev.strata.registry.store.kafka.KafkaSettings;
import dev.strata.registry.store.sqlite.SqliteEventStore;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the registry with the embedded store:
 * {@code java -jar registry.jar [--port 8080] [--bind 127.0.0.1] [--data registry-data] [--tokens FILE] [--open-reads]},
 * or on Kafka: {@code --store kafka --bootstrap-servers HOST:PORT [--topic strata.events] [--replication-factor 3]
 * [--min-insync-replicas 2] [--partitions 1]}.
 * Tokens come from {@code --tokens FILE} (lines {@code ROLE TOKEN}) or {@code STRATA_REGISTRY_TOKENS}
 * ({@code write:TOKEN,read:TOKEN}); they are never printed.
 */
public final class RegistryMain {

    private RegistryMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>(Map.of("--port", "8080", "--bind", "127.0.0.1", "--data", "registry-data",
                "--max-body", String.valueOf(1 << 20), "--store", "sqlite", "--topic", KafkaSettings.DEFAULT_TOPIC,
                "--replication-factor", "1", "--min-insync-replicas", "1", "--partitions", "1"));
        boolean openReads = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--open-reads")) {
                openReads = true;
            } else if (options.containsKey(args[i]) || args[i].equals("--tokens") || args[i].equals("--bootstrap-servers")) {
                if (i + 1 >= args.length) {
                    fail(args[i] + " needs a value");
                }
                options.put(args[i], args[++i]);
            } else {
                fail("unknown option " + args[i] + "; options: --port N, --bind ADDRESS, --data DIR, --tokens FILE, --open-reads,"
                        + " --max-body BYTES, --store sqlite|kafka, --bootstrap-servers HOST:PORT, --topic NAME, --partitions N,"
                        + " --replication-factor N, --min-insync-replicas N");
            }
        }
        String spec = options.containsKey("--tokens") ? Files.readString(Path.of(options.get("--tokens")))
                : System.getenv().getOrDefault("STRATA_REGISTRY_TOKENS", "");
        Tokens tokens;
        try {
            tokens = Tokens.parse(spec, openReads);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        Path data = Path.of(options.get("--data")).toAbsolutePath();
        EventStore store;
        String where;
        try {
            if (options.get("--store").equals("kafka")) {
                KafkaSettings settings = new KafkaSettings(options.getOrDefault("--bootstrap-servers", ""), options.get("--topic"),
                        Integer.parseInt(options.get("--partitions")), Short.parseShort(options.get("--replication-factor")),
                        Integer.parseInt(options.get("--min-insync-replicas")), java.time.Duration.ofSeconds(30));
                store = KafkaEventStore.open(settings);
                where = "topic " + settings.topic() + " on " + settings.bootstrapServers();
            } else if (options.get("--store").equals("sqlite")) {
                store = SqliteEventStore.open(data.resolve("registry.db"));
                where = "data " + data.resolve("registry.db");
            } else {
                fail("--store " + options.get("--store") + ": use sqlite (the default) or kafka");
                return;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(e.getMessage());
            return;
        }
        Registry registry = new Registry(store);
        RegistryServer server = RegistryServer.start(new InetSocketAddress(options.get("--bind"), Integer.parseInt(options.get("--port"))),
                registry, tokens, Integer.parseInt(options.get("--max-body")));
        System.out.println("strata registry listening on http://" + options.get("--bind") + ":" + server.port()
                + " (" + where + ", " + registry.subjects().size() + " subjects)");
        EventStore opened = store;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            registry.close();
            opened.close();
        }));
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
