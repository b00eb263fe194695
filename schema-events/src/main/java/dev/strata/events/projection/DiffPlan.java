package dev.strata.events.projection;

import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.CheckAdded;
import dev.strata.events.CheckDropped;
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
import dev.strata.events.schema.ColumnRef;
import dev.strata.events.schema.Dependents;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The events that turn one schema into another, in phases: what stands on something that changes goes
 * first, then what goes, then what changes, then what comes, and what stood on it comes back last.
 * {@link DiffOrder} then settles the order the phases cannot (keys that move, cycles).
 */
final class DiffPlan {

    private final Schema from;
    private final Schema to;
    private final Set<Identifier> droppedTables = new LinkedHashSet<>();
    private final Set<Identifier> viewsToDrop = new LinkedHashSet<>();
    private final Set<Identifier> triggersToDrop = new LinkedHashSet<>();
    private final List<SchemaEvent> out = new ArrayList<>();

    private DiffPlan(Schema from, Schema to) {
        this.from = from;
        this.to = to;
        from.tables().keySet().stream().filter(t -> !to.tables().containsKey(t)).forEach(droppedTables::add);
    }

    static List<SchemaEvent> of(Schema from, Schema to) {
        DiffPlan plan = new DiffPlan(from, to);
        plan.dropViewsAndTriggers();
        plan.dropForeignKeysOfKeptTables();
        plan.dropPlainIndexesOfKeptTables();
        plan.dropTables();
        plan.changeKeptTables();
        plan.dropUniqueIndexesOfKeptTables();
        plan.createIndexesOnKeptTables();
        plan.createTables();
        plan.addForeignKeysOfKeptTables();
        plan.createIndexesOnNewTables();
        plan.recreateViewsAndTriggers();
        return plan.out;
    }

    /** Views and triggers that go, change, or stand on something that goes or changes: dropped first, recreated last. */
    private void dropViewsAndTriggers() {
        Set<Identifier> changedViews = new LinkedHashSet<>();
        from.views().values().stream().filter(v -> !v.equals(to.views().get(v.name()))).forEach(v -> changedViews.add(v.name()));
        Set<Identifier> gone = new LinkedHashSet<>(droppedTables);
        gone.addAll(changedViews);
        Set<ColumnRef> droppedColumns = new LinkedHashSet<>();
        for (Table t : from.tables().values()) {
            to.table(t.name()).ifPresent(n -> t.columns().stream().filter(c -> !n.hasColumn(c.name()))
                    .forEach(c -> droppedColumns.add(new ColumnRef(t.name(), c.name()))));
        }
        Dependents dependents = from.dependents(gone, droppedColumns);
        from.views().values().stream().map(View::name).filter(v -> changedViews.contains(v) || dependents.hasView(v))
                .forEach(viewsToDrop::add);
        for (Trigger t : from.triggers().values()) {
            if (droppedTables.contains(t.table())) {
                // a trigger goes with its table, unless it writes another table that goes too: two such triggers would
                // each keep the other's table from being dropped, so it goes first
                if (writesAnotherDroppedTable(t)) {
                    triggersToDrop.add(t.name());
                }
            } else if (!t.equals(to.triggers().get(t.name())) || viewsToDrop.contains(t.table()) || dependents.hasTrigger(t.name())) {
                triggersToDrop.add(t.name());
            }
        }
        triggersToDrop.forEach(t -> out.add(new TriggerDropped(t)));
        List<Identifier> viewOrder = new ArrayList<>(viewsToDrop);
        for (int i = viewOrder.size() - 1; i >= 0; i--) {
            out.add(new ViewDropped(viewOrder.get(i)));
        }
    }

    private boolean writesAnotherDroppedTable(Trigger t) {
        Set<Identifier> others = new LinkedHashSet<>(droppedTables);
        others.remove(t.table());
        return !others.isEmpty() && from.dependents(others, Set.of()).hasTrigger(t.name());
    }

    private void dropForeignKeysOfKeptTables() {
        for (Table t : from.tables().values()) {
            Table n = to.tables().get(t.name());
            if (n != null) {
                t.foreignKeys().stream().filter(fk -> !n.foreignKeys().contains(fk))
                        .forEach(fk -> out.add(new ForeignKeyDropped(t.name(), fk.columns())));
            }
        }
    }

    /** Plain indexes that go or change; unique ones may be keys, so they go after the keys change. */
    private void dropPlainIndexesOfKeptTables() {
        for (Index i : from.indexes().values()) {
            if (!i.unique() && !droppedTables.contains(i.table()) && !i.equals(to.indexes().get(i.name()))) {
                out.add(new IndexDropped(i.name()));
            }
        }
    }

    /** Tables that go, children before parents. */
    private void dropTables() {
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
    }

    /** The foreign keys of {@code t}, not yet cut, into other tables among {@code targets}. */
    private static java.util.stream.Stream<ForeignKey> intoOthers(Table t, List<Identifier> targets, Set<List<Identifier>> cut) {
        return t.foreignKeys().stream().filter(f -> !f.referencedTable().equals(t.name()) && targets.contains(f.referencedTable())
                && !cut.contains(withTable(t.name(), f.columns())));
    }

    private static List<Identifier> withTable(Identifier table, List<Identifier> columns) {
        List<Identifier> out = new ArrayList<>();
        out.add(table);
        out.addAll(columns);
        return out;
    }

    private void changeKeptTables() {
        for (Table t : from.tables().values()) {
            Table n = to.tables().get(t.name());
            if (n != null && !t.equals(n)) {
                tableChanges(t, n);
            }
        }
    }

    private void tableChanges(Table t, Table n) {
        Identifier name = t.name();
        t.uniques().stream().filter(u -> !n.uniques().contains(u)).forEach(u -> out.add(new UniqueDropped(name, u)));
        t.checks().stream().filter(c -> !n.checks().contains(c)).forEach(c -> out.add(new CheckDropped(name, c)));
        boolean keyChanges = !t.primaryKey().equals(n.primaryKey());
        if (keyChanges && t.primaryKey().columns().stream().anyMatch(c -> !n.hasColumn(c))) {
            // the old key names a column that goes: change the key before dropping it
            List<Identifier> kept = n.primaryKey().columns().stream().filter(t::hasColumn).toList();
            if (kept.equals(n.primaryKey().columns())) {
                out.add(new PrimaryKeyAltered(name, n.primaryKey()));
                keyChanges = false;
            } else {
                out.add(new PrimaryKeyAltered(name, PrimaryKey.NONE));
            }
        }
        // add before dropping, so a table never loses its last column on the way
        n.columns().stream().filter(c -> !t.hasColumn(c.name())).forEach(c -> out.add(new ColumnAdded(name, c)));
        t.columns().stream().filter(c -> !n.hasColumn(c.name())).forEach(c -> out.add(new ColumnDropped(name, c.name())));
        for (Column c : n.columns()) {
            Column was = t.column(c.name()).orElse(null);
            if (was != null && !was.equals(c)) {
                out.add(new ColumnAltered(name, c));
            }
        }
        if (keyChanges) {
            out.add(new PrimaryKeyAltered(name, n.primaryKey()));
        }
        n.uniques().stream().filter(u -> !t.uniques().contains(u)).forEach(u -> out.add(new UniqueAdded(name, u)));
        for (Check c : n.checks()) {
            if (!t.checks().contains(c)) {
                out.add(new CheckAdded(name, c));
            }
        }
    }

    /** Unique indexes that go or change, unless a dropped column took them along. */
    private void dropUniqueIndexesOfKeptTables() {
        for (Index i : from.indexes().values()) {
            Table n = to.tables().get(i.table());
            boolean cascaded = n != null && from.tables().get(i.table()).columns().stream()
                    .anyMatch(c -> !n.hasColumn(c.name()) && i.mentions(c.name()));
            if (i.unique() && n != null && !cascaded && !i.equals(to.indexes().get(i.name()))) {
                out.add(new IndexDropped(i.name()));
            }
        }
    }

    /** Indexes on tables that stay come before new tables: a unique one may be the key a new foreign key needs. */
    private void createIndexesOnKeptTables() {
        for (Index i : to.indexes().values()) {
            if (from.tables().containsKey(i.table()) && !droppedTables.contains(i.table()) && !i.equals(from.indexes().get(i.name()))) {
                out.add(new IndexCreated(i));
            }
        }
    }

    /** New tables, parents first; foreign keys that cannot come with their table are added after all of them. */
    private void createTables() {
        List<Table> pending = new ArrayList<>();
        Set<Identifier> exists = new HashSet<>(from.tables().keySet());
        List<SchemaEvent> deferred = new ArrayList<>();
        for (Table t : to.tables().values()) {
            if (from.tables().containsKey(t.name())) {
                continue;
            }
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
    }

    private void addForeignKeysOfKeptTables() {
        for (Table t : from.tables().values()) {
            Table n = to.tables().get(t.name());
            if (n != null) {
                n.foreignKeys().stream().filter(fk -> !t.foreignKeys().contains(fk)).forEach(fk -> out.add(new ForeignKeyAdded(t.name(), fk)));
            }
        }
    }

    private void createIndexesOnNewTables() {
        for (Index i : to.indexes().values()) {
            if (!from.tables().containsKey(i.table()) || droppedTables.contains(i.table())) {
                out.add(new IndexCreated(i));
            }
        }
    }

    private void recreateViewsAndTriggers() {
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
    }
}
