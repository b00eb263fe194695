package dev.strata.registry.service;

import dev.strata.events.ColumnRenamed;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableRenamed;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in tables and columns between two points of a history: tables added, dropped and changed, and in
 * each changed table the columns added, dropped, renamed and changed. Renames are read from the events between
 * the two points, so a renamed column shows as renamed, not as one dropped and one added.
 */
public record SchemaChanges(List<Identifier> tablesAdded, List<Identifier> tablesDropped, List<TableChange> tablesChanged) {

    /** One table present at both points (under its old and new name when it was renamed). */
    public record TableChange(Identifier from, Identifier to, List<Column> added, List<Column> dropped, List<Rename> renamed,
                              List<ColumnChange> changed) {
        public boolean isRenamed() {
            return !from.equals(to);
        }

        boolean isEmpty() {
            return !isRenamed() && added.isEmpty() && dropped.isEmpty() && renamed.isEmpty() && changed.isEmpty();
        }
    }

    /** A column renamed. */
    public record Rename(Identifier from, Identifier to) {
    }

    /** A column whose type, nullability, default or collation changed. */
    public record ColumnChange(Column before, Column after) {
    }

    public SchemaChanges {
        tablesAdded = List.copyOf(tablesAdded);
        tablesDropped = List.copyOf(tablesDropped);
        tablesChanged = List.copyOf(tablesChanged);
    }

    /** The changes from revision {@code from} to revision {@code to} (either may be the later one) of a subject's view. */
    public static SchemaChanges between(SubjectView v, int from, int to) {
        int lo = Math.min(from, to);
        int hi = Math.max(from, to);
        Renames renames = Renames.over(v.revisions().subList(lo, hi));
        return compare(v.schemaAt(from), v.schemaAt(to), from <= to ? renames : renames.inverted());
    }

    private static SchemaChanges compare(Schema a, Schema b, Renames renames) {
        List<Identifier> dropped = new ArrayList<>();
        List<TableChange> changed = new ArrayList<>();
        java.util.Set<Identifier> matched = new java.util.HashSet<>();
        for (Table t : a.tables().values()) {
            Identifier name = renames.tables.getOrDefault(t.name(), t.name());
            Table other = b.tables().get(name);
            if (other == null) {
                dropped.add(t.name());
                continue;
            }
            matched.add(other.name());
            TableChange c = table(t, other, renames.columns.getOrDefault(t.name(), Map.of()));
            if (!c.isEmpty()) {
                changed.add(c);
            }
        }
        List<Identifier> added = b.tables().keySet().stream().filter(n -> !matched.contains(n)).toList();
        return new SchemaChanges(added, dropped, changed);
    }

    private static TableChange table(Table a, Table b, Map<Identifier, Identifier> columnRenames) {
        List<Column> dropped = new ArrayList<>();
        List<Rename> renamed = new ArrayList<>();
        List<ColumnChange> changed = new ArrayList<>();
        java.util.Set<Identifier> matched = new java.util.HashSet<>();
        for (Column c : a.columns()) {
            Identifier name = columnRenames.getOrDefault(c.name(), c.name());
            Column other = b.column(name).orElse(null);
            if (other == null) {
                dropped.add(c);
                continue;
            }
            matched.add(other.name());
            if (!c.name().name().equals(other.name().name())) {
                renamed.add(new Rename(c.name(), other.name()));
            }
            if (!c.withName(other.name()).equals(other)) {
                changed.add(new ColumnChange(c, other));
            }
        }
        List<Column> added = b.columns().stream().filter(c -> !matched.contains(c.name())).toList();
        return new TableChange(a.name(), b.name(), added, dropped, renamed, changed);
    }

    /** Table and column renames over some revisions, as earlier name to later name. */
    private record Renames(Map<Identifier, Identifier> tables, Map<Identifier, Map<Identifier, Identifier>> columns) {

        static Renames over(List<Revision> revisions) {
            // original name -> current name, updated event by event
            Map<Identifier, Identifier> tables = new LinkedHashMap<>();
            Map<Identifier, Map<Identifier, Identifier>> columns = new HashMap<>();
            for (Revision r : revisions) {
                for (SchemaEvent e : r.events()) {
                    if (e instanceof TableRenamed t) {
                        Identifier original = originalOf(tables, t.from());
                        tables.put(original, t.to());
                    } else if (e instanceof ColumnRenamed c) {
                        Identifier table = originalOf(tables, c.table());
                        Map<Identifier, Identifier> cs = columns.computeIfAbsent(table, k -> new LinkedHashMap<>());
                        cs.put(originalOf(cs, c.from()), c.to());
                    }
                }
            }
            return new Renames(tables, columns);
        }

        private static Identifier originalOf(Map<Identifier, Identifier> renames, Identifier current) {
            return renames.entrySet().stream().filter(e -> e.getValue().equals(current)).map(Map.Entry::getKey).findFirst()
                    .orElse(current);
        }

        Renames inverted() {
            Map<Identifier, Identifier> t = new HashMap<>();
            tables.forEach((a, b) -> t.put(b, a));
            Map<Identifier, Map<Identifier, Identifier>> c = new HashMap<>();
            columns.forEach((table, cs) -> {
                Map<Identifier, Identifier> inverse = new HashMap<>();
                cs.forEach((a, b) -> inverse.put(b, a));
                c.put(tables.getOrDefault(table, table), inverse);
            });
            return new Renames(t, c);
        }
    }
}
