package dev.strata.events;

import dev.strata.events.schema.ColumnRef;
import dev.strata.events.schema.Dependents;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
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

    /** Refuses the action while views or triggers stand on {@code name}; SQLite would rewrite or break them. */
    static void noDependents(Schema schema, Identifier name, String action) {
        List<String> deps = schema.dependents(name).described();
        if (!deps.isEmpty()) {
            throw invalid(action, String.join(", ", deps) + " refer" + (deps.size() == 1 ? "s" : "") + " to " + name
                    + "; drop " + (deps.size() == 1 ? "it" : "them") + " first and recreate "
                    + (deps.size() == 1 ? "it" : "them") + " afterwards");
        }
    }

    /** Refuses the action while a view or trigger uses the column. */
    static void noDependents(Schema schema, ColumnRef column, String action) {
        Dependents deps = schema.dependents(column);
        if (!deps.views().isEmpty()) {
            throw invalid(action, "view " + deps.views().get(0).name() + " refers to it; drop the view first and recreate it afterwards");
        }
        if (!deps.triggers().isEmpty()) {
            throw invalid(action, "trigger " + deps.triggers().get(0).name()
                    + " refers to it; drop the trigger first and recreate it afterwards");
        }
    }

    /**
     * {@code middle} wrapped in the drop and re-creation of {@code deps}. An inverse uses this with the
     * dependents its undoing would meet in the schema the event it undoes leads to.
     */
    static List<SchemaEvent> aroundDependents(Dependents deps, List<SchemaEvent> middle) {
        if (deps.isEmpty()) {
            return middle;
        }
        List<SchemaEvent> out = new ArrayList<>();
        deps.triggers().forEach(t -> out.add(new TriggerDropped(t.name())));
        for (int i = deps.views().size() - 1; i >= 0; i--) {
            out.add(new ViewDropped(deps.views().get(i).name()));
        }
        out.addAll(middle);
        deps.views().forEach(v -> out.add(new ViewCreated(v)));
        deps.triggers().forEach(t -> out.add(new TriggerCreated(t)));
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
