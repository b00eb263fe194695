package dev.strata.cli.check.walk;

import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.HistoryWalk;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.schema.Schema;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A walk that takes from a {@link WalkCache} the outcomes of the versions it already holds, starts its lanes at
 * the last state the cache holds among them, and leaves there what it reaches. The findings are those of a
 * walk over the whole history: a state is only found under the key of everything that led to it.
 */
final class CachedWalk {

    private CachedWalk() {
    }

    /** @param json the names of columns the scripts read as JSON ({@link Walk#jsonNames}) */
    static HistoryWalk run(CheckContext context, IntConsumer progress, int lanes, WalkCache cache, Set<String> json) {
        List<MigrationPair> pairs = context.migrations().pairs();
        List<byte[]> keys = context.versionKeys();
        Map<Integer, RoundTrip.Outcome> outcomes = new HashMap<>();
        Map<Integer, String> deltas = new HashMap<>();
        boolean stopped = false;
        List<String> found = cache.outcomes(keys);
        for (int i = 0; i < found.size() && !stopped; i++) {
            OutcomeJson.Cached o;
            try {
                o = OutcomeJson.read(found.get(i));
            } catch (IllegalArgumentException e) {
                // a damaged entry: walk from the state before it
                break;
            }
            outcomes.put(i, o.outcome());
            if (o.delta() != null) {
                deltas.put(i, o.delta());
            }
            stopped = o.outcome().stop() != null;
        }
        // the empty database's schema, only when something asks for a schema no later one is known for
        Supplier<Schema> initial = () -> {
            try (Scratch empty = Scratch.empty(context, json)) {
                return empty.schema();
            }
        };
        AtomicInteger done = new AtomicInteger();
        IntConsumer tripDone = v -> progress.accept(done.incrementAndGet());
        if (stopped || outcomes.size() == pairs.size()) {
            outcomes.keySet().forEach(tripDone::accept);
            return Walk.merge(pairs, new LiveSchemas(initial), outcomes, deltas, List.of()).withFromCache(outcomes.size());
        }
        Lane.Start start = null;
        for (int k = outcomes.size() - 1; k >= 0 && start == null; k--) {
            Scratch.State state = cache.state(keys.get(k));
            if (state != null) {
                start = new Lane.Start(k, state);
            }
        }
        int resumeAfter = start == null ? -1 : start.after();
        // the versions after the state are walked again, as the lanes need their states
        outcomes.keySet().removeIf(i -> i > resumeAfter);
        outcomes.keySet().forEach(tripDone::accept);
        int fromCache = outcomes.size();
        List<Lane> walked = Walk.lanes(context, tripDone, lanes, start, json, true);
        walked.forEach(l -> outcomes.putAll(l.outcomes));
        LiveSchemas live = new LiveSchemas(initial);
        HistoryWalk result = Walk.merge(pairs, live, outcomes, deltas, walked);
        if (start != null && walked.get(0).resumedAt != null) {
            live.know(resumeAfter + 1, walked.get(0).resumedAt);
        }
        save(cache, keys, resumeAfter, result, outcomes, walked);
        return result.withFromCache(fromCache);
    }

    /** Keeps the outcomes of the versions walked now, up to where the walk stopped, and the lanes' states. */
    private static void save(WalkCache cache, List<byte[]> keys, int resumeAfter, HistoryWalk result,
                             Map<Integer, RoundTrip.Outcome> outcomes, List<Lane> lanes) {
        int last = result.stoppedAt() == null ? keys.size() - 1 : indexOf(result, keys.size());
        Map<byte[], String> kept = new LinkedHashMap<>();
        for (int i = resumeAfter + 1; i <= last; i++) {
            RoundTrip.Outcome o = outcomes.get(i);
            String json = o == null ? null : OutcomeJson.write(o, result.liveSchemas().get(i));
            if (json == null) {
                // what comes after a version that cannot be kept can be found only through it
                last = i - 1;
                break;
            }
            kept.put(keys.get(i), json);
        }
        int through = last;
        // in the order of the versions: a cache that outgrows its limit drops the earliest first
        java.util.TreeMap<Integer, Scratch.State> byVersion = new java.util.TreeMap<>();
        lanes.forEach(l -> byVersion.putAll(l.states));
        Map<byte[], Scratch.State> states = new LinkedHashMap<>();
        int stop = result.stoppedAt() == null ? Integer.MAX_VALUE : indexOf(result, keys.size());
        byVersion.forEach((i, state) -> {
            if (i <= through && i < stop) {
                states.put(keys.get(i), state);
            }
        });
        cache.save(kept, states);
    }

    /** The index of the version where the walk stopped. */
    private static int indexOf(HistoryWalk result, int versions) {
        // the schemas after each version up to the one before the stop, and the empty one before them all
        return Math.min(result.liveSchemas().size() - 1, versions - 1);
    }
}
