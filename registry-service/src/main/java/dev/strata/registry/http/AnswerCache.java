package dev.strata.registry.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rendered bodies of answers that can never change (the schema at a revision: revisions are never rewritten), the
 * most recently used first, so a repeated query costs a lookup instead of a render.
 */
final class AnswerCache {

    private final int capacity;
    private final Map<String, String> bodies;

    AnswerCache(int capacity) {
        this.capacity = capacity;
        this.bodies = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > AnswerCache.this.capacity;
            }
        };
    }

    /** The body cached under {@code key}, rendering (outside the lock) and keeping it when absent. */
    String get(String key, Supplier<String> render) {
        synchronized (bodies) {
            String body = bodies.get(key);
            if (body != null) {
                return body;
            }
        }
        String body = render.get();
        synchronized (bodies) {
            bodies.put(key, body);
        }
        return body;
    }
}
