package dev.strata.events.projection;

import dev.strata.events.CheckAdded;
import dev.strata.events.CheckDropped;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.ForeignKeyDropped;
import dev.strata.events.IndexCreated;
import dev.strata.events.IndexDropped;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.TriggerCreated;
import dev.strata.events.TriggerDropped;
import dev.strata.events.UniqueAdded;
import dev.strata.events.UniqueDropped;
import dev.strata.events.ViewCreated;
import dev.strata.events.ViewDropped;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What differs between two schemas: as events that turn one into the other (what autogenerate
 * records), and as sentences for people. A renamed column cannot be told from a dropped one and an
 * added one, so it is diffed as both; record a {@code ColumnRenamed} by hand to keep its values.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** Events that turn {@code from} into {@code to}, ordered so that the fold accepts each in turn. */
    public static List<SchemaEvent> events(Schema from, Schema to) {
        return schedule(from, to, planned(from, to));
    }

    /**
     * Puts the planned events in an order the fold accepts: each time, the first planned event that
     * applies. Keys that move between a primary key, a UNIQUE constraint and a unique index, and cycles
     * of foreign keys, need an order no fixed phase list gives. Events a cascade made moot are left out.
     */
    private static List<SchemaEvent> schedule(Schema from, Schema to, List<SchemaEvent> planned) {
        List<SchemaEvent> pending = new ArrayList<>(planned);
        List<SchemaEvent> out = new ArrayList<>();
        Schema current = from;
        int unblockings = 0;
        while (!pending.isEmpty()) {
            boolean progressed = false;
            // first an event that leaves no foreign key pointing at a table still to come (a write to its table
            // would fail on SQLite, even of a copy during a rebuild); only when none applies, any event
            for (int pass = 0; pass < 2 && !progressed; pass++) {
                for (int i = 0; i < pending.size(); i++) {
                    try {
                        Schema next = pending.get(i).applyTo(current);
                        if (pass == 0 && danglesAnew(current, next, to)) {
                            continue;
                        }
                        current = next;
                        out.add(pending.remove(i));
                        progressed = true;
                        break;
                    } catch (dev.strata.events.InvalidEventException notYet) {
                        // depends on a later event: try the next one
                    }
                }
            }
            if (!progressed && !current.equals(to) && unblockings++ < planned.size()) {
                List<ForeignKeyDropped> blockers = blockingForeignKeys(current, pending);
                if (!blockers.isEmpty()) {
                    for (ForeignKeyDropped drop : blockers) {
                        current = drop.applyTo(current);
                        out.add(drop);
                        pending.remove(drop);
                        to.table(drop.table()).flatMap(t -> t.foreignKey(drop.columns())).ifPresent(fk -> {
                            if (pending.stream().noneMatch(e -> e instanceof ForeignKeyAdded a && a.table().equals(drop.table())
                                    && a.foreignKey().columns().equals(drop.columns()))) {
                                pending.add(new ForeignKeyAdded(drop.table(), fk));
                            }
                        });
                    }
                    continue;
                }
            }
            if (!progressed) {
                if (!current.equals(to)) {
                    out.addAll(pending);
                }
                break;
            }
        }
        return out;
    }

    /** Whether {@code next} has a foreign key to a missing table that neither {@code current} nor the target has. */
    private static boolean danglesAnew(Schema current, Schema next, Schema to) {
        var before = current.danglingForeignKeys();
        var wanted = to.danglingForeignKeys();
        return next.danglingForeignKeys().stream().anyMatch(d -> !before.contains(d) && !wanted.contains(d));
    }

    /**
     * The foreign keys that target a key a stuck event takes away: a key that moves between the
     * primary key, a UNIQUE constraint and a unique index cannot be kept by any order while a
     * foreign key targets it, so those foreign keys go first and come back (as in {@code to}) last.
     */
    private static List<ForeignKeyDropped> blockingForeignKeys(Schema current, List<SchemaEvent> pending) {
        List<ForeignKeyDropped> out = new ArrayList<>();
        for (SchemaEvent e : pending) {
            Identifier table = null;
            List<Identifier> key = List.of();
            if (e instanceof PrimaryKeyAltered p && current.tables().containsKey(p.table())) {
                table = p.table();
                key = current.tables().get(table).primaryKey().columns();
            } else if (e instanceof UniqueDropped u) {
                table = u.table();
                key = u.unique().columns();
            } else if (e instanceof IndexDropped d && current.indexes().containsKey(d.index())) {
                table = current.indexes().get(d.index()).table();
                key = current.indexes().get(d.index()).isOnColumns() ? current.indexes().get(d.index()).columns() : List.of();
            }
            Set<Identifier> keySet = new HashSet<>(key);
            for (Table child : current.tables().values()) {
                for (ForeignKey fk : child.foreignKeys()) {
                    ForeignKeyDropped drop = new ForeignKeyDropped(child.name(), fk.columns());
                    if (fk.referencedTable().equals(table) && new HashSet<>(fk.referencedColumns()).equals(keySet) && !out.contains(drop)) {
                        out.add(drop);
                    }
                }
            }
        }
        return out;
    }

    private static List<SchemaEvent> planned(Schema from, Schema to) {
        List<SchemaEvent> out = new ArrayList<>();
        Set<Identifier> droppedTables = new LinkedHashSet<>();
        from.tables().keySet().stream().filter(t -> !to.tables().containsKey(t)).forEach(droppedTables::add);
        Set<Identifier> droppedNames = new HashSet<>(droppedTables);
        for (Table t : from.tables().values()) {
            to.table(t.name()).ifPresent(n -> t.columns().stream().filter(c -> !n.hasColumn(c.name()))
                    .forEach(c -> droppedNames.add(c.name())));
        }

        // views and triggers that go, change, or mention something that goes: drop first, recreate last
        List<View> views = new ArrayList<>(from.views().values());
        Set<Identifier> viewsToDrop = new LinkedHashSet<>();
        for (View v : views) {
            if (!v.equals(to.views().get(v.name())) || droppedNames.stream().anyMatch(n -> SqlText.mentions(v.select(), n))) {
                viewsToDrop.add(v.name());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : views) {
                if (!viewsToDrop.contains(v.name()) && viewsToDrop.stream().anyMatch(n -> SqlText.mentions(v.select(), n))) {
                    viewsToDrop.add(v.name());
                    grew = true;
                }
            }
        }
        Set<Identifier> triggersToDrop = new LinkedHashSet<>();
        for (Trigger t : from.triggers().values()) {
            // a trigger goes with its table, unless it writes another table that goes too: two such triggers would
            // each keep the other's table from being dropped, so it goes first
            boolean goesWithTable = droppedTables.contains(t.table())
                    && droppedTables.stream().noneMatch(d -> !d.equals(t.table()) && SqlText.mentions(t.sql(), d));
            if (droppedTables.contains(t.table()) && !goesWithTable) {
                triggersToDrop.add(t.name());
            } else if (!goesWithTable && (!t.equals(to.triggers().get(t.name())) || viewsToDrop.contains(t.table())
                    || droppedNames.stream().anyMatch(n -> SqlText.mentions(t.sql(), n))
                    || viewsToDrop.stream().anyMatch(n -> SqlText.mentions(t.sql(), n)))) {
                triggersToDrop.add(t.name());
            }
        }
        triggersToDrop.forEach(t -> out.add(new TriggerDropped(t)));
        List<Identifier> viewOrder = new ArrayList<>(viewsToDrop);
        for (int i = viewOrder.size() - 1; i >= 0; i--) {
            out.add(new ViewDropped(viewOrder.get(i)));
        }

        // foreign keys that go or change, on tables that stay
        for (Table t : from.tables().values()) {
            Table n = to.tables().get(t.name());
            if (n == null) {
                continue;
            }
            for (ForeignKey fk : t.foreignKeys()) {
                if (!n.foreignKeys().contains(fk)) {
                    out.add(new ForeignKeyDropped(t.name(), fk.columns()));
                }
            }
        }
        // plain indexes that go or change, on tables that stay (unique ones may be keys: they go after the key changes)
        for (Index i : from.indexes().values()) {
            if (!i.unique() && !droppedTables.contains(i.table()) && !i.equals(to.indexes().get(i.name()))) {
                out.add(new IndexDropped(i.name()));
            }
        }
        // tables that go, children before parents
        List<Identifier> drops = new ArrayList<>(droppedTables);
        Set<List<Identifier>> cut = new HashSet<>(); // table name followed by the foreign key's columns
        while (!drops.isEmpty()) {
            Identifier next = drops.stream().filter(d -> drops.stream().noneMatch(o -> !o.equals(d)
                    && intoOthers(from.tables().get(o), List.of(d), cut).findAny().isPresent()))
                    .findFirst().orElse(null);
            if (next == null) {
                // a cycle of foreign keys among dropped tables: cut the keys of one table in it into the others first
                Table t = drops.stream().map(from.tables()::get).filter(d -> intoOthers(d, drops, cut).findAny().isPresent())
                        .findFirst().orElseThrow();
                intoOthers(t, drops, cut).toList().forEach(f -> {
                    out.add(new ForeignKeyDropped(t.name(), f.columns()));
                    cut.add(withTable(t.name(), f.columns()));
                });
                continue;
            }
            out.add(new TableDropped(next));
            drops.remove(next);
        }
        // tables that stay and change
        for (Table t : from.tables().values()) {
            Table n = to.tables().get(t.name());
            if (n != null && !t.equals(n)) {
                tableChanges(t, n, out);
            }
        }
        for (Index i : from.indexes().values()) {
            Table n = to.tables().get(i.table());
            boolean cascaded = n != null && from.tables().get(i.table()).columns().stream()
                    .anyMatch(c -> !n.hasColumn(c.name()) && i.mentions(c.name()));
            if (i.unique() && n != null && !cascaded && !i.equals(to.indexes().get(i.name()))) {
                out.add(new IndexDropped(i.name()));
            }
        }
        // indexes on tables that stay come first: a unique one may be the key a new table's foreign key needs
        for (Index i : to.indexes().values()) {
            if (from.tables().containsKey(i.table()) && !droppedTables.contains(i.table()) && !i.equals(from.indexes().get(i.name()))) {
                out.add(new IndexCreated(i));
            }
        }
        // new tables, parents first
        List<Table> created = to.tables().values().stream().filter(t -> !from.tables().containsKey(t.name())).toList();
        List<Table> pending = new ArrayList<>();
        Set<Identifier> exists = new HashSet<>(from.tables().keySet());
        List<SchemaEvent> deferred = new ArrayList<>();
        for (Table t : created) {
            // a foreign key to itself that targets a unique index of the table can only come after that index
            List<ForeignKey> later = t.foreignKeys().stream()
                    .filter(f -> f.referencedTable().equals(t.name()) && !t.isKeyedBy(f.referencedColumns())).toList();
            later.forEach(f -> deferred.add(new ForeignKeyAdded(t.name(), f)));
            pending.add(t.withForeignKeys(t.foreignKeys().stream().filter(f -> !later.contains(f)).toList()));
        }
        while (!pending.isEmpty()) {
            Table next = pending.stream().filter(t -> t.foreignKeys().stream().allMatch(f -> f.referencedTable().equals(t.name())
                    || exists.contains(f.referencedTable()) || !to.tables().containsKey(f.referencedTable())))
                    .findFirst().orElse(null);
            if (next == null) {
                // a cycle of foreign keys among new tables: create one without its keys into the others, add them after
                Table t = pending.get(0);
                List<ForeignKey> later = t.foreignKeys().stream()
                        .filter(f -> !f.referencedTable().equals(t.name()) && !exists.contains(f.referencedTable())).toList();
                later.forEach(f -> deferred.add(new ForeignKeyAdded(t.name(), f)));
                next = t.withForeignKeys(t.foreignKeys().stream().filter(f -> !later.contains(f)).toList());
                pending.set(0, next);
            }
            out.add(new TableCreated(next));
            exists.add(next.name());
            pending.remove(next);
        }
        out.addAll(deferred);
        // foreign keys that are new or changed, on tables that stay
        for (Table t : from.tables().values()) {
            Table n = to.tables().get(t.name());
            if (n == null) {
                continue;
            }
            for (ForeignKey fk : n.foreignKeys()) {
                if (!t.foreignKeys().contains(fk)) {
                    out.add(new ForeignKeyAdded(t.name(), fk));
                }
            }
        }
        for (Index i : to.indexes().values()) {
            if (!from.tables().containsKey(i.table()) || droppedTables.contains(i.table())) {
                out.add(new IndexCreated(i));
            }
        }
        for (View v : to.views().values()) {
            if (!from.views().containsKey(v.name()) || viewsToDrop.contains(v.name())) {
                out.add(new ViewCreated(v));
            }
        }
        for (Trigger t : to.triggers().values()) {
            Trigger was = from.triggers().get(t.name());
            if (was == null || triggersToDrop.contains(t.name()) || droppedTables.contains(was.table())) {
                out.add(new TriggerCreated(t));
            }
        }
        return out;
    }

    /** The foreign keys of {@code t}, not yet cut, into other tables among {@code targets}. */
    private static Stream<ForeignKey> intoOthers(Table t, List<Identifier> targets, Set<List<Identifier>> cut) {
        return t.foreignKeys().stream().filter(f -> !f.referencedTable().equals(t.name()) && targets.contains(f.referencedTable())
                && !cut.contains(withTable(t.name(), f.columns())));
    }

    private static List<Identifier> withTable(Identifier table, List<Identifier> columns) {
        List<Identifier> out = new ArrayList<>();
        out.add(table);
        out.addAll(columns);
        return out;
    }

    private static void tableChanges(Table t, Table n, List<SchemaEvent> out) {
        Identifier name = t.name();
        for (Unique u : t.uniques()) {
            if (!n.uniques().contains(u)) {
                out.add(new UniqueDropped(name, u));
            }
        }
        for (Check c : t.checks()) {
            if (!n.checks().contains(c)) {
                out.add(new CheckDropped(name, c));
            }
        }
        boolean keyChanges = !t.primaryKey().equals(n.primaryKey());
        if (keyChanges && t.primaryKey().columns().stream().anyMatch(c -> !n.hasColumn(c))) {
            // the old key names a column that goes: change the key before dropping it
            List<Identifier> kept = n.primaryKey().columns().stream().filter(t::hasColumn).toList();
            if (kept.equals(n.primaryKey().columns())) {
                out.add(new PrimaryKeyAltered(name, n.primaryKey()));
                keyChanges = false;
            } else {
                out.add(new PrimaryKeyAltered(name, dev.strata.events.schema.PrimaryKey.NONE));
            }
        }
        // add before dropping, so a table never loses its last column on the way
        for (Column c : n.columns()) {
            if (!t.hasColumn(c.name())) {
                out.add(new ColumnAdded(name, c));
            }
        }
        for (Column c : t.columns()) {
            if (!n.hasColumn(c.name())) {
                out.add(new ColumnDropped(name, c.name()));
            }
        }
        for (Column c : n.columns()) {
            Column was = t.column(c.name()).orElse(null);
            if (was != null && !was.equals(c)) {
                out.add(new ColumnAltered(name, c));
            }
        }
        if (keyChanges) {
            out.add(new PrimaryKeyAltered(name, n.primaryKey()));
        }
        for (Unique u : n.uniques()) {
            if (!t.uniques().contains(u)) {
                out.add(new UniqueAdded(name, u));
            }
        }
        for (Check c : n.checks()) {
            if (!t.checks().contains(c)) {
                out.add(new CheckAdded(name, c));
            }
        }
    }

    /** Differences between two schemas, with both sides named as in "in the models but not in the migrations". */
    public static List<Difference> differences(Schema expected, Schema actual, String expectedName, String actualName) {
        if (expected == actual) {
            // the same object (as a cache returns it): not even the order of columns can differ
            return List.of();
        }
        return new Describer(expectedName, actualName).compare(expected, actual);
    }

    /** {@link #differences(Schema, Schema, String, String)} with the sides called "expected" and "actual". */
    public static List<Difference> differences(Schema expected, Schema actual) {
        return differences(expected, actual, "the expected schema", "the actual schema");
    }
}
