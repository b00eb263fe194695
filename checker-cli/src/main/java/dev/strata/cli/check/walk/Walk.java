package dev.strata.cli.check.walk;

import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.Finding;
import dev.strata.cli.check.HistoryWalk;
import dev.strata.cli.check.HistoryWalker;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.schema.Schema;

import java.util.ArrayList;
import java.util.List;
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
 * one core the versions are shared out between lanes, each on its own database.
 *
 * <pre>HistoryWalk walk = new Walk().walk(context, done -&gt; { });</pre>
 */
public final class Walk implements HistoryWalker {

    private static final int MAX_LANES = 2;

    @Override
    public HistoryWalk walk(CheckContext context, IntConsumer progress) {
        int lanes = Math.min(MAX_LANES, Runtime.getRuntime().availableProcessors());
        return run(context, progress, context.migrations().pairs().size() < 2 ? 1 : lanes);
    }

    /**
     * The walk on {@code lanes} scratch databases at once. Each takes a stretch of the history: it upgrades
     * straight through the versions before it, then makes the round trip of each of its own. On two cores
     * the first lane takes the first two thirds or so, and both finish in about the time of one walk over that much.
     */
    public static HistoryWalk run(CheckContext context, IntConsumer progress, int lanes) {
        List<MigrationPair> pairs = context.migrations().pairs();
        int[] starts = LaneSplit.of(pairs, lanes);
        // lanes stop once past a version where one stopped; -1 stops them all
        AtomicInteger limit = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger done = new AtomicInteger();
        IntConsumer tripDone = v -> progress.accept(done.incrementAndGet());
        java.util.Set<String> json = jsonNames(pairs);
        List<Lane> walking = new ArrayList<>();
        for (int k = 0; k < lanes; k++) {
            // the first lane also reads the empty schema of an empty history
            if (k == 0 || starts[k] < starts[k + 1]) {
                walking.add(new Lane(context, json, starts[k], starts[k + 1], limit, tripDone));
            }
        }
        if (walking.size() == 1) {
            return merge(pairs, List.of(walking.get(0).walk()));
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
            return merge(pairs, walking);
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
    private static java.util.Set<String> jsonNames(List<MigrationPair> pairs) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (MigrationPair pair : pairs) {
            out.addAll(dev.strata.events.schema.SqlText.jsonArguments(pair.up().text()));
            if (pair.down() != null) {
                out.addAll(dev.strata.events.schema.SqlText.jsonArguments(pair.down().text()));
            }
        }
        return out;
    }

    /** The lanes' findings in the order one walk would give them, up to the version where the walk stopped. */
    private static HistoryWalk merge(List<MigrationPair> pairs, List<Lane> lanes) {
        int stop = lanes.stream().mapToInt(l -> l.stop).min().orElse(Integer.MAX_VALUE);
        List<Finding> rev = new ArrayList<>();
        List<Finding> data = new ArrayList<>();
        List<Schema> live = new ArrayList<>();
        live.add(lanes.get(0).initial);
        String reason = null;
        for (int i = 0; i <= stop && i < pairs.size(); i++) {
            int at = i;
            Lane owner = lanes.stream().filter(l -> l.from <= at && at < l.to).findFirst().orElseThrow();
            RoundTrip.Outcome outcome = owner.outcomes.get(i);
            if (outcome != null) {
                rev.addAll(outcome.reversibility());
                data.addAll(outcome.data());
                if (outcome.after() != null) {
                    live.add(outcome.after());
                }
            }
            if (i == stop) {
                Lane stopped = lanes.stream().filter(l -> l.stop == at).findFirst().orElseThrow();
                reason = stopped.stopReason;
                // an upgrade that failed in a lane that only passed it, where its owner went on
                if (stopped.blocked != null && (outcome == null || outcome.stop() == null)) {
                    rev.add(stopped.blocked);
                }
            }
        }
        boolean stopped = stop < pairs.size();
        return new HistoryWalk(rev, data, live, stopped ? pairs.get(stop).version() : null, stopped ? reason : null);
    }
}
