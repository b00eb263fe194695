package dev.strata.events.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The immutable schema of one SQLite database: tables, indexes, views, triggers and virtual tables,
 * each keyed by name. Objects keep the order they were created in (so rendering is stable); equality
 * does not depend on it. Every change returns a new {@code Schema}.
 */
public record Schema(Map<Identifier, Table> tables, Map<Identifier, Index> indexes,
                     Map<Identifier, View> views, Map<Identifier, Trigger> triggers,
                     Map<Identifier, VirtualTable> virtualTables) {

    /** Installed by the edge that can run SQLite (schema-events' own {@code dev.strata.events.sqlite}). */
    private static final DependentsFinder FINDER = java.util.ServiceLoader.load(DependentsFinder.class, DependentsFinder.class.getClassLoader())
            .findFirst().orElseThrow(() -> new IllegalStateException("no " + DependentsFinder.class.getName()
                    + " is installed; schema-events provides one in dev.strata.events.sqlite, keep its jar whole on the class path"));

    public static final Schema EMPTY = new Schema(Map.of(), Map.of(), Map.of(), Map.of());

    public Schema {
        tables = NamedMap.of(tables, Table::name);
        indexes = NamedMap.of(indexes, Index::name);
        views = NamedMap.of(views, View::name);
        triggers = NamedMap.of(triggers, Trigger::name);
        virtualTables = NamedMap.of(virtualTables, VirtualTable::name);
        validate(tables, indexes, triggers, views);
        requireUniqueNames(List.of(tables, indexes, views, triggers, virtualTables));
    }

    /** A schema without virtual tables. */
    public Schema(Map<Identifier, Table> tables, Map<Identifier, Index> indexes,
                  Map<Identifier, View> views, Map<Identifier, Trigger> triggers) {
        this(tables, indexes, views, triggers, Map.of());
    }

    /** That indexes and triggers stand on objects that exist (keys are checked as the maps are made). */
    private static void validate(Map<Identifier, Table> tables, Map<Identifier, Index> indexes, Map<Identifier, Trigger> triggers,
                                 Map<Identifier, View> views) {
        indexes.forEach((k, v) -> {
            Table t = tables.get(v.table());
            if (t == null) {
                throw new IllegalArgumentException("index " + v.name() + " is on table " + v.table() + ", which does not exist");
            }
            for (Identifier c : v.columns()) {
                if (!t.hasColumn(c)) {
                    throw new IllegalArgumentException("index " + v.name() + " names column " + v.table() + "." + c
                            + ", which does not exist");
                }
            }
        });
        triggers.forEach((k, v) -> {
            if (!tables.containsKey(v.table()) && !views.containsKey(v.table())) {
                throw new IllegalArgumentException("trigger " + v.name() + " is on " + v.table() + ", which does not exist");
            }
        });
    }

    /** Names are unique within each kind (they are map keys), so only each pair of kinds is compared, the smaller one walked. */
    private static void requireUniqueNames(List<Map<Identifier, ?>> kinds) {
        for (int i = 0; i < kinds.size(); i++) {
            for (int j = i + 1; j < kinds.size(); j++) {
                Map<Identifier, ?> small = kinds.get(i).size() <= kinds.get(j).size() ? kinds.get(i) : kinds.get(j);
                Map<Identifier, ?> large = small == kinds.get(i) ? kinds.get(j) : kinds.get(i);
                for (Identifier id : small.keySet()) {
                    if (large.containsKey(id)) {
                        throw new IllegalArgumentException("two schema objects are named " + id
                                + " (tables, indexes, views and triggers share one namespace in SQLite)");
                    }
                }
            }
        }
    }

    public Optional<Table> table(Identifier name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Optional<Index> index(Identifier name) {
        return Optional.ofNullable(indexes.get(name));
    }

    public Optional<View> view(Identifier name) {
        return Optional.ofNullable(views.get(name));
    }

    public Optional<Trigger> trigger(Identifier name) {
        return Optional.ofNullable(triggers.get(name));
    }

    /** Whether a table, index, view, trigger or virtual table has this name. */
    public boolean hasObject(Identifier name) {
        return tables.containsKey(name) || indexes.containsKey(name) || views.containsKey(name) || triggers.containsKey(name)
                || virtualTables.containsKey(name);
    }

    /** Foreign keys whose referenced table or columns this schema lacks, in table order. */
    public List<DanglingForeignKey> danglingForeignKeys() {
        List<DanglingForeignKey> out = new java.util.ArrayList<>();
        for (Table t : tables.values()) {
            for (ForeignKey fk : t.foreignKeys()) {
                Table parent = tables.get(fk.referencedTable());
                if (parent == null || !fk.referencedColumns().stream().allMatch(parent::hasColumn)) {
                    out.add(new DanglingForeignKey(t.name(), fk));
                }
            }
        }
        return out;
    }

    /**
     * The views and triggers that read or write these tables, views or columns, directly or through other
     * views, in creation order; see {@link Dependents} for the order to drop and recreate them in.
     */
    public Dependents dependents(Set<Identifier> relations, Set<ColumnRef> columns) {
        if (views.isEmpty() && triggers.isEmpty()) {
            return Dependents.NONE;
        }
        return FINDER.find(this, relations, columns);
    }

    /** {@link #dependents(Set, Set)} of one table or view. */
    public Dependents dependents(Identifier relation) {
        return dependents(Set.of(relation), Set.of());
    }

    /** {@link #dependents(Set, Set)} of one column. */
    public Dependents dependents(ColumnRef column) {
        return dependents(Set.of(), Set.of(column));
    }

    public List<Index> indexesOn(Identifier table) {
        return indexes.values().stream().filter(i -> i.table().equals(table)).toList();
    }

    public List<Trigger> triggersOn(Identifier table) {
        return triggers.values().stream().filter(t -> t.table().equals(table)).toList();
    }

    /** Tables (including {@code table} itself) with a foreign key referencing {@code table}. */
    public List<Table> referencing(Identifier table) {
        return tables.values().stream()
                .filter(t -> t.foreignKeys().stream().anyMatch(f -> f.referencedTable().equals(table)))
                .toList();
    }

    public Schema withTable(Table table) {
        return new Schema(((NamedMap<Table>) tables).with(table.name(), table), indexes, views, triggers, virtualTables);
    }

    public Schema withoutTable(Identifier name) {
        Map<Identifier, Table> next = ((NamedMap<Table>) tables).without(name);
        Map<Identifier, Index> nextIndexes = new LinkedHashMap<>(indexes);
        nextIndexes.values().removeIf(i -> i.table().equals(name));
        Map<Identifier, Trigger> nextTriggers = new LinkedHashMap<>(triggers);
        nextTriggers.values().removeIf(t -> t.table().equals(name));
        return new Schema(next, nextIndexes, views, nextTriggers, virtualTables);
    }

    /** Replaces all tables at once, keeping their order (for renames that touch several tables). */
    public Schema withTables(Map<Identifier, Table> newTables) {
        return new Schema(newTables, indexes, views, triggers, virtualTables);
    }

    public Schema withIndex(Index index) {
        Map<Identifier, Index> next = ((NamedMap<Index>) indexes).with(index.name(), index);
        return new Schema(tables, next, views, triggers, virtualTables);
    }

    public Schema withoutIndex(Identifier name) {
        Map<Identifier, Index> next = ((NamedMap<Index>) indexes).without(name);
        return new Schema(tables, next, views, triggers, virtualTables);
    }

    public Schema withView(View view) {
        Map<Identifier, View> next = ((NamedMap<View>) views).with(view.name(), view);
        return new Schema(tables, indexes, next, triggers, virtualTables);
    }

    public Schema withoutView(Identifier name) {
        Map<Identifier, View> next = ((NamedMap<View>) views).without(name);
        return new Schema(tables, indexes, next, triggers, virtualTables);
    }

    public Schema withTrigger(Trigger trigger) {
        Map<Identifier, Trigger> next = ((NamedMap<Trigger>) triggers).with(trigger.name(), trigger);
        return new Schema(tables, indexes, views, next, virtualTables);
    }

    public Schema withoutTrigger(Identifier name) {
        Map<Identifier, Trigger> next = ((NamedMap<Trigger>) triggers).without(name);
        return new Schema(tables, indexes, views, next, virtualTables);
    }
}
