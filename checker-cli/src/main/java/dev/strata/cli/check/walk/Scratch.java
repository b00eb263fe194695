package dev.strata.cli.check.walk;

import dev.strata.cli.check.CheckContext;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sqlite.DataSnapshot;
import dev.strata.events.sqlite.ScratchDatabase;
import dev.strata.events.sqlite.ScriptException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scratch database at the state a straight upgrade through some versions gives, with seeded rows:
 * each table gets rows once when it first appears, and is topped up when a version that touches it
 * finds it empty. It remembers its schema, read again only when a script may have changed it.
 */
final class Scratch implements AutoCloseable {

    private final CheckContext context;
    private final ScratchDatabase db;
    private final LaneNotices notices;
    private final Set<String> jsonNames;
    private final Checkpoint checkpoint;
    private final Set<Identifier> seeded = new HashSet<>();
    private Schema schema;
    private long counter;

    private Scratch(CheckContext context, LaneNotices notices, Set<String> jsonNames, Checkpoint checkpoint) {
        this.context = context;
        this.notices = notices;
        this.jsonNames = jsonNames;
        this.checkpoint = checkpoint;
        this.db = ScratchDatabase.create(context.options().foreignKeys(), context.options().functions());
        db.seedJsonIn(jsonNames);
        notices.known().forEach(db::standIn);
    }

    /** @param jsonNames names of columns the migrations read as JSON: seeded rows hold JSON there */
    static Scratch empty(CheckContext context, Set<String> jsonNames) {
        return fresh(context, new LaneNotices(), jsonNames, new Checkpoint());
    }

    private static Scratch fresh(CheckContext context, LaneNotices notices, Set<String> jsonNames, Checkpoint checkpoint) {
        Scratch s = new Scratch(context, notices, jsonNames, checkpoint);
        if (context.options().prelude() != null) {
            // checked before the walk: it runs on a new database
            s.db.apply(context.options().prelude());
        }
        return s;
    }

    /** A copy of the database as it is now (rows included), to go back to. */
    byte[] image() {
        return db.image();
    }

    /** A new scratch database holding {@code image}, with this one's settings, seeded tables and counter. */
    Scratch copy(byte[] image) {
        Scratch s = new Scratch(context, notices, jsonNames, checkpoint);
        s.db.restore(image);
        s.seeded.addAll(seeded);
        s.counter = counter;
        return s;
    }

    /** What a lane needs to go on from this database later: its image, its seeding, and what its notices know. */
    record State(byte[] image, Set<Identifier> seeded, long counter, Set<String> functions, Set<Identifier> unseeded) {
        State {
            seeded = Set.copyOf(seeded);
            functions = Set.copyOf(functions);
            unseeded = Set.copyOf(unseeded);
        }
    }

    State state() {
        return new State(db.image(), seeded, counter, notices.known(), notices.unseededKnown());
    }

    /** A database at a state remembered after version {@code index}, which is also where its replays start. */
    static Scratch resumed(CheckContext context, Set<String> jsonNames, State state, int index) {
        Scratch s = new Scratch(context, new LaneNotices(state.functions(), state.unseeded()), jsonNames, new Checkpoint());
        s.db.restore(state.image());
        s.seeded.addAll(state.seeded());
        s.counter = state.counter();
        s.checkpoint.index = index;
        s.checkpoint.image = state.image();
        s.checkpoint.seeded = state.seeded();
        s.checkpoint.counter = state.counter();
        return s;
    }

    /** Deletes every row, as a database without seeded rows would be; false when a trigger kept some. */
    boolean emptyTables() {
        return emptyTables(schema().tables().keySet());
    }

    /** Deletes every row of some tables (those a version can touch); false when a trigger kept some. */
    boolean emptyTables(Set<Identifier> tables) {
        seeded.addAll(tables);
        return db.deleteAllRows(tables);
    }

    /** Remembers this database as the state after version {@code index}, for replays to start from. */
    void checkpoint(int index) {
        checkpoint.index = index;
        checkpoint.image = db.image();
        checkpoint.seeded = Set.copyOf(seeded);
        checkpoint.counter = counter;
    }

    /** The latest state a lane remembered: the version it is after, its image, and its seeding. */
    static final class Checkpoint {
        private int index = -1;
        private byte[] image;
        private Set<Identifier> seeded = Set.of();
        private long counter;
    }

    LaneNotices notices() {
        return notices;
    }

    /**
     * Runs a migration script all or nothing; a function it calls that SQLite lacks gets a stand-in, and
     * the script runs again.
     *
     * @throws ScriptException when it fails otherwise; the database is then as it was
     */
    void apply(MigrationScript script) {
        while (true) {
            try {
                db.apply(script.script());
                return;
            } catch (ScriptException e) {
                String missing = notices.missing(e);
                if (missing == null) {
                    throw e;
                }
                notices.add(missing, script, e.statement());
                db.standIn(missing);
            } catch (IllegalArgumentException e) {
                // a script Strata cannot take apart into statements
                throw new ScriptException(script.file() + ": " + e.getMessage(), e.getMessage(), 0, 0, e);
            }
        }
    }

    ScratchDatabase db() {
        return db;
    }

    /** The database's schema, read now if a script may have changed it since. */
    Schema schema() {
        if (schema == null) {
            schema = db.introspect();
        }
        return schema;
    }

    /** Reads the schema again, found sooner when it is still {@code expected}. */
    Schema read(Schema expected) {
        schema = db.introspect(expected);
        return schema;
    }

    /** Gives rows to the tables that never had any seeded; the schema must be current. */
    void seedNewTables() {
        Set<Identifier> fresh = new HashSet<>(schema().tables().keySet());
        fresh.removeAll(seeded);
        if (!fresh.isEmpty()) {
            seed(fresh);
        }
    }

    /**
     * Rows of {@code tables}, after giving rows again to those a version left without any (rows that satisfy
     * the constraints of {@code next} too, when given).
     */
    DataSnapshot topUp(Schema current, Set<Identifier> tables, Schema next) {
        DataSnapshot rows = db.snapshot(current, tables);
        Set<Identifier> empty = new HashSet<>();
        rows.tables().forEach((name, r) -> {
            if (r.rows().isEmpty()) {
                empty.add(name);
            }
        });
        if (empty.isEmpty() || context.options().rowsPerTable() == 0) {
            return rows;
        }
        seeded.addAll(empty);
        counted(db.seed(schema(), empty, context.options().rowsPerTable(), counter, next));
        return db.snapshot(current, tables);
    }

    /** Gives some tables rows that also satisfy what {@code next}, the schema a revision leads to, asks of them. */
    void seedConforming(Schema next, Set<Identifier> tables) {
        seeded.addAll(tables);
        if (context.options().rowsPerTable() > 0) {
            counted(db.seed(schema(), tables, context.options().rowsPerTable(), counter, next));
        }
    }

    private void seed(Set<Identifier> tables) {
        seeded.addAll(tables);
        if (context.options().rowsPerTable() == 0) {
            return;
        }
        counted(db.seed(schema(), tables, context.options().rowsPerTable(), counter));
    }

    private void counted(ScratchDatabase.Seeded seeded) {
        counter = seeded.counter();
        notices.unseeded(seeded.reasons());
    }

    /**
     * The upgrade of a version on the way to others, with rows for the tables it finds new.
     *
     * @throws ScriptException when it fails; the database is then as it was
     */
    void upgrade(MigrationPair pair) {
        seedNewTables();
        apply(pair.up());
        // on the way the schema only tells which tables are new, to seed them: read it when there can be one
        schema = Tables.mayNameTable(pair.up().text()) ? db.introspect() : null;
    }

    /** Tables present now count as seeded: a database replayed without rows keeps them empty until a version touches them. */
    private void markSeeded() {
        seeded.addAll(schema().tables().keySet());
    }

    /**
     * A new database like this one, upgraded straight through versions {@code 0..through} (indexes into the pairs),
     * with rows, or without them when an upgrade fails on its rows (or when {@code withRows} is false). It starts
     * from the lane's latest checkpoint, so it replays a few versions, not the whole history.
     */
    Replayed replay(int through, boolean withRows) {
        List<MigrationPair> pairs = context.migrations().pairs();
        if (withRows) {
            Scratch s = start(through);
            try {
                for (int j = startsAfter(through) + 1; j <= through; j++) {
                    s.upgrade(pairs.get(j));
                }
                s.schema();
                return new Replayed(s, -1, null);
            } catch (ScriptException e) {
                s.close();
            }
        }
        Scratch s = start(through);
        int from = startsAfter(through) + 1;
        if (from > 0 && !s.emptyTables()) {
            s.close();
            s = fresh(context, notices, jsonNames, checkpoint);
            from = 0;
        }
        for (int j = from; j <= through; j++) {
            try {
                s.apply(pairs.get(j).up());
            } catch (ScriptException e) {
                s.close();
                return new Replayed(null, j, e);
            }
        }
        s.schema = null;
        s.markSeeded();
        return new Replayed(s, -1, null);
    }

    /** The version the lane's checkpoint is after, if a replay through {@code through} can start there; else -1. */
    private int startsAfter(int through) {
        return checkpoint.image != null && checkpoint.index <= through ? checkpoint.index : -1;
    }

    private Scratch start(int through) {
        if (startsAfter(through) < 0) {
            return fresh(context, notices, jsonNames, checkpoint);
        }
        Scratch s = new Scratch(context, notices, jsonNames, checkpoint);
        s.db.restore(checkpoint.image);
        s.seeded.addAll(checkpoint.seeded);
        s.counter = checkpoint.counter;
        return s;
    }

    /**
     * What a replay gave: the database, or the version whose upgrade fails even without seeded rows.
     *
     * @param failedAt the index of the version that failed, or -1
     */
    record Replayed(Scratch scratch, int failedAt, ScriptException failure) {
        boolean ok() {
            return scratch != null;
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
