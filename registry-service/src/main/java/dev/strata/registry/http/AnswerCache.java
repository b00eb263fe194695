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
    private final Map<String, byte[]> bodies;

    AnswerCache(int capacity) {
        this.capacity = capacity;
        this.bodies = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > AnswerCache.this.capacity;
            }
        };
    }

    /**
     * The body cached under {@code key}, encoded in UTF-8 (a body of 500 KB is sent without a copy per request), rendering
     * it (outside the lock) and keeping it when absent. Nobody may change the array.
     */
    byte[] get(String key, Supplier<String> render) {
        synchronized (bodies) {
            byte[] body = bodies.get(key);
            if (body != null) {
                return body;
            }
        }
        byte[] body = Response.utf8(render.get());
        synchronized (bodies) {
            bodies.put(key, body);
        }
        return body;
    }
}
