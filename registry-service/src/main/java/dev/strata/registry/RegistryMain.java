package dev.strata.registry;

import dev.strata.events.checkpoint.SigningKey;
import dev.strata.registry.domain.EventStore;
import dev.strata.registry.http.RegistryServer;
import dev.strata.registry.http.ServerLimits;
import dev.strata.registry.http.Tokens;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.kafka.KafkaEventStore;
import dev.strata.registry.store.kafka.KafkaSettings;
import dev.strata.registry.store.sqlite.SqliteEventStore;
import dev.strata.registry.web.Access;
import dev.strata.registry.web.SignedCheckpoints;
import dev.strata.registry.web.WebUi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the registry with the embedded store:
 * {@code java -jar registry.jar [--port 8080] [--bind 127.0.0.1] [--data registry-data] [--tokens FILE] [--open-reads]
 * [--max-body BYTES] [--idle-timeout SECONDS] [--max-connections N] [--max-threads N] [--tls-keystore FILE] [--signing-key FILE]},
 * or on Kafka with {@code --store kafka --bootstrap-servers HOST:PORT [--topic strata.events] [--partitions 1]
 * [--replication-factor 1] [--min-insync-replicas 1]} (3 and 2 in production) and {@code --signing-key FILE}, the same for every
 * instance. Without {@code --signing-key}, checkpoints are signed with {@code signing-key.pem} in the data folder, created on first start.
 * Tokens come from {@code --tokens FILE} (lines {@code ROLE TOKEN}) or {@code STRATA_REGISTRY_TOKENS}
 * ({@code write:TOKEN,read:TOKEN}); the keystore's password from {@code STRATA_REGISTRY_TLS_PASSWORD}. Neither is
 * ever printed: a bad tokens entry is named by its position.
 */
public final class RegistryMain {

    private static final String OPTIONS = "options: --port N, --bind ADDRESS, --data DIR, --tokens FILE, --open-reads, --max-body BYTES,"
            + " --idle-timeout SECONDS, --max-connections N, --max-threads N, --tls-keystore FILE, --signing-key FILE, --store sqlite|kafka,"
            + " --bootstrap-servers HOST:PORT, --topic NAME, --partitions N, --replication-factor N, --min-insync-replicas N";

    private RegistryMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>(Map.of("--port", "8080", "--bind", "127.0.0.1", "--data", "registry-data",
                "--max-body", String.valueOf(ServerLimits.DEFAULT.maxBody()),
                "--idle-timeout", String.valueOf(ServerLimits.DEFAULT.idleTimeout().toSeconds()),
                "--max-connections", String.valueOf(ServerLimits.DEFAULT.maxConnections()),
                "--max-threads", String.valueOf(ServerLimits.DEFAULT.maxThreads())));
        options.putAll(Map.of("--store", "sqlite", "--topic", KafkaSettings.DEFAULT_TOPIC, "--partitions", "1",
                "--replication-factor", "1", "--min-insync-replicas", "1"));
        boolean openReads = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--open-reads")) {
                openReads = true;
            } else if (options.containsKey(args[i]) || args[i].equals("--tokens") || args[i].equals("--tls-keystore")
                    || args[i].equals("--bootstrap-servers") || args[i].equals("--signing-key")) {
                if (i + 1 >= args.length) {
                    fail(args[i] + " needs a value");
                }
                options.put(args[i], args[++i]);
            } else {
                fail("unknown option " + args[i] + "; " + OPTIONS);
            }
        }
        Tokens tokens;
        try {
            String spec = options.containsKey("--tokens") ? Files.readString(Path.of(options.get("--tokens")))
                    : System.getenv().getOrDefault("STRATA_REGISTRY_TOKENS", "");
            String source = options.containsKey("--tokens") ? "--tokens " + options.get("--tokens") : "STRATA_REGISTRY_TOKENS";
            try {
                tokens = Tokens.parse(spec, openReads);
            } catch (IllegalArgumentException e) {
                fail(source + ": " + e.getMessage());
                return;
            }
        } catch (IOException e) {
            fail("--tokens " + options.get("--tokens") + ": cannot read it (" + e.getClass().getSimpleName().replace("Exception", "")
                    + "); give a readable file of ROLE TOKEN lines");
            return;
        }
        ServerLimits limits = limits(options);
        Path data = Path.of(options.get("--data")).toAbsolutePath();
        SigningKey key = signingKey(options, data);
        EventStore store = openStore(options, data);
        String where = store instanceof KafkaEventStore ? "topic " + options.get("--topic") + " on " + options.get("--bootstrap-servers")
                : "data " + data.resolve("registry.db");
        Registry registry = new Registry(store, key);
        WebUi pages = new WebUi(registry, new Access(tokens.openReads(), tokens::mayRead), SignedCheckpoints.of(registry), Clock.systemUTC());
        RegistryServer server = RegistryServer.start(new InetSocketAddress(options.get("--bind"), number(options, "--port", 0)),
                registry, tokens, limits, Optional.of(pages));
        System.out.println("strata registry listening on " + (limits.tls().isPresent() ? "https" : "http") + "://"
                + options.get("--bind") + ":" + server.port() + " (" + where + ", " + (registry.ready()
                ? registry.subjects().size() + " subjects" + (registry.damaged().isEmpty() ? "" : ", damaged: " + registry.damaged().keySet())
                : "reading the log; /ready answers 503 until it is read") + ", signing key " + key.keyId() + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // requests in flight finish first: a write the store took is answered before the store closes
            server.close();
            registry.close();
            store.close();
        }));
    }

    /**
     * The operator's key, or the data folder's. On Kafka every instance must sign with one key (clients pin it), so a key
     * of each instance's own would make every other instance's checkpoints look forged.
     */
    private static SigningKey signingKey(Map<String, String> options, Path data) {
        try {
            if (options.containsKey("--signing-key")) {
                return SigningKeyFile.load(Path.of(options.get("--signing-key")));
            }
            if (options.get("--store").equals("kafka")) {
                fail("--store kafka needs --signing-key FILE, the same file for every instance (clients pin one key); create it with"
                        + " `openssl genpkey -algorithm ed25519 -out signing-key.pem`");
            }
            return SigningKeyFile.loadOrCreate(data);
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(e.getMessage());
            return null;
        }
    }

    /** The embedded SQLite store in the data folder, or the Kafka topic. */
    private static EventStore openStore(Map<String, String> options, Path data) {
        try {
            switch (options.get("--store")) {
                case "sqlite" -> {
                    return SqliteEventStore.open(data.resolve("registry.db"));
                }
                case "kafka" -> {
                    // not waiting for the topic to be read: the server answers /ready with 503 until it has been
                    return KafkaEventStore.start(new KafkaSettings(options.getOrDefault("--bootstrap-servers", ""), options.get("--topic"),
                            number(options, "--partitions", 1), (short) number(options, "--replication-factor", 1),
                            number(options, "--min-insync-replicas", 1), Duration.ofSeconds(30)));
                }
                default -> {
                    fail("--store " + options.get("--store") + ": use sqlite (the default) or kafka");
                    return null;
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(e.getMessage());
            return null;
        }
    }

    private static ServerLimits limits(Map<String, String> options) {
        try {
            ServerLimits limits = ServerLimits.DEFAULT.withMaxBody(number(options, "--max-body", 1))
                    .withIdleTimeout(Duration.ofSeconds(number(options, "--idle-timeout", 1)))
                    .withMaxConnections(number(options, "--max-connections", 1))
                    .withMaxThreads(number(options, "--max-threads", 8));
            if (options.containsKey("--tls-keystore")) {
                Path keystore = Path.of(options.get("--tls-keystore"));
                if (!Files.isRegularFile(keystore)) {
                    fail("--tls-keystore " + keystore + ": no such file; give a PKCS12 keystore with the server's key and certificate");
                }
                String password = System.getenv("STRATA_REGISTRY_TLS_PASSWORD");
                if (password == null) {
                    fail("--tls-keystore needs the keystore's password in STRATA_REGISTRY_TLS_PASSWORD");
                }
                limits = limits.withTls(new ServerLimits.Tls(keystore, password));
            }
            return limits;
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return ServerLimits.DEFAULT;
        }
    }

    private static int number(Map<String, String> options, String option, int least) {
        String v = options.get(option);
        if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) < least) {
            fail(option + " " + v + ": expected a whole number of at least " + least);
        }
        return Integer.parseInt(v);
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
