package dev.strata.cli.check.walk;

import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.Finding;
import dev.strata.cli.check.HistoryWalk;
import dev.strata.cli.check.HistoryWalker;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.schema.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The walk over every version of a history. Each version's round trip is judged on the state a straight
 * upgrade through the versions before it gives, so one broken downgrade neither hides nor causes findings
 * of later versions; only an upgrade that fails even without seeded rows ends the walk. With more than
 * one core the versions are shared out between lanes, each on its own database. With a {@link WalkCache},
 * the walk starts after the versions whose outcomes the cache holds.
 *
 * <pre>HistoryWalk walk = new Walk().walk(context, done -&gt; { });</pre>
 */
public final class Walk implements HistoryWalker {

    private static final int MAX_LANES = 2;

    private final WalkCache cache;
    /** The JSON column names of the last migrations asked about: the keys and a cached walk both need them. */
    private List<MigrationPair> jsonOf;
    private Set<String> json;

    /** A walk over the whole history. */
    public Walk() {
        this(null);
    }

    /** A walk that reuses and keeps states in {@code cache} (null: none). */
    public Walk(WalkCache cache) {
        this.cache = cache;
    }

    @Override
    public HistoryWalk walk(CheckContext context, IntConsumer progress) {
        int lanes = Math.min(MAX_LANES, Runtime.getRuntime().availableProcessors());
        int n = context.migrations().pairs().size();
        return cache == null ? run(context, progress, n < 2 ? 1 : lanes)
                : CachedWalk.run(context, progress, lanes, cache, jsonNames(context));
    }

    @Override
    public List<byte[]> versionKeys(CheckContext context) {
        return ChainKeys.of(context, jsonNames(context));
    }

    private synchronized Set<String> jsonNames(CheckContext context) {
        List<MigrationPair> pairs = context.migrations().pairs();
        if (pairs != jsonOf) {
            json = jsonNames(pairs);
            jsonOf = pairs;
        }
        return json;
    }

    /**
     * The walk on {@code lanes} scratch databases at once. Each takes a stretch of the history: it upgrades
     * straight through the versions before it, then makes the round trip of each of its own. On two cores
     * the first lane takes the first two thirds or so, and both finish in about the time of one walk over that much.
     */
    public static HistoryWalk run(CheckContext context, IntConsumer progress, int lanes) {
        Set<String> json = jsonNames(context.migrations().pairs());
        AtomicInteger done = new AtomicInteger();
        List<Lane> walked = lanes(context, v -> progress.accept(done.incrementAndGet()), lanes, null, json, false);
        Map<Integer, RoundTrip.Outcome> outcomes = new HashMap<>();
        walked.forEach(l -> outcomes.putAll(l.outcomes));
        return merge(context.migrations().pairs(), new LiveSchemas(() -> walked.get(0).initial), outcomes, Map.of(), walked);
    }

    /**
     * Runs lanes over the versions after {@code start} (all of them when it is null), from its state, and returns
     * them when all have finished.
     */
    static List<Lane> lanes(CheckContext context, IntConsumer tripDone, int lanes, Lane.Start start, Set<String> json,
                            boolean keepStates) {
        List<MigrationPair> pairs = context.migrations().pairs();
        int first = start == null ? 0 : start.after() + 1;
        int[] starts = LaneSplit.of(pairs.subList(first, pairs.size()), Math.max(1, Math.min(lanes, pairs.size() - first)));
        // lanes stop once past a version where one stopped; -1 stops them all
        AtomicInteger limit = new AtomicInteger(Integer.MAX_VALUE);
        List<Lane> walking = new ArrayList<>();
        for (int k = 0; k + 1 < starts.length; k++) {
            // the first lane also reads the empty schema of an empty history
            if (k == 0 || starts[k] < starts[k + 1]) {
                walking.add(new Lane(context, json, first + starts[k], first + starts[k + 1], limit, tripDone, start, keepStates));
            }
        }
        if (walking.size() == 1) {
            walking.get(0).walk();
            return walking;
        }
        ExecutorService pool = Executors.newFixedThreadPool(walking.size() - 1, r -> {
            Thread t = new Thread(r, "strata-walk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Lane>> others = new ArrayList<>();
            for (Lane lane : walking.subList(1, walking.size())) {
                others.add(pool.submit(lane::walk));
            }
            walking.get(0).walk();
            for (Future<Lane> f : others) {
                f.get();
            }
            return walking;
        } catch (ExecutionException e) {
            limit.set(-1);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            limit.set(-1);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while walking the history", e);
        } catch (RuntimeException | Error e) {
            limit.set(-1);
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    /** Names of columns the scripts read as JSON: the rows seeded there should be JSON, as the application's are. */
    static Set<String> jsonNames(List<MigrationPair> pairs) {
        Set<String> out = new java.util.HashSet<>();
        for (MigrationPair pair : pairs) {
            out.addAll(dev.strata.events.schema.SqlText.jsonArguments(pair.up().text()));
            if (pair.down() != null) {
                out.addAll(dev.strata.events.schema.SqlText.jsonArguments(pair.down().text()));
            }
        }
        return out;
    }

    /**
     * The outcomes in the order one walk would give them, up to the version where the walk stopped: that of a
     * lane, or of an outcome (a cached one) that stopped.
     *
     * @param live the schema before the first version, to which the schema after each version is added
     * @param deltas the schema after a cached version, as the delta from the one before it, by index
     */
    static HistoryWalk merge(List<MigrationPair> pairs, LiveSchemas live, Map<Integer, RoundTrip.Outcome> outcomes,
                             Map<Integer, String> deltas, List<Lane> lanes) {
        int stop = lanes.stream().mapToInt(l -> l.stop).min().orElse(Integer.MAX_VALUE);
        for (Map.Entry<Integer, RoundTrip.Outcome> e : outcomes.entrySet()) {
            if (e.getValue().stop() != null) {
                stop = Math.min(stop, e.getKey());
            }
        }
        List<Finding> rev = new ArrayList<>();
        List<Finding> data = new ArrayList<>();
        String reason = null;
        for (int i = 0; i <= stop && i < pairs.size(); i++) {
            int at = i;
            RoundTrip.Outcome outcome = outcomes.get(i);
            if (outcome != null) {
                rev.addAll(outcome.reversibility());
                data.addAll(outcome.data());
                if (outcome.after() != null) {
                    live.addKnown(outcome.after());
                } else if (deltas.containsKey(i)) {
                    live.addDelta(deltas.get(i));
                }
            }
            if (i == stop) {
                Lane stopped = lanes.stream().filter(l -> l.stop == at).findFirst().orElse(null);
                reason = stopped != null ? stopped.stopReason : outcome.stop();
                // an upgrade that failed in a lane that only passed it, where its owner went on
                if (stopped != null && stopped.blocked != null && (outcome == null || outcome.stop() == null)) {
                    rev.add(stopped.blocked);
                }
            }
        }
        boolean stopped = stop < pairs.size();
        return new HistoryWalk(rev, data, live, stopped ? pairs.get(stop).version() : null, stopped ? reason : null);
    }
}
