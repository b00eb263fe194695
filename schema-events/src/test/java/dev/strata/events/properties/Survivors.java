package dev.strata.events.properties;

import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which columns of the tables of a schema keep their values through an event sequence and its
 * undoing: all but those of dropped tables and dropped columns (undoing a drop brings the column
 * back, not its values) and of columns whose type affinity changes. Tables and columns are followed
 * through renames.
 */
record Survivors(Map<Identifier, List<Identifier>> kept, Map<Identifier, Set<Identifier>> madeRowidAliases) {

    /**
     * Per table of {@code before} that is not dropped, its columns whose values must be back after up
     * and down; and the columns that became the rowid alias on the way (an INTEGER PRIMARY KEY gives a
     * NULL a new rowid, so their NULLs cannot come back).
     */
    static Survivors of(Schema before, List<SchemaEvent> events) {
        Map<Identifier, Identifier> tableNow = new HashMap<>();
        Map<Identifier, Map<Identifier, Identifier>> columnNow = new HashMap<>();
        for (Table t : before.tables().values()) {
            tableNow.put(t.name(), t.name());
            Map<Identifier, Identifier> cols = new HashMap<>();
            t.columnNames().forEach(c -> cols.put(c, c));
            columnNow.put(t.name(), cols);
        }
        Map<Identifier, Set<Identifier>> aliased = new HashMap<>();
        Schema current = before;
        for (SchemaEvent e : events) {
            Schema was = current;
            current = e.applyTo(current);
            if (e instanceof ColumnAltered a && was.tables().get(a.table()).column(a.column().name())
                    .map(c -> c.affinity() != a.column().affinity()).orElse(false)) {
                // a new affinity converts values, not always back: TEXT '1' becomes REAL 1.0, then TEXT '1.0'
                origin(tableNow, a.table()).map(columnNow::get)
                        .ifPresent(cols -> origin(cols, a.column().name()).ifPresent(cols::remove));
            } else if (e instanceof TableRenamed r) {
                origin(tableNow, r.from()).ifPresent(o -> tableNow.put(o, r.to()));
            } else if (e instanceof TableDropped d) {
                origin(tableNow, d.table()).ifPresent(o -> {
                    tableNow.remove(o);
                    columnNow.remove(o);
                });
            } else if (e instanceof ColumnRenamed r) {
                origin(tableNow, r.table()).map(columnNow::get)
                        .ifPresent(cols -> origin(cols, r.from()).ifPresent(o -> cols.put(o, r.to())));
            } else if (e instanceof ColumnDropped d) {
                origin(tableNow, d.table()).map(columnNow::get)
                        .ifPresent(cols -> origin(cols, d.column()).ifPresent(cols::remove));
            }
            for (Map.Entry<Identifier, Identifier> t : tableNow.entrySet()) {
                Table now = current.tables().get(t.getValue());
                Identifier alias = now == null ? null : now.rowidAlias().orElse(null);
                if (alias != null && !alias.equals(before.tables().get(t.getKey()).rowidAlias().orElse(null))) {
                    origin(columnNow.get(t.getKey()), alias)
                            .ifPresent(o -> aliased.computeIfAbsent(t.getKey(), k -> new HashSet<>()).add(o));
                }
            }
        }
        Map<Identifier, List<Identifier>> out = new LinkedHashMap<>();
        for (Table t : before.tables().values()) {
            if (columnNow.containsKey(t.name())) {
                Set<Identifier> kept = columnNow.get(t.name()).keySet();
                out.put(t.name(), t.columnNames().stream().filter(kept::contains).collect(Collectors.toList()));
            }
        }
        return new Survivors(out, aliased);
    }

    /** The original name of what is now called {@code current}. */
    private static java.util.Optional<Identifier> origin(Map<Identifier, Identifier> now, Identifier current) {
        return now.entrySet().stream().filter(e -> e.getValue().equals(current)).map(Map.Entry::getKey).findFirst();
    }
}
