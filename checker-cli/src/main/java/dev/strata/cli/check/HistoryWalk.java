package dev.strata.cli.check;

import dev.strata.events.schema.Schema;

import java.util.List;

/**
 * What the walk over the history found: the {@code reversibility} and {@code data} findings, the
 * live schema a straight upgrade gives after each version it could apply, and where it had to stop.
 *
 * @param liveSchemas the empty schema, then the schema after each version up to the last upgrade that ran
 * @param stoppedAt the version whose upgrade fails even without seeded rows, after which nothing could be
 *     checked, or null when every version was checked
 * @param stopReason why the walk stopped, for people, or null
 * @param fromCache how many versions' outcomes an earlier check had found, taken from the cache
 */
public record HistoryWalk(List<Finding> reversibility, List<Finding> data, List<Schema> liveSchemas, Integer stoppedAt,
                          String stopReason, int fromCache) {

    public static final String REVERSIBILITY = "reversibility";
    public static final String DATA = "data";

    public HistoryWalk {
        reversibility = List.copyOf(reversibility);
        data = List.copyOf(data);
        // not copied: the walk's list works each schema out when first asked for
        liveSchemas = java.util.Collections.unmodifiableList(liveSchemas);
        if ((stoppedAt == null) != (stopReason == null)) {
            throw new IllegalArgumentException("a walk that stopped says why, and only then");
        }
    }

    public HistoryWalk(List<Finding> reversibility, List<Finding> data, List<Schema> liveSchemas, Integer stoppedAt, String stopReason) {
        this(reversibility, data, liveSchemas, stoppedAt, stopReason, 0);
    }

    /** The same walk, told how many of its versions' outcomes came from the cache. */
    public HistoryWalk withFromCache(int versions) {
        return new HistoryWalk(reversibility, data, liveSchemas, stoppedAt, stopReason, versions);
    }

    /** The live schema after the last version whose upgrade ran. */
    public Schema head() {
        return liveSchemas.get(liveSchemas.size() - 1);
    }
}
