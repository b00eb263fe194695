package dev.strata.events.projection;

import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.ForeignKeyDropped;
import dev.strata.events.IndexDropped;
import dev.strata.events.InvalidEventException;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.SchemaEvent;
import dev.strata.events.UniqueDropped;
import dev.strata.events.schema.DanglingForeignKey;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts planned events in an order the fold accepts: each time, the first planned event that applies.
 * Keys that move between a primary key, a UNIQUE constraint and a unique index, and cycles of foreign
 * keys, need an order no fixed phase list gives. Events a cascade made moot are left out; events that
 * apply in no order fail here, named.
 */
final class DiffOrder {

    private final Schema to;
    private final List<SchemaEvent> pending;
    private final List<SchemaEvent> out = new ArrayList<>();
    private final Set<DanglingForeignKey> wantedDangling;
    private Schema current;

    private DiffOrder(Schema from, Schema to, List<SchemaEvent> planned) {
        this.to = to;
        this.pending = new ArrayList<>(planned);
        this.current = from;
        this.wantedDangling = new HashSet<>(to.danglingForeignKeys());
    }

    static List<SchemaEvent> of(Schema from, Schema to, List<SchemaEvent> planned) {
        DiffOrder order = new DiffOrder(from, to, planned);
        int unblockings = 0;
        while (!order.pending.isEmpty()) {
            if (order.applyNext()) {
                continue;
            }
            if (order.current.equals(to)) {
                break;
            }
            if (unblockings++ >= planned.size() || !order.unblockKeys()) {
                throw order.stuck();
            }
        }
        return order.out;
    }

    /**
     * Applies the first pending event that leaves no foreign key pointing at a table still to come (a write to its
     * table would fail on SQLite, even of a copy during a rebuild); only when none does, the first that applies.
     */
    private boolean applyNext() {
        Set<DanglingForeignKey> dangling = new HashSet<>(current.danglingForeignKeys());
        int fallback = -1;
        Schema fallbackNext = null;
        for (int i = 0; i < pending.size(); i++) {
            Optional<Schema> next = attempt(pending.get(i), current);
            if (next.isEmpty()) {
                continue;
            }
            boolean danglesAnew = next.get().danglingForeignKeys().stream()
                    .anyMatch(d -> !dangling.contains(d) && !wantedDangling.contains(d));
            if (!danglesAnew) {
                take(i, next.get());
                return true;
            }
            if (fallback < 0) {
                fallback = i;
                fallbackNext = next.get();
            }
        }
        if (fallback >= 0) {
            take(fallback, fallbackNext);
            return true;
        }
        return false;
    }

    /** The schema after the event, or empty while it depends on an event still pending. */
    private static Optional<Schema> attempt(SchemaEvent event, Schema schema) {
        try {
            return Optional.of(event.applyTo(schema));
        } catch (InvalidEventException notYet) {
            return Optional.empty();
        }
    }

    private void take(int i, Schema next) {
        current = next;
        out.add(pending.remove(i));
    }

    /**
     * Drops the foreign keys that target a key a stuck event takes away: a key that moves between the
     * primary key, a UNIQUE constraint and a unique index cannot be kept by any order while a foreign key
     * targets it, so those foreign keys go first and come back (as in {@code to}) last.
     */
    private boolean unblockKeys() {
        List<ForeignKeyDropped> blockers = blockingForeignKeys();
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
        return !blockers.isEmpty();
    }

    private List<ForeignKeyDropped> blockingForeignKeys() {
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
                Index index = current.indexes().get(d.index());
                table = index.table();
                key = index.isOnColumns() ? index.columns() : List.of();
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

    private InvalidEventException stuck() {
        String reasons = pending.stream().map(e -> {
            try {
                e.applyTo(current);
                return e.describe();
            } catch (InvalidEventException why) {
                return why.getMessage();
            }
        }).collect(Collectors.joining("; "));
        return new InvalidEventException("cannot order the changes that lead from the schema to the target: after "
                + out.size() + " of them, " + pending.size() + " apply in no order (" + reasons + ")."
                + " Record these changes by hand, in several revisions if needed; nothing was written");
    }
}
