package dev.strata.registry;

import dev.strata.registry.http.RegistryServer;
import dev.strata.registry.http.Tokens;
import dev.strata.registry.service.Registry;
import dev.strata.registry.store.sqlite.SqliteEventStore;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the registry with the embedded store:
 * {@code java -jar registry.jar [--port 8080] [--bind 127.0.0.1] [--data registry-data] [--tokens FILE] [--open-reads]}.
 * Tokens come from {@code --tokens FILE} (lines {@code ROLE TOKEN}) or {@code STRATA_REGISTRY_TOKENS}
 * ({@code write:TOKEN,read:TOKEN}); they are never printed.
 */
public final class RegistryMain {

    private RegistryMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>(Map.of("--port", "8080", "--bind", "127.0.0.1", "--data", "registry-data",
                "--max-body", String.valueOf(1 << 20)));
        boolean openReads = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--open-reads")) {
                openReads = true;
            } else if (options.containsKey(args[i]) || args[i].equals("--tokens")) {
                if (i + 1 >= args.length) {
                    fail(args[i] + " needs a value");
                }
                options.put(args[i], args[++i]);
            } else {
                fail("unknown option " + args[i] + "; options: --port N, --bind ADDRESS, --data DIR, --tokens FILE, --open-reads, --max-body BYTES");
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
        SqliteEventStore store = SqliteEventStore.open(data.resolve("registry.db"));
        Registry registry = new Registry(store);
        RegistryServer server = RegistryServer.start(new InetSocketAddress(options.get("--bind"), Integer.parseInt(options.get("--port"))),
                registry, tokens, Integer.parseInt(options.get("--max-body")));
        System.out.println("strata registry listening on http://" + options.get("--bind") + ":" + server.port()
                + " (data " + data.resolve("registry.db") + ", " + registry.subjects().size() + " subjects)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            registry.close();
            store.close();
        }));
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
