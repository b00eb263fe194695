package dev.strata.events;

import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.View;

import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;

/** Preconditions shared by the events' folds; each failure names the object and the fix. */
final class Rules {

    private Rules() {
    }

    static InvalidEventException invalid(String action, String reason) {
        return new InvalidEventException("cannot " + action + ": " + reason);
    }

    static Table table(Schema schema, Identifier name, String action) {
        return schema.table(name).orElseThrow(() -> invalid(action, "table " + name + " does not exist"));
    }

    static void nameIsFree(Schema schema, Identifier name, String action) {
        if (schema.hasObject(name)) {
            throw invalid(action, "a table, index, view or trigger named " + name + " already exists");
        }
    }

    /** Runs a schema construction, turning a violated invariant into an {@link InvalidEventException}. */
    static Schema build(String action, Supplier<Schema> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw invalid(action, e.getMessage());
        }
    }

    /** Views and triggers whose SQL mentions {@code name}; SQLite would rewrite or break them. */
    static List<String> dependents(Schema schema, Identifier name, Identifier exceptTriggersOn) {
        List<String> out = new java.util.ArrayList<>();
        for (View v : schema.views().values()) {
            if (SqlText.mentions(v.select(), name)) {
                out.add("view " + v.name());
            }
        }
        for (Trigger t : schema.triggers().values()) {
            if (!t.table().equals(exceptTriggersOn) && SqlText.mentions(t.sql(), name)) {
                out.add("trigger " + t.name());
            }
        }
        return out;
    }

    static void noDependents(Schema schema, Identifier name, Identifier exceptTriggersOn, String action) {
        List<String> deps = dependents(schema, name, exceptTriggersOn);
        if (!deps.isEmpty()) {
            throw invalid(action, String.join(", ", deps) + " refer" + (deps.size() == 1 ? "s" : "") + " to " + name
                    + "; drop " + (deps.size() == 1 ? "it" : "them") + " first and recreate "
                    + (deps.size() == 1 ? "it" : "them") + " afterwards");
        }
    }

    /**
     * {@code middle} wrapped in the drop and re-creation of the views and triggers the fold would not
     * let it pass (those {@code blocksView} / {@code blocksTrigger} pick), of the views that build on
     * a dropped view, and of the triggers that mention one or sit on one. An inverse uses this where
     * the event it undoes went through but its undoing meets a view or trigger that only names alike.
     */
    static List<SchemaEvent> aroundDependents(Schema schema, java.util.function.Predicate<View> blocksView,
                                              java.util.function.Predicate<Trigger> blocksTrigger, List<SchemaEvent> middle) {
        java.util.Set<Identifier> views = new java.util.LinkedHashSet<>();
        schema.views().values().stream().filter(blocksView).forEach(v -> views.add(v.name()));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (View v : schema.views().values()) {
                if (!views.contains(v.name()) && views.stream().anyMatch(n -> SqlText.mentions(v.select(), n))) {
                    grew = views.add(v.name());
                }
            }
        }
        List<Trigger> triggers = schema.triggers().values().stream().filter(t -> blocksTrigger.test(t) || views.contains(t.table())
                || views.stream().anyMatch(n -> SqlText.mentions(t.sql(), n))).toList();
        if (views.isEmpty() && triggers.isEmpty()) {
            return middle;
        }
        List<View> ordered = schema.views().values().stream().filter(v -> views.contains(v.name())).toList();
        List<SchemaEvent> out = new java.util.ArrayList<>();
        triggers.forEach(t -> out.add(new TriggerDropped(t.name())));
        for (int i = ordered.size() - 1; i >= 0; i--) {
            out.add(new ViewDropped(ordered.get(i).name()));
        }
        out.addAll(middle);
        ordered.forEach(v -> out.add(new ViewCreated(v)));
        triggers.forEach(t -> out.add(new TriggerCreated(t)));
        return out;
    }

    /**
     * The referenced columns of a foreign key must be the parent's primary key or unique. A parent that does not
     * exist passes: SQLite allows such a dangling foreign key (a table it referenced may have been dropped), and a
     * table that had one must come back with it.
     */
    static void foreignKeyTargetsAKey(Schema schema, Table child, ForeignKey fk, String action) {
        Table parent = fk.referencedTable().equals(child.name()) ? child : schema.table(fk.referencedTable()).orElse(null);
        if (parent == null) {
            return;
        }
        if (fk.referencedColumns().isEmpty()) {
            throw invalid(action, "the foreign key names no referenced columns; name the columns of " + parent.name() + "'s key");
        }
        for (Identifier c : fk.referencedColumns()) {
            if (!parent.hasColumn(c)) {
                throw invalid(action, "the referenced column " + parent.name() + "." + c + " does not exist");
            }
        }
        if (!isKey(schema, parent, fk.referencedColumns())) {
            throw invalid(action, "the referenced columns " + parent.name() + fk.referencedColumns()
                    + " are neither the primary key nor UNIQUE; SQLite reports 'foreign key mismatch' on every write."
                    + " Reference the primary key or add a UNIQUE constraint first");
        }
    }

    static boolean isKey(Schema schema, Table table, List<Identifier> columns) {
        if (table.isKeyedBy(columns)) {
            return true;
        }
        var set = new HashSet<>(columns);
        if (set.size() != columns.size()) {
            return false;
        }
        for (Index i : schema.indexesOn(table.name())) {
            if (i.unique() && i.where() == null && i.isOnColumns() && new HashSet<>(i.columns()).equals(set)) {
                return true;
            }
        }
        return false;
    }

    /** Every foreign key in the schema still targets a key (after a key was changed or dropped). */
    static void allForeignKeysTargetKeys(Schema schema, String action) {
        for (Table t : schema.tables().values()) {
            for (ForeignKey fk : t.foreignKeys()) {
                schema.table(fk.referencedTable()).ifPresent(parent -> {
                    if (!isKey(schema, parent, fk.referencedColumns())) {
                        throw invalid(action, "the foreign key " + t.name() + fk.columns() + " references "
                                + parent.name() + fk.referencedColumns() + ", which would no longer be a key;"
                                + " drop that foreign key first");
                    }
                });
            }
        }
    }
}
