package dev.strata.registry.domain;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An insertion-ordered map nobody can change, which a {@link SubjectLog} hands on to the next one as it is. Its entries
 * sit in levels, oldest first, shared by every map made from this one: a new entry goes into a small newest level, and
 * two neighbouring levels are merged when the newer has grown as large as the older (a binary counter), so an entry is
 * copied about log(n) times in all and a lookup asks about log(n) levels. The writer folds every committed event: copying
 * a subject's 600 tags per tag released held every append back, and so did copying its last 64 and every 64th time all.
 * It iterates, compares and hashes as one {@link LinkedHashMap} given the same puts would.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    /** Entries the newest level takes before a new level begins. */
    private static final int RECENT = 8;

    // oldest first; each level unmodifiable and never changed; no key is in two levels
    private final List<Map<K, V>> levels;
    private final int size;

    private FrozenMap(List<Map<K, V>> levels, int size) {
        this.levels = levels;
        this.size = size;
    }

    /** {@code source} itself when it is frozen already, else a frozen copy. */
    static <K, V> FrozenMap<K, V> of(Map<K, V> source) {
        if (source instanceof FrozenMap<K, V> frozen) {
            return frozen;
        }
        return source.isEmpty() ? new FrozenMap<>(List.of(), 0)
                : new FrozenMap<>(List.of(Collections.unmodifiableMap(new LinkedHashMap<>(source))), source.size());
    }

    /** This map with {@code value} under {@code key}: in the key's place when it had one, else last. */
    FrozenMap<K, V> with(K key, V value) {
        List<Map<K, V>> next = new ArrayList<>(levels);
        for (int i = next.size() - 1; i >= 0; i--) {
            if (next.get(i).containsKey(key)) {
                next.set(i, put(next.get(i), key, value));
                return new FrozenMap<>(List.copyOf(next), size);
            }
        }
        int last = next.size() - 1;
        if (last >= 0 && next.get(last).size() < RECENT) {
            next.set(last, put(next.get(last), key, value));
        } else {
            next.add(put(Map.of(), key, value));
        }
        while (next.size() >= 2 && next.get(next.size() - 2).size() <= next.get(next.size() - 1).size()) {
            Map<K, V> newer = next.remove(next.size() - 1);
            Map<K, V> merged = new LinkedHashMap<>(next.get(next.size() - 1));
            merged.putAll(newer);
            next.set(next.size() - 1, Collections.unmodifiableMap(merged));
        }
        return new FrozenMap<>(List.copyOf(next), size + 1);
    }

    private static <K, V> Map<K, V> put(Map<K, V> level, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(level);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public V get(Object key) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            V v = levels.get(i).get(key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            if (levels.get(i).containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Map<K, V>> rest = levels.iterator();
                return new Iterator<>() {
                    private Iterator<Entry<K, V>> current = Collections.emptyIterator();

                    @Override
                    public boolean hasNext() {
                        while (!current.hasNext() && rest.hasNext()) {
                            current = rest.next().entrySet().iterator();
                        }
                        return current.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return current.next();
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        levels.forEach(level -> level.forEach(action));
    }
}
