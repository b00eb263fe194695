package dev.strata.cli.check.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.check.CheckCache;
import dev.strata.events.schema.Identifier;
import dev.strata.events.sqlite.KeyedStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where walks leave what they reached, so the next check of the same history starts after it: for each version,
 * under a key that hashes everything deciding it ({@link ChainKeys}), its outcome and the schema after it; every
 * so many versions, and after the last, the scratch database itself. The other checks keep their findings about
 * each revision here too ({@link CheckCache}). One file in a folder of its own, safe to
 * delete at any time; the least recently used entries go when it outgrows its limit. A cache that cannot be used
 * (damaged, locked, read-only) is left alone, and the check runs without it and says so.
 *
 * <pre>try (WalkCache cache = WalkCache.in(Path.of(".strata/cache"), WalkCache.DEFAULT_LIMIT)) { new Walk(cache) ... }</pre>
 */
public final class WalkCache implements CheckCache, AutoCloseable {

    /** The size a cache may grow to unless configured otherwise: 256 MiB. */
    public static final long DEFAULT_LIMIT = 256L << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path folder;
    private final long limit;
    private KeyedStore store;
    private String note;

    private WalkCache(Path folder, long limit) {
        this.folder = folder;
        this.limit = limit;
    }

    /** The cache in {@code folder} (created when first used), at most {@code limitBytes} large. */
    public static WalkCache in(Path folder, long limitBytes) {
        if (limitBytes < 1) {
            throw new IllegalArgumentException("a cache's limit is at least one byte");
        }
        return new WalkCache(folder, limitBytes);
    }

    /** Why the cache could not be used, for people, or null. */
    public String note() {
        return note;
    }

    /** The outcomes stored for the longest run of {@code keys} from the first, in order. */
    List<String> outcomes(List<byte[]> keys) {
        KeyedStore s = store();
        try {
            return s == null ? List.of() : s.texts(keys);
        } catch (KeyedStore.UnusableException e) {
            fail(e);
            return List.of();
        }
    }

    @Override
    public Map<Integer, String> texts(List<byte[]> keys) {
        KeyedStore s = store();
        try {
            return s == null ? Map.of() : s.each(keys);
        } catch (KeyedStore.UnusableException e) {
            fail(e);
            return Map.of();
        }
    }

    @Override
    public void keep(Map<byte[], String> texts) {
        save(texts, Map.of());
    }

    /** The state stored under {@code key}, or null. */
    Scratch.State state(byte[] key) {
        KeyedStore s = store();
        try {
            KeyedStore.Large large = s == null ? null : s.large(key);
            if (large == null) {
                return null;
            }
            JsonNode meta = MAPPER.readTree(large.about());
            return new Scratch.State(large.bytes(), identifiers(meta.get("seeded")), meta.get("counter").asLong(),
                    names(meta.get("functions")), identifiers(meta.get("unseeded")));
        } catch (IOException | RuntimeException e) {
            fail(e);
            return null;
        }
    }

    /** Stores outcomes and states by key, all or none, then trims the cache to its limit. */
    void save(Map<byte[], String> outcomes, Map<byte[], Scratch.State> states) {
        KeyedStore s = store();
        if (s == null || outcomes.isEmpty() && states.isEmpty()) {
            return;
        }
        Map<byte[], KeyedStore.Large> large = new LinkedHashMap<>();
        states.forEach((key, state) -> large.put(key, new KeyedStore.Large(meta(state), state.image())));
        try {
            s.put(outcomes, large, limit);
        } catch (KeyedStore.UnusableException e) {
            fail(e);
        }
    }

    private KeyedStore store() {
        if (store != null || note != null) {
            return store;
        }
        try {
            Files.createDirectories(folder);
            Path ignore = folder.resolve(".gitignore");
            if (!Files.exists(ignore)) {
                // the folder keeps itself out of version control, wherever it is
                Files.writeString(ignore, "# Strata's check cache: safe to delete, never to commit\n*\n", StandardCharsets.UTF_8);
            }
            store = KeyedStore.open(folder.resolve("walk.db"));
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        return store;
    }

    private void fail(Exception e) {
        if (note == null) {
            note = "the check cache in " + folder + " cannot be used (" + e.getMessage() + "); the check ran without it."
                    + " Delete the folder if this persists";
        }
        close();
    }

    private static String meta(Scratch.State s) {
        ObjectNode o = MAPPER.createObjectNode();
        s.seeded().forEach(id -> o.withArray("seeded").add(id.name()));
        o.put("counter", s.counter());
        s.functions().forEach(f -> o.withArray("functions").add(f));
        s.unseeded().forEach(id -> o.withArray("unseeded").add(id.name()));
        return o.toString();
    }

    private static Set<Identifier> identifiers(JsonNode array) {
        Set<Identifier> out = new HashSet<>();
        names(array).forEach(n -> out.add(Identifier.of(n)));
        return out;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
