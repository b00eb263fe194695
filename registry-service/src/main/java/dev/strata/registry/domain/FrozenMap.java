package dev.strata.registry.domain;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An insertion-ordered map nobody can change, which a {@link SubjectLog} hands on to the next one as it is. A new entry
 * goes into a small map of recent ones and the older entries are shared, copied only when the recent ones are many or an
 * older key gets a new value: the writer folds every committed event, and copying a subject's 600 tags per tag released
 * held every append back. It iterates, compares and hashes as one {@link LinkedHashMap} given the same puts would.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    /** Recent entries at most before they are merged into the shared ones. */
    private static final int RECENT = 64;

    private final Map<K, V> older;
    private final Map<K, V> recent;

    private FrozenMap(Map<K, V> older, Map<K, V> recent) {
        this.older = older;
        this.recent = recent;
    }

    /** {@code source} itself when it is frozen already, else a frozen copy. */
    static <K, V> FrozenMap<K, V> of(Map<K, V> source) {
        return source instanceof FrozenMap<K, V> frozen ? frozen : new FrozenMap<>(new LinkedHashMap<>(source), Map.of());
    }

    /** This map with {@code value} under {@code key}: in the key's place when it had one, else last. */
    FrozenMap<K, V> with(K key, V value) {
        if (!older.containsKey(key) && (recent.containsKey(key) || recent.size() < RECENT)) {
            Map<K, V> next = new LinkedHashMap<>(recent);
            next.put(key, value);
            return new FrozenMap<>(older, next);
        }
        Map<K, V> merged = new LinkedHashMap<>(older);
        merged.putAll(recent);
        merged.put(key, value);
        return new FrozenMap<>(merged, Map.of());
    }

    @Override
    public V get(Object key) {
        V v = recent.get(key);
        return v != null ? v : older.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return recent.containsKey(key) || older.containsKey(key);
    }

    @Override
    public int size() {
        // no key is in both
        return older.size() + recent.size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> first = Collections.unmodifiableMap(older).entrySet().iterator();
                Iterator<Entry<K, V>> second = Collections.unmodifiableMap(recent).entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return first.hasNext() || second.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        return first.hasNext() ? first.next() : second.next();
                    }
                };
            }

            @Override
            public int size() {
                return FrozenMap.this.size();
            }
        };
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        older.forEach(action);
        recent.forEach(action);
    }
}
