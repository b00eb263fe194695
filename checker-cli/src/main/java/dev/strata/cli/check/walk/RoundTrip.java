package dev.strata.cli.check.walk;

import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.DataDependence;
import dev.strata.cli.check.Finding;
import dev.strata.cli.check.HistoryWalk;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;
import dev.strata.events.projection.Difference;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sqlite.DataSnapshot;
import dev.strata.events.sqlite.ScriptException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The round trip of one version on a database at the state a straight upgrade through the versions
 * before it gives: rows, up, down, up again, each compared with what it should give. When the
 * round trip leaves the database anywhere but at the state a straight upgrade through this version
 * gives, the lane replays the upgrades instead, so the next version is judged on its own.
 */
final class RoundTrip {

    /**
     * What one version's round trip found, and where the walk goes on from.
     *
     * @param after the schema a straight upgrade through this version gives, or null when the walk stops here
     * @param next the database to go on with, or null when the walk stops here
     * @param stop why nothing after this version can be checked, or null
     */
    record Outcome(List<Finding> reversibility, List<Finding> data, Schema after, Scratch next, String stop) {
        Outcome {
            reversibility = List.copyOf(reversibility);
            data = List.copyOf(data);
        }
    }

    private final CheckContext context;
    private final int index;
    private final MigrationPair pair;
    private final String label;
    private final List<Finding> rev = new ArrayList<>();
    private final List<Finding> data = new ArrayList<>();
    /** On the second try, the schema after the upgrade, whose constraints the seeded rows satisfy; else null. */
    private final Schema conformTo;
    private boolean upgradeFailed;

    RoundTrip(CheckContext context, int index) {
        this(context, index, null);
    }

    private RoundTrip(CheckContext context, int index, Schema conformTo) {
        this.context = context;
        this.index = index;
        this.pair = context.migrations().pairs().get(index);
        this.label = context.label(pair);
        this.conformTo = conformTo;
    }

    Outcome run(Scratch s) {
        s.seedNewTables();
        Schema current = s.schema();
        // only the tables the scripts name, their children (cascades) and what their triggers write can change
        Set<Identifier> affected = Tables.affected(current, pair);
        DataSnapshot rowsBefore = s.topUp(current, affected, conformTo);

        ScriptException upFailed = apply(s, pair.up());
        if (upFailed != null) {
            upgradeFailed = true;
            return conformTo != null ? null : upgradeFailed(s, current, affected, upFailed);
        }
        Schema after = s.read(null);
        RowChecks.lostByUp(pair, current, rowsBefore, s.db().snapshot(after, affected), data);

        if (pair.down() == null) {
            rev.add(Finding.error(HistoryWalk.REVERSIBILITY, pair.version(), pair.up().file(), label + " has no downgrade: "
                    + "U" + pair.version() + "__" + pair.description() + ".sql is missing",
                    "write the downgrade next to the upgrade, or regenerate it with `strata generate`"));
            return done(s, after);
        }
        ScriptException downFailed = apply(s, pair.down());
        if (downFailed != null) {
            List<DataDependence.Constraint> broken = broken(s, after, current);
            if (downFailed.isConstraintViolation() && !broken.isEmpty()) {
                for (DataDependence.Constraint c : broken) {
                    data.add(Finding.warning(HistoryWalk.DATA, pair.version(), pair.down().file(), "[data-dependent] "
                            + Failures.fileName(pair.down()) + " fails on rows that break the " + c.constraint() + " it puts back on table "
                            + c.table() + " (" + downFailed.sqliteMessage() + ")", "before rolling back, run: " + c.query()));
                }
            } else {
                rev.add(failure(pair.down(), downFailed, "downgrade", ""));
            }
            // a failed script leaves the database as it was, after the upgrade: confirm before going on from it
            return s.read(after).equals(after) ? done(s, after) : replayed(s, after);
        }
        Schema afterDown = s.read(current);
        List<Difference> undone = SchemaDiff.differences(current, afterDown, "the schema before V" + pair.version(),
                "the schema after " + Failures.fileName(pair.down()));
        List<Difference> real = undone.stream().filter(d -> !d.informational()).toList();
        if (!real.isEmpty()) {
            rev.add(Finding.error(HistoryWalk.REVERSIBILITY, pair.version(), pair.down().file(), Failures.fileName(pair.down())
                    + " does not restore the schema before " + Failures.fileName(pair.up()) + ": " + join(real),
                    "make the downgrade undo exactly what the upgrade does, or regenerate it with `strata generate`"));
        } else if (!undone.isEmpty()) {
            rev.add(Finding.warning(HistoryWalk.REVERSIBILITY, pair.version(), pair.down().file(), "[column-order] "
                    + Failures.fileName(pair.down()) + " restores every column, in another order: " + join(undone),
                    "harmless for SQL that names its columns; to restore the order, rebuild the table in the downgrade"));
        }
        RowChecks.afterDown(pair, current, after, rowsBefore, s.db().snapshot(afterDown, affected), data);
        if (!real.isEmpty()) {
            // what the upgrade would do again on a schema the downgrade left wrong is a consequence, not news
            return replayed(s, after);
        }

        ScriptException again = apply(s, pair.up());
        if (again != null) {
            rev.add(failure(pair.up(), again, "upgrade (run again after its downgrade)", ""));
            return replayed(s, after);
        }
        Schema redone = s.read(after);
        List<Difference> differs = SchemaDiff.differences(after, redone, "the schema after " + Failures.fileName(pair.up()),
                "the schema after " + Failures.fileName(pair.up()) + " ran again").stream().filter(d -> !d.informational()).toList();
        if (!differs.isEmpty()) {
            rev.add(Finding.error(HistoryWalk.REVERSIBILITY, pair.version(), pair.down().file(), "after "
                    + Failures.fileName(pair.down()) + ", running " + Failures.fileName(pair.up()) + " again gives another schema: "
                    + join(differs), "the downgrade leaves something behind that changes the upgrade; make it undo everything"));
            return replayed(s, after);
        }
        return done(s, redone);
    }

    /**
     * The upgrade failed on the database with seeded rows. Without rows, it either runs or fails again, and then
     * nothing after it can be checked. When it runs and the seeded rows break a constraint it adds, the round trip
     * is made again on rows that satisfy it: the failure is then the data's (the lint's data-dependent warning
     * names it), not the migration's.
     */
    private Outcome upgradeFailed(Scratch s, Schema current, Set<Identifier> affected, ScriptException failure) {
        // the failed script left the database as it was before it, rows and all; only the rows of the tables it can
        // touch can make it fail
        byte[] before = s.image();
        if (!s.emptyTables(affected)) {
            s.close();
            return upgradeFailedOnReplay(s, failure);
        }
        ScriptException bare = apply(s, pair.up());
        if (bare != null) {
            s.close();
            rev.add(failure(pair.up(), bare, "upgrade", " (also without seeded rows)"));
            return new Outcome(rev, data, null, null, "the upgrade of " + label + " fails even without seeded rows");
        }
        Schema after = s.read(null);
        Scratch withRows = s.copy(before);
        List<DataDependence.Constraint> broken = broken(withRows, current, after);
        if (failure.isConstraintViolation() && !broken.isEmpty()) {
            Outcome again = onConformingRows(withRows, after, affected, broken, failure);
            if (again != null) {
                s.close();
                return again;
            }
        } else {
            withRows.close();
        }
        rev.add(failure(pair.up(), failure, "upgrade", broken.isEmpty()
                ? " (with the rows seeded before it, which satisfy every constraint before and after it; without rows it runs)"
                : " (with the rows seeded before it, and also with rows that satisfy the constraints it adds; without rows it runs)"));
        return done(s, after);
    }

    /** The slow way, when a trigger keeps rows from being deleted: a database replayed without rows. */
    private Outcome upgradeFailedOnReplay(Scratch s, ScriptException failure) {
        Scratch.Replayed replay = s.replay(index, false);
        if (!replay.ok()) {
            if (replay.failedAt() == index) {
                rev.add(failure(pair.up(), replay.failure(), "upgrade", " (also without seeded rows)"));
            } else {
                rev.add(failure(pair.up(), failure, "upgrade", ""));
            }
            MigrationPair at = context.migrations().pairs().get(replay.failedAt());
            return new Outcome(rev, data, null, null, "the upgrade of " + context.label(at) + " fails even without seeded rows");
        }
        rev.add(failure(pair.up(), failure, "upgrade", " (with the rows seeded before it; without rows it runs)"));
        return done(replay.scratch(), replay.scratch().schema());
    }

    /**
     * The round trip again, on {@code s} (the database before the upgrade) with rows that satisfy the constraints
     * the upgrade adds; null if the upgrade fails on them too. {@code s} is closed unless its outcome goes on with it.
     */
    private Outcome onConformingRows(Scratch s, Schema after, Set<Identifier> affected, List<DataDependence.Constraint> broken,
                                     ScriptException failure) {
        if (!s.emptyTables(affected)) {
            s.close();
            return null;
        }
        s.seedConforming(after, affected);
        RoundTrip again = new RoundTrip(context, index, after);
        Outcome outcome = again.run(s);
        if (again.upgradeFailed) {
            s.close();
            return null;
        }
        List<Finding> notes = new ArrayList<>(outcome.data());
        notes.add(0, new Finding(HistoryWalk.DATA, Finding.Severity.INFO, pair.version(), pair.up().file(), null,
                Failures.fileName(pair.up()) + " fails on the rows seeded before it (" + failure.sqliteMessage() + "): they break the "
                        + broken.stream().map(DataDependence.Constraint::constraint).distinct().reduce((a, b) -> a + ", " + b).orElse("")
                        + " it adds; its round trip was made on rows that satisfy it", "see the lint check's data-dependent warning"));
        List<Finding> findings = new ArrayList<>(rev);
        findings.addAll(outcome.reversibility());
        return new Outcome(findings, notes, outcome.after(), outcome.next(), outcome.stop());
    }

    /** The constraints {@code to} puts on rows of {@code from} that the database's rows break now. */
    private static List<DataDependence.Constraint> broken(Scratch s, Schema from, Schema to) {
        return DataDependence.between(from, to).stream().filter(c -> s.db().finds(c.query())).toList();
    }

    /** Goes on from a new database upgraded straight through this version, as the one here may hold a failed round trip's leftovers. */
    private Outcome replayed(Scratch s, Schema expected) {
        s.close();
        Scratch.Replayed replay = s.replay(index, true);
        if (!replay.ok()) {
            MigrationPair at = context.migrations().pairs().get(replay.failedAt());
            rev.add(failure(at.up(), replay.failure(), "upgrade", " (replaying the upgrades after a failed round trip)"));
            return new Outcome(rev, data, null, null, "the upgrade of " + context.label(at) + " fails even without seeded rows");
        }
        return done(replay.scratch(), replay.scratch().read(expected));
    }

    private Outcome done(Scratch next, Schema after) {
        unknownFunctions(next.notices());
        return new Outcome(rev, data, after, next, null);
    }

    private ScriptException apply(Scratch s, MigrationScript script) {
        try {
            s.apply(script);
            return null;
        } catch (ScriptException e) {
            return e;
        } finally {
            unknownFunctions(s.notices());
        }
    }

    private void unknownFunctions(LaneNotices notices) {
        for (LaneNotices.Found f : notices.drain()) {
            rev.add(unknownFunction(f));
        }
        for (LaneNotices.Unseeded u : notices.drainUnseeded()) {
            data.add(new Finding(HistoryWalk.DATA, Finding.Severity.INFO, pair.version(), pair.up().file(), null,
                    "table " + u.table() + " got no seeded rows (" + u.why().replace("\n", " ")
                            + "), so the data check cannot see what this and later versions do to its rows", null));
        }
    }

    private Finding unknownFunction(LaneNotices.Found f) {
        return new Finding(HistoryWalk.REVERSIBILITY, Finding.Severity.ERROR, pair.version(), f.script().file(),
                f.script().lineOf(Math.max(1, f.statement())), Failures.fileName(f.script()) + " calls " + f.function()
                + "(), which SQLite does not have; the check went on with a stand-in that gives back its first argument",
                "if the application registers " + f.function() + " on its connections, declare it in strata.yaml:"
                        + " `check: {functions: {" + f.function() + ": identity}}`, with a built-in "
                        + new java.util.TreeSet<>(dev.strata.events.sqlite.AppFunctions.BUILT_INS)
                        + " or an SQL expression over ?1, ?2, ...");
    }

    private Finding failure(MigrationScript script, ScriptException e, String what, String more) {
        return Failures.of(script, e, what, label, context.options().foreignKeys(), more);
    }

    private static String join(List<Difference> differences) {
        return String.join("; ", differences.stream().map(Difference::message).toList());
    }
}
