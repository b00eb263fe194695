package dev.strata.cli.check.walk;

import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.Finding;
import dev.strata.cli.check.HistoryWalk;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.schema.Schema;
import dev.strata.events.sqlite.ScriptException;
import dev.strata.events.sqlite.UnsupportedSchemaException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * One scratch database that upgrades straight through the versions before {@code from}, then makes
 * the round trip of each version up to {@code to}. It stops only where an upgrade fails even without
 * seeded rows, and then tells the other lanes, through {@code limit}, to stop past that version.
 */
final class Lane {

    private static final int CHECKPOINT_EVERY = 16;
    private static final int STATE_EVERY = 64;

    final int from;
    final int to;
    final Map<Integer, RoundTrip.Outcome> outcomes = new HashMap<>();
    Schema initial;
    /** The schema of the state this lane began at, when it began at one. */
    Schema resumedAt;
    /** The index of the version where this lane stopped, or {@link Integer#MAX_VALUE}. */
    int stop = Integer.MAX_VALUE;
    /** Why, when it stopped on its way to its own versions, with the finding that stopped it. */
    String stopReason;
    Finding blocked;

    private final CheckContext context;
    private final java.util.Set<String> jsonNames;
    private final AtomicInteger limit;
    private final IntConsumer tripDone;
    private final Start start;
    private final boolean keepStates;
    /** The states after some of this lane's versions, by index, when asked to keep them. */
    final Map<Integer, Scratch.State> states = new HashMap<>();

    Lane(CheckContext context, java.util.Set<String> jsonNames, int from, int to, AtomicInteger limit, IntConsumer tripDone) {
        this(context, jsonNames, from, to, limit, tripDone, null, false);
    }

    /**
     * @param start the state after some version before {@code from} to begin at instead of an empty database, or null
     * @param keepStates whether to remember the state after every {@value #STATE_EVERY}th version and after its last
     */
    Lane(CheckContext context, java.util.Set<String> jsonNames, int from, int to, AtomicInteger limit, IntConsumer tripDone,
         Start start, boolean keepStates) {
        this.context = context;
        this.jsonNames = jsonNames;
        this.from = from;
        this.to = to;
        this.limit = limit;
        this.tripDone = tripDone;
        this.start = start;
        this.keepStates = keepStates;
    }

    /** A state to begin at: the database after the version at index {@code after}. */
    record Start(int after, Scratch.State state) {
    }

    Lane walk() {
        List<MigrationPair> pairs = context.migrations().pairs();
        Scratch s = start == null ? Scratch.empty(context, jsonNames) : Scratch.resumed(context, jsonNames, start.state(), start.after());
        int i = start == null ? 0 : start.after() + 1;
        try {
            initial = start == null ? s.schema() : null;
            resumedAt = start == null ? null : s.schema();
            for (; i < to && i <= limit.get(); i++) {
                if (i < from) {
                    s = passThrough(s, i);
                    if (s == null) {
                        return this;
                    }
                    // what is met on the way is reported by the lane that owns the version
                    s.notices().drain();
                    s.notices().drainUnseeded();
                    checkpoint(s, i);
                    continue;
                }
                RoundTrip.Outcome outcome = new RoundTrip(context, i).run(s);
                outcomes.put(i, outcome);
                s = outcome.next();
                tripDone.accept(i);
                if (outcome.stop() != null) {
                    stopAt(i, outcome.stop(), null);
                    return this;
                }
                checkpoint(s, i);
                if (keepStates && ((i + 1) % STATE_EVERY == 0 || i == to - 1)) {
                    states.put(i, s.state());
                }
            }
        } catch (UnsupportedSchemaException e) {
            // left what Strata cannot read: nothing later can be compared
            int at = Math.min(i, pairs.size() - 1);
            MigrationPair pair = pairs.get(at);
            Finding unreadable = Finding.error(HistoryWalk.REVERSIBILITY, pair.version(), pair.up().file(), "after the scripts of "
                    + context.label(pair) + ", the scratch database holds what Strata cannot read: " + e.getMessage(),
                    "this is a limit of Strata; please report it with the statement");
            outcomes.put(at, new RoundTrip.Outcome(List.of(unreadable), List.of(), null, null, "Strata cannot read the schema after it"));
            stopAt(at, "Strata cannot read the schema after " + context.label(pair), at < from ? unreadable : null);
        } finally {
            if (s != null) {
                s.close();
            }
        }
        return this;
    }

    /** The upgrade of a version this lane only passes; null when it fails even without rows. */
    private Scratch passThrough(Scratch s, int i) {
        MigrationPair pair = context.migrations().pairs().get(i);
        try {
            s.upgrade(pair);
            return s;
        } catch (ScriptException e) {
            // the failed script left the database as it was: try it without the rows of the tables it can touch
            if (s.emptyTables(Tables.affected(s.schema(), pair))) {
                try {
                    s.apply(pair.up());
                    s.read(null);
                    return s;
                } catch (ScriptException again) {
                    // the replay below reports it
                }
            }
            s.close();
            Scratch.Replayed replay = s.replay(i, false);
            if (replay.ok()) {
                return replay.scratch();
            }
            MigrationPair at = context.migrations().pairs().get(replay.failedAt());
            stopAt(replay.failedAt(), "the upgrade of " + context.label(at) + " fails even without seeded rows",
                    Failures.of(at.up(), replay.failure(), "upgrade", context.label(at), context.options().foreignKeys(),
                            " (also without seeded rows)"));
            return null;
        }
    }

    /** Every so many versions the lane remembers its database, so a failed round trip replays only a few versions. */
    private static void checkpoint(Scratch s, int i) {
        if ((i + 1) % CHECKPOINT_EVERY == 0) {
            s.checkpoint(i);
        }
    }

    private void stopAt(int i, String reason, Finding finding) {
        stop = i;
        stopReason = reason;
        blocked = finding;
        limit.accumulateAndGet(i, Math::min);
    }
}
