package dev.strata.cli.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A check's findings about each of a list of revisions, taken from the {@link CheckCache} where an earlier check
 * found them under the same key, worked out (and kept) for the others. The findings are those of a check without
 * a cache: a key hashes everything that decides them.
 */
final class PerRevision {

    private static final String FORMAT = "strata-findings 1";

    private PerRevision() {
    }

    /**
     * @param settings what else decides the findings of {@code check}: its options
     * @param count how many revisions there are
     * @param item for the revision at an index, a key of everything about it that decides its findings; null: no key
     * @param find the findings about the revision at an index
     */
    static List<Finding> findings(CheckContext context, String check, String settings, int count, IntFunction<byte[]> item,
                                  IntFunction<List<Finding>> find) {
        List<Finding> out = new ArrayList<>();
        CheckCache cache = context.cache();
        if (cache == null || item == null) {
            for (int i = 0; i < count; i++) {
                out.addAll(find.apply(i));
            }
            return out;
        }
        StringBuilder head = new StringBuilder();
        CacheKeys.field(head, FORMAT);
        CacheKeys.field(head, BuildId.current());
        CacheKeys.field(head, check);
        CacheKeys.field(head, settings);
        byte[] prefix = CacheKeys.digest(null, head.toString());
        List<byte[]> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(CacheKeys.digest(prefix, item.apply(i)));
        }
        Map<Integer, String> kept = cache.texts(keys);
        Map<byte[], String> fresh = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            List<Finding> found = parse(kept.get(i));
            if (found == null) {
                found = find.apply(i);
                fresh.put(keys.get(i), FindingsJson.text(found));
            }
            out.addAll(found);
        }
        cache.keep(fresh);
        return out;
    }

    private static List<Finding> parse(String json) {
        try {
            return json == null ? null : FindingsJson.parse(json);
        } catch (IllegalArgumentException damaged) {
            return null;
        }
    }
}
