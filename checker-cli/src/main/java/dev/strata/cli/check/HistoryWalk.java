package dev.strata.cli.check;

import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;
import dev.strata.events.projection.Difference;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sqlite.DataSnapshot;
import dev.strata.events.sqlite.ScratchDatabase;
import dev.strata.events.sqlite.UnsupportedSchemaException;
import dev.strata.events.sqlite.ScriptException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * One walk over the committed migrations on an in-memory SQLite database, shared by the
 * {@code reversibility} and {@code data} checks. For each version: seed rows, apply up, introspect,
 * apply down, introspect and compare with the schema and rows before, apply up again and compare
 * with the schema after up. The database then stays at that version for the next one. With more
 * than one core the versions are shared out between lanes, each on its own database.
 */
public record HistoryWalk(List<Finding> reversibility, List<Finding> data, List<Schema> liveSchemas, Integer stoppedAt) {

    public static final String REVERSIBILITY = "reversibility";
    public static final String DATA = "data";
    private static final int MAX_LANES = 2;

    public HistoryWalk {
        reversibility = List.copyOf(reversibility);
        data = List.copyOf(data);
        liveSchemas = List.copyOf(liveSchemas);
    }

    /** The live schema after the last version the walk applied. */
    public Schema head() {
        return liveSchemas.get(liveSchemas.size() - 1);
    }

    static HistoryWalk run(CheckContext context, IntConsumer progress) {
        int lanes = Math.min(MAX_LANES, Runtime.getRuntime().availableProcessors());
        return run(context, progress, context.migrations().pairs().size() < 2 ? 1 : lanes);
    }

    /**
     * The walk on {@code lanes} scratch databases at once. Each takes a stretch of the history: it upgrades
     * straight through the versions before it, then makes the round trip (seed, up, down, up again, with their
     * comparisons) of each of its own. On two cores the first lane takes the first two thirds or so, and both
     * finish in about the time of one walk over that much.
     */
    static HistoryWalk run(CheckContext context, IntConsumer progress, int lanes) {
        List<MigrationPair> pairs = context.migrations().pairs();
        int[] starts = split(pairs, lanes);
        // lanes stop once past a version where one stopped; -1 stops them all
        AtomicInteger limit = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger done = new AtomicInteger();
        IntConsumer tripDone = v -> progress.accept(done.incrementAndGet());
        List<Lane> walking = new ArrayList<>();
        for (int k = 0; k < lanes; k++) {
            // the first lane also reads the empty schema of an empty history
            if (k == 0 || starts[k] < starts[k + 1]) {
                walking.add(new Lane(context, starts[k], starts[k + 1], limit, tripDone));
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
        } catch (RuntimeException | Error e) {
            limit.set(-1);
            throw e;
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
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Where each lane's round trips start, and the end: lane k owns versions {@code starts[k]} to
     * {@code starts[k + 1] - 1}, after upgrading straight through the versions before them. The split
     * evens out an estimate of each lane's work: a round trip runs three scripts, an upgrade on the way one,
     * and a statement costs more the later it comes, as SQLite's ALTER reads the whole schema.
     */
    static int[] split(List<MigrationPair> pairs, int lanes) {
        int n = pairs.size();
        double[] upgrades = new double[n + 1];
        double[] trips = new double[n + 1];
        for (int j = 0; j < n; j++) {
            MigrationPair pair = pairs.get(j);
            double later = 1 + 2.0 * j / n;
            int up = pair.up().script().statements().size();
            int down = pair.down() == null ? 0 : pair.down().script().statements().size();
            upgrades[j + 1] = upgrades[j] + up * later;
            // the reads and comparisons of a round trip count as about one statement
            trips[j + 1] = trips[j] + (2 * up + down + 1) * later;
        }
        // the least work per lane that covers every version, to a thousandth of the whole
        double low = 0;
        double high = trips[n];
        while (high - low > trips[n] / 1000) {
            double mid = (low + high) / 2;
            if (cover(upgrades, trips, lanes, mid, null)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        int[] starts = new int[lanes + 1];
        cover(upgrades, trips, lanes, high, starts);
        return starts;
    }

    /** Whether {@code lanes} lanes of at most {@code work} each cover every version; fills {@code starts} if given. */
    private static boolean cover(double[] upgrades, double[] trips, int lanes, double work, int[] starts) {
        int n = trips.length - 1;
        if (starts != null) {
            java.util.Arrays.fill(starts, n);
        }
        int start = 0;
        for (int k = 0; k < lanes && start < n; k++) {
            if (starts != null) {
                starts[k] = start;
            }
            int end = start;
            while (end < n && upgrades[start] + trips[end + 1] - trips[start] <= work) {
                end++;
            }
            start = end;
        }
        return start == n;
    }

    /** The lanes' findings in the order one walk would give them, up to the first version where one stopped. */
    private static HistoryWalk merge(List<MigrationPair> pairs, List<Lane> lanes) {
        int stop = lanes.stream().mapToInt(l -> l.stop).min().orElse(pairs.size());
        List<Finding> rev = new ArrayList<>();
        List<Finding> data = new ArrayList<>();
        List<Schema> live = new ArrayList<>();
        live.add(lanes.get(0).initial);
        boolean liveGap = false;
        for (int i = 0; i <= stop && i < pairs.size(); i++) {
            int at = i;
            Lane owner = lanes.stream().filter(l -> l.from <= at && at < l.to).findFirst().orElseThrow();
            rev.addAll(owner.rev.getOrDefault(i, List.of()));
            data.addAll(owner.data.getOrDefault(i, List.of()));
            for (Lane l : lanes) {
                // an upgrade that failed in a lane that only passed it: reported unless its owner reports it too
                if (l != owner && l.stop == i && l.blocked != null && owner.stop != i) {
                    rev.add(l.blocked);
                }
            }
            Schema after = owner.after.get(i);
            // at the stop, one walk has the schema after the upgrade only if it failed when run again
            liveGap |= after == null || (i == stop && owner.stop != i);
            if (!liveGap) {
                live.add(after);
            }
        }
        return new HistoryWalk(rev, data, live, stop < pairs.size() ? pairs.get(stop).version() : null);
    }

    /** One scratch database that upgrades straight to version {@code from}, then makes the round trip of each version up to {@code to}. */
    private static final class Lane {
        private final CheckContext context;
        private final int from;
        private final int to;
        private final AtomicInteger limit;
        private final IntConsumer tripDone;
        private final Map<Integer, List<Finding>> rev = new HashMap<>();
        private final Map<Integer, List<Finding>> data = new HashMap<>();
        private final Map<Integer, Schema> after = new HashMap<>();
        private Schema initial;
        private int stop = Integer.MAX_VALUE;
        private Finding blocked;

        Lane(CheckContext context, int from, int to, AtomicInteger limit, IntConsumer tripDone) {
            this.context = context;
            this.from = from;
            this.to = to;
            this.limit = limit;
            this.tripDone = tripDone;
        }

        Lane walk() {
            CheckOptions options = context.options();
            List<MigrationPair> pairs = context.migrations().pairs();
            try (ScratchDatabase db = ScratchDatabase.create(options.foreignKeys())) {
                Schema current = db.introspect();
                initial = current;
                long counter = 0;
                Set<Identifier> seeded = new HashSet<>();
                boolean stale = false;
                for (int i = 0; i < to && i <= limit.get(); i++) {
                    MigrationPair pair = pairs.get(i);
                    try {
                        String label = label(context, pair);
                        Set<Identifier> fresh = new HashSet<>(current.tables().keySet());
                        fresh.removeAll(seeded);
                        if (!fresh.isEmpty()) {
                            counter = db.seed(current, fresh, options.rowsPerTable(), counter).counter();
                            seeded.addAll(fresh);
                        }
                        if (i < from) {
                            List<Finding> failed = new ArrayList<>();
                            if (!apply(db, pair.up(), label, "upgrade", failed)) {
                                stopAt(i, failed.get(0));
                                break;
                            }
                            // on the way the schema only tells which tables are new, to seed them: read it when there can be one
                            stale = !mayNameTable(pair.up().text());
                            if (!stale) {
                                current = db.introspect();
                            }
                            continue;
                        }
                        if (stale) {
                            current = db.introspect();
                            stale = false;
                        }
                        List<Finding> r = rev.computeIfAbsent(i, k -> new ArrayList<>());
                        current = roundTrip(db, i, pair, label, current, r, data.computeIfAbsent(i, k -> new ArrayList<>()));
                        if (current == null) {
                            stopAt(i, null);
                            break;
                        }
                        tripDone.accept(i);
                    } catch (UnsupportedSchemaException e) {
                        // the scripts of this version left what Strata cannot read: nothing later can be compared
                        Finding unreadable = Finding.error(REVERSIBILITY, pair.version(), pair.up().file(), "after the scripts of "
                                + label(context, pair) + ", the scratch database holds what Strata cannot read yet: " + e.getMessage(),
                                "keep such objects out of the migrations Strata checks");
                        if (i >= from) {
                            rev.computeIfAbsent(i, k -> new ArrayList<>()).add(unreadable);
                        }
                        stopAt(i, i < from ? unreadable : null);
                        break;
                    }
                }
            }
            return this;
        }

        /** Stops this lane, and the others once past this version; {@code blocked} is what stopped a version it only passed. */
        private void stopAt(int i, Finding blocked) {
            stop = i;
            this.blocked = blocked;
            limit.accumulateAndGet(i, Math::min);
        }

        /** The round trip of one version; returns the schema the database is left at, or null to stop the walk. */
        private Schema roundTrip(ScratchDatabase db, int i, MigrationPair pair, String label, Schema current, List<Finding> rev,
                                 List<Finding> data) {
            // only the tables the scripts name, their children (cascades) and what their triggers write can change
            Set<Identifier> affected = affected(current, pair);
            DataSnapshot rowsBefore = db.snapshot(current, affected);

            SqlScript up = pair.up().script();
            if (!apply(db, pair.up(), up, label, "upgrade", rev)) {
                return null;
            }
            Schema after = db.introspect();
            this.after.put(i, after);
            rowsLostByUp(pair, up, current, after, rowsBefore, db.snapshot(after, affected), data);

            if (pair.down() == null) {
                rev.add(Finding.error(REVERSIBILITY, pair.version(), pair.up().file(), label + " has no downgrade: "
                        + "U" + pair.version() + "__" + pair.description() + ".sql is missing",
                        "write the downgrade next to the upgrade, or regenerate it with `strata generate`"));
                return after;
            }
            if (!apply(db, pair.down(), label, "downgrade", rev)) {
                return after;
            }
            Schema afterDown = db.introspect(current);
            List<Difference> undone = SchemaDiff.differences(current, afterDown, "the schema before V" + pair.version(),
                    "the schema after " + fileName(pair.down()));
            if (!undone.isEmpty()) {
                rev.add(Finding.error(REVERSIBILITY, pair.version(), pair.down().file(), fileName(pair.down())
                        + " does not restore the schema before " + fileName(pair.up()) + ": " + join(undone),
                        "make the downgrade undo exactly what the upgrade does, or regenerate it with `strata generate`"));
            }
            rowsAfterDown(pair, label, current, after, rowsBefore, db.snapshot(afterDown, affected), data);

            // after a downgrade that did not restore the schema, what the upgrade does again is a consequence, not news
            boolean restored = undone.isEmpty();
            List<Finding> rerun = new ArrayList<>();
            if (!apply(db, pair.up(), up, label, "upgrade (run again after its downgrade)", rerun)) {
                if (restored) {
                    rev.addAll(rerun);
                    return null;
                }
                return db.introspect();
            }
            Schema again = db.introspect(after);
            List<Difference> redone = SchemaDiff.differences(after, again, "the schema after " + fileName(pair.up()),
                    "the schema after " + fileName(pair.up()) + " ran again");
            if (restored && !redone.isEmpty()) {
                rev.add(Finding.error(REVERSIBILITY, pair.version(), pair.down().file(), "after " + fileName(pair.down())
                        + ", running " + fileName(pair.up()) + " again gives another schema: " + join(redone),
                        "the downgrade leaves something behind that changes the upgrade; make it undo everything"));
            }
            return again;
        }
    }

    private static boolean apply(ScratchDatabase db, MigrationScript script, String label, String what, List<Finding> out) {
        return apply(db, script, script.script(), label, what, out);
    }

    private static boolean apply(ScratchDatabase db, MigrationScript script, SqlScript statements, String label, String what,
                                 List<Finding> out) {
        try {
            db.apply(statements);
            return true;
        } catch (ScriptException e) {
            int statement = statementNumber(e.getMessage());
            out.add(new Finding(REVERSIBILITY, Finding.Severity.ERROR, script.version(), script.file(), script.lineOf(statement),
                    "the " + what + " of " + label + " fails: " + e.getMessage().replace("\n", " "),
                    "fix the statement; the scratch database runs with foreign keys "
                            + "on, as applications that declare them do"));
            return false;
        } catch (IllegalArgumentException e) {
            out.add(Finding.error(REVERSIBILITY, script.version(), script.file(), script.file() + ": " + e.getMessage(), null));
            return false;
        }
    }

    /** Rows of tables the upgrade neither drops nor touches with DML must all still be there. */
    private static void rowsLostByUp(MigrationPair pair, SqlScript up, Schema before, Schema after, DataSnapshot rowsBefore,
                                     DataSnapshot rowsAfter, List<Finding> out) {
        for (Table t : before.tables().values()) {
            if (!rowsBefore.tables().containsKey(t.name()) || !rowsAfter.tables().containsKey(t.name())
                    || touchedByDml(up, t.name())) {
                continue;
            }
            int was = rowsBefore.tables().get(t.name()).rows().size();
            int now = rowsAfter.tables().get(t.name()).rows().size();
            if (now < was) {
                out.add(Finding.error(DATA, pair.version(), pair.up().file(), fileName(pair.up()) + " deletes "
                        + (was - now) + " of " + was + " rows of table " + t.name() + ", which it does not drop or change",
                        "rows of child tables go when a referenced table is dropped with foreign keys on (ON DELETE CASCADE);"
                                + " rebuild it with foreign keys off as SQLite documents, or regenerate with `strata generate`"));
            }
        }
    }

    /** After up and down, every row is back; what the upgrade dropped by nature is reported as lossy. */
    private static void rowsAfterDown(MigrationPair pair, String label, Schema before, Schema after, DataSnapshot rowsBefore,
                                      DataSnapshot rowsNow, List<Finding> out) {
        String down = fileName(pair.down());
        for (Table t : before.tables().values()) {
            DataSnapshot.Rows was = rowsBefore.tables().get(t.name());
            DataSnapshot.Rows now = rowsNow.tables().get(t.name());
            // the usual case, the same rows read back in the same order, needs no projection
            if (was == null || now == null || was.rows().isEmpty() || was.equals(now)) {
                continue;
            }
            Table afterTable = after.tables().get(t.name());
            List<Identifier> kept = t.columnNames().stream().filter(c -> afterTable != null && afterTable.hasColumn(c)).toList();
            List<Identifier> dropped = t.columnNames().stream().filter(c -> !kept.contains(c)).toList();
            boolean keptEqual = was.project(kept).equals(now.project(kept));
            boolean allEqual = was.project(t.columnNames()).equals(now.project(t.columnNames()));
            if (allEqual) {
                continue;
            }
            if (!keptEqual && afterTable != null) {
                out.add(Finding.error(DATA, pair.version(), pair.down().file(), "after " + fileName(pair.up()) + " and " + down
                        + ", rows of table " + t.name() + " differ: " + describe(was, now, kept),
                        "the upgrade or downgrade loses data it could keep: check that every table copy lists every column"));
            } else {
                out.add(Finding.warning(DATA, pair.version(), pair.down().file(), down + " is lossy: "
                        + (afterTable == null ? "table " + t.name() + " is dropped by " + fileName(pair.up()) + " and its rows cannot come back"
                        : "values of " + t.name() + "." + dropped + " dropped by " + fileName(pair.up()) + " cannot come back"),
                        "expected when a revision drops data; make sure it is backed up before deploying"));
            }
        }
    }

    /** Whether SQL may give a table a name it did not have: CREATE [TEMP|VIRTUAL ...] TABLE, or RENAME TO. */
    static boolean mayNameTable(String sql) {
        List<SqlText.Token> tokens = SqlText.tokens(sql);
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).text();
            if (word.equalsIgnoreCase("CREATE")) {
                for (int j = i + 1; j <= i + 3 && j < tokens.size(); j++) {
                    if (tokens.get(j).text().equalsIgnoreCase("TABLE")) {
                        return true;
                    }
                }
            } else if (word.equalsIgnoreCase("RENAME") && i + 1 < tokens.size() && tokens.get(i + 1).text().equalsIgnoreCase("TO")) {
                return true;
            }
        }
        return false;
    }

    /** Tables named by the scripts, with their children and the tables their triggers write, transitively. */
    static Set<Identifier> affected(Schema schema, MigrationPair pair) {
        Set<String> named = new HashSet<>();
        for (MigrationScript script : pair.down() == null ? List.of(pair.up()) : List.of(pair.up(), pair.down())) {
            for (SqlText.Token t : SqlText.tokens(script.text())) {
                String key = t.identifierKey();
                if (key != null) {
                    named.add(key);
                }
            }
        }
        Set<Identifier> out = new HashSet<>();
        schema.tables().keySet().stream().filter(t -> named.contains(t.key())).forEach(out::add);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Table t : schema.tables().values()) {
                if (!out.contains(t.name()) && t.foreignKeys().stream().anyMatch(f -> out.contains(f.referencedTable()))) {
                    grew |= out.add(t.name());
                }
            }
            for (var trigger : schema.triggers().values()) {
                if (out.contains(trigger.table())) {
                    for (Identifier t : schema.tables().keySet()) {
                        if (!out.contains(t) && SqlText.mentions(trigger.sql(), t)) {
                            grew |= out.add(t);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String describe(DataSnapshot.Rows was, DataSnapshot.Rows now, List<Identifier> columns) {
        List<List<String>> a = was.project(columns);
        List<List<String>> b = now.project(columns);
        if (a.size() != b.size()) {
            return b.size() + " rows instead of " + a.size();
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "expected row " + columns + " = " + a.get(i) + ", found " + b.get(i);
            }
        }
        return "rows differ";
    }

    private static boolean touchedByDml(SqlScript script, Identifier table) {
        for (String s : script.statements()) {
            String first = SqlText.tokens(s).stream().findFirst().map(t -> t.text().toUpperCase(Locale.ROOT)).orElse("");
            if (List.of("INSERT", "UPDATE", "DELETE", "REPLACE", "WITH").contains(first) && SqlText.mentions(s, table)) {
                return true;
            }
        }
        return false;
    }

    private static int statementNumber(String message) {
        var m = java.util.regex.Pattern.compile("statement (\\d+) of").matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    static String fileName(MigrationScript s) {
        String f = s.file();
        return f.substring(f.lastIndexOf('/') + 1);
    }

    static String label(CheckContext context, MigrationPair pair) {
        if (context.hasEvents() && pair.version() <= context.revisions().size()) {
            return "revision " + context.revisions().get(pair.version() - 1).label();
        }
        return "version " + pair.version() + " (" + pair.description() + ")";
    }

    private static String join(List<Difference> differences) {
        return String.join("; ", differences.stream().map(Difference::message).toList());
    }
}
