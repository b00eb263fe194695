package dev.strata.events.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of entries by key, for caches: small texts, and large entries (bytes with a text describing them).
 * One SQLite file in WAL mode, so several processes may share it; each write is one transaction; the least
 * recently used large entries go first, then texts, when the file outgrows its limit.
 *
 * <pre>try (KeyedStore s = KeyedStore.open(dir.resolve("walk.db"))) { s.put(texts, large, 256L &lt;&lt; 20); }</pre>
 */
public final class KeyedStore implements AutoCloseable {

    private static final int FORMAT = 1;
    /** How recent a use need not be written again: a check that only reads writes nothing. */
    /** Keys looked up by one query (SQLite takes up to 32766 parameters). */
    private static final int LOOKUP_CHUNK = 500;
    private static final long USED_GRAIN_MILLIS = 60 * 60 * 1000L;

    /** A large entry: its bytes, and a text about them. */
    public record Large(String about, byte[] bytes) {
    }

    /** The store cannot be used: damaged, locked or not writable; what SQLite said is the message. */
    public static final class UnusableException extends RuntimeException {
        UnusableException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final Connection c;

    private KeyedStore(Connection c) {
        this.c = c;
    }

    /** @throws UnusableException when the file cannot be opened or is not a store of this format */
    public static KeyedStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA journal_mode = WAL");
                // a cache: a crash may lose the last write, never the file (WAL keeps it whole)
                st.execute("PRAGMA synchronous = NORMAL");
                if (pragma(st, "user_version") != FORMAT) {
                    st.execute("DROP TABLE IF EXISTS text");
                    st.execute("DROP TABLE IF EXISTS large");
                    st.execute("CREATE TABLE text (key BLOB PRIMARY KEY, value TEXT NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID");
                    st.execute("CREATE TABLE large (key BLOB PRIMARY KEY, about TEXT NOT NULL, bytes BLOB NOT NULL, used INTEGER NOT NULL)");
                    st.execute("PRAGMA user_version = " + FORMAT);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new KeyedStore(c);
        } catch (SQLException | IOException e) {
            throw new UnusableException(e);
        }
    }

    /** The texts stored for the longest run of {@code keys} from the first, in order; each is marked used now. */
    public List<String> texts(List<byte[]> keys) {
        return List.copyOf(lookUp(keys, true).values());
    }

    /** The texts stored under any of {@code keys}, by the index of their key; each is marked used now. */
    public Map<Integer, String> each(List<byte[]> keys) {
        return lookUp(keys, false);
    }

    private Map<Integer, String> lookUp(List<byte[]> keys, boolean run) {
        Map<java.nio.ByteBuffer, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.putIfAbsent(java.nio.ByteBuffer.wrap(keys.get(i)), i);
        }
        String[] found = new String[keys.size()];
        long now = System.currentTimeMillis();
        List<byte[]> stale = new ArrayList<>();
        try {
            // many keys a query: a query per key costs more in crossings to SQLite than in SQLite
            for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
                int to = Math.min(keys.size(), from + LOOKUP_CHUNK);
                String marks = String.join(", ", java.util.Collections.nCopies(to - from, "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT key, value, used FROM text WHERE key IN (" + marks + ")")) {
                    for (int i = from; i < to; i++) {
                        ps.setBytes(i - from + 1, keys.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byte[] key = rs.getBytes(1);
                            found[index.get(java.nio.ByteBuffer.wrap(key))] = rs.getString(2);
                            if (rs.getLong(3) < now - USED_GRAIN_MILLIS) {
                                stale.add(key);
                            }
                        }
                    }
                }
            }
            if (!stale.isEmpty()) {
                try (PreparedStatement used = c.prepareStatement("UPDATE text SET used = ? WHERE key = ?")) {
                    c.setAutoCommit(false);
                    for (byte[] key : stale) {
                        used.setLong(1, now);
                        used.setBytes(2, key);
                        used.executeUpdate();
                    }
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new UnusableException(e);
        }
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String text = found[index.get(java.nio.ByteBuffer.wrap(keys.get(i)))];
            if (text != null) {
                out.put(i, text);
            } else if (run) {
                break;
            }
        }
        return out;
    }

    /** The large entry stored under {@code key}, marked used now; null when there is none. */
    public Large large(byte[] key) {
        try (PreparedStatement ps = c.prepareStatement("SELECT about, bytes FROM large WHERE key = ?");
             PreparedStatement used = c.prepareStatement("UPDATE large SET used = ? WHERE key = ?")) {
            ps.setBytes(1, key);
            Large out;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                out = new Large(rs.getString(1), rs.getBytes(2));
            }
            used.setLong(1, System.currentTimeMillis());
            used.setBytes(2, key);
            used.executeUpdate();
            return out;
        } catch (SQLException e) {
            throw new UnusableException(e);
        }
    }

    /**
     * Stores entries, all or none, then drops the least recently used large entries (the earliest stored first), and
     * if it must texts, until the file is at most {@code limitBytes}.
     */
    public void put(Map<byte[], String> texts, Map<byte[], Large> large, long limitBytes) {
        long now = System.currentTimeMillis();
        try {
            try (PreparedStatement t = c.prepareStatement("INSERT OR REPLACE INTO text (key, value, used) VALUES (?, ?, ?)");
                 PreparedStatement l = c.prepareStatement("INSERT OR REPLACE INTO large (key, about, bytes, used) VALUES (?, ?, ?, ?)")) {
                c.setAutoCommit(false);
                for (Map.Entry<byte[], String> e : texts.entrySet()) {
                    t.setBytes(1, e.getKey());
                    t.setString(2, e.getValue());
                    t.setLong(3, now);
                    t.executeUpdate();
                }
                for (Map.Entry<byte[], Large> e : large.entrySet()) {
                    l.setBytes(1, e.getKey());
                    l.setString(2, e.getValue().about());
                    l.setBytes(3, e.getValue().bytes());
                    l.setLong(4, now);
                    l.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
            }
            trim(limitBytes);
        } catch (SQLException e) {
            throw new UnusableException(e);
        }
    }

    private void trim(long limit) throws SQLException {
        try (Statement st = c.createStatement()) {
            while (size(st) > limit && st.executeUpdate("DELETE FROM large WHERE rowid = (SELECT rowid FROM large ORDER BY used, rowid LIMIT 1)") > 0) {
                // one at a time: they are the large entries
            }
            for (int round = 0; round < 32 && size(st) > limit; round++) {
                st.executeUpdate("DELETE FROM text WHERE key IN (SELECT key FROM text ORDER BY used LIMIT (SELECT (count(*) + 1) / 2 FROM text))");
            }
            if (pragma(st, "freelist_count") * 4 > pragma(st, "page_count")) {
                // the space of what was dropped goes back to the file system: the file is then at most the limit
                st.execute("VACUUM");
            }
        }
    }

    private static long size(Statement st) throws SQLException {
        return (pragma(st, "page_count") - pragma(st, "freelist_count")) * pragma(st, "page_size");
    }

    private static long pragma(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException e) {
            // every write was committed or is dropped whole
        }
    }
}
