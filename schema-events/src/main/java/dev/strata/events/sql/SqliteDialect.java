package dev.strata.events.sql;

import dev.strata.events.CheckAdded;
import dev.strata.events.CheckDropped;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.ForeignKeyDropped;
import dev.strata.events.IndexCreated;
import dev.strata.events.IndexDropped;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.SqlExecuted;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.TriggerCreated;
import dev.strata.events.TriggerDropped;
import dev.strata.events.UniqueAdded;
import dev.strata.events.UniqueDropped;
import dev.strata.events.ViewCreated;
import dev.strata.events.ViewDropped;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders schema events as SQLite DDL: {@code ALTER TABLE} where SQLite supports the change, and
 * SQLite's documented table rebuild otherwise (see {@link TableRebuild}).
 *
 * <pre>SqlScript up = SqliteDialect.upgrade(schemaBefore, revision);</pre>
 */
public final class SqliteDialect {

    private SqliteDialect() {
    }

    /**
     * The DDL of events applied, in order, to {@code before}. Consecutive events that each need a
     * rebuild of the same table become one rebuild. If any rebuilt table is referenced by a foreign
     * key, the whole script is non-transactional: foreign keys off, one explicit transaction, a check.
     */
    public static SqlScript render(Schema before, List<SchemaEvent> events) {
        List<String> statements = new ArrayList<>();
        boolean foreignKeysOff = false;
        Schema current = before;
        Identifier pendingTable = null;
        Schema pendingBefore = null;
        Set<Identifier> fresh = new HashSet<>();
        // columns this rebuild adds with a default, which their rows get even if a later event of the rebuild changes it
        Map<Identifier, String> added = new HashMap<>();
        for (SchemaEvent event : events) {
            Schema next = event.applyTo(current);
            Optional<Identifier> rebuilt = event.accept(new RebuildNeed(current));
            if (rebuilt.isEmpty() && event instanceof ColumnDropped d && d.table().equals(pendingTable)) {
                // join the pending rebuild: run on its own after it, the rebuild would first have to
                // fit the rows to a column that is about to go (a NOT NULL it cannot meet, say)
                rebuilt = Optional.of(pendingTable);
            }
            if (event instanceof TableDropped d && !current.referencing(d.table()).isEmpty()) {
                // DROP TABLE deletes the rows first: a RESTRICT, or a child row that would dangle, would refuse that
                foreignKeysOff = true;
            }
            if (pendingTable != null && !(rebuilt.isPresent() && rebuilt.get().equals(pendingTable))) {
                TableRebuild r = TableRebuild.of(pendingBefore, current, pendingTable, fresh, added);
                statements.addAll(r.statements());
                foreignKeysOff |= r.needsForeignKeysOff();
                pendingTable = null;
            }
            if (rebuilt.isPresent()) {
                if (pendingTable == null) {
                    pendingTable = rebuilt.get();
                    pendingBefore = current;
                    fresh = new HashSet<>();
                    added = new HashMap<>();
                }
                if (event instanceof ColumnAdded a && a.column().defaultValue() != null) {
                    added.put(a.column().name(), a.column().defaultValue());
                }
                if (event instanceof ColumnDropped d) {
                    added.remove(d.column());
                }
                if (event instanceof ColumnDropped dropped) {
                    // a column added again later in this rebuild is a new column: it must not receive the old values
                    fresh.add(dropped.column());
                }
            } else {
                statements.addAll(event.accept(new Statements(current, next)));
            }
            current = next;
        }
        if (pendingTable != null) {
            TableRebuild r = TableRebuild.of(pendingBefore, current, pendingTable, fresh, added);
            statements.addAll(r.statements());
            foreignKeysOff |= r.needsForeignKeysOff();
        }
        return foreignKeysOff ? TableRebuild.withForeignKeysOff(statements) : new SqlScript(statements, true);
    }

    /** The upgrade DDL of a revision applied to {@code before}. */
    public static SqlScript upgrade(Schema before, Revision revision) {
        return render(before, revision.events());
    }

    /** The downgrade DDL of a revision: its inverse, applied to the schema after it. */
    public static SqlScript downgrade(Schema before, Revision revision) {
        Schema after = Projection.apply(before, revision);
        return render(after, Projection.inverse(before, revision.events()));
    }

    /** The whole schema as CREATE statements. */
    public static SqlScript createAll(Schema schema) {
        List<String> out = new ArrayList<>();
        schema.tables().values().forEach(t -> out.add(Ddl.createTable(t)));
        // a view may read a virtual table
        schema.virtualTables().values().forEach(v -> out.add(v.sql()));
        schema.indexes().values().forEach(i -> out.add(Ddl.createIndex(i)));
        schema.views().values().forEach(v -> out.add(Ddl.createView(v)));
        schema.triggers().values().forEach(t -> out.add(t.sql()));
        return new SqlScript(out, true);
    }

    /**
     * The text of {@code V<n>__<slug>.sql}.
     *
     * @param eventsFolder the folder of the revision files, as the header names it ({@code schema/events})
     */
    public static String upgradeFile(Revision revision, Schema before, String eventsFolder) {
        return file(revision, upgrade(before, revision), "upgrade", revision.upgradeFileName(), eventsFolder);
    }

    /** The text of {@code U<n>__<slug>.sql}; {@code eventsFolder} as for {@link #upgradeFile}. */
    public static String downgradeFile(Revision revision, Schema before, String eventsFolder) {
        return file(revision, downgrade(before, revision), "downgrade", revision.downgradeFileName(), eventsFolder);
    }

    /**
     * The companion {@code <file>.conf} stock Flyway needs to run a non-transactional script outside
     * a transaction, or empty when the script runs in Flyway's usual transaction.
     */
    public static Optional<String> flywayScriptConfig(SqlScript script) {
        return script.transactional() ? Optional.empty() : Optional.of("executeInTransaction=false\n");
    }

    private static String file(Revision r, SqlScript script, String kind, String fileName, String eventsFolder) {
        // one line, and no Flyway placeholder: stock Flyway replaces ${...} even inside comments
        String message = r.message().strip().lines().findFirst().orElse("").replace("${", "$ {");
        StringBuilder out = new StringBuilder();
        out.append("-- Strata ").append(kind).append(" of revision ").append(r.label()).append(": ").append(message).append('\n');
        out.append("-- Generated by strata from ").append(eventsFolder).append('/').append(r.eventFileName()).append("; do not edit.\n");
        if (!script.transactional()) {
            out.append("-- Runs outside Flyway's transaction (").append(fileName).append(".conf) because SQLite's table rebuild\n");
            out.append("-- needs PRAGMA foreign_keys = OFF; the script opens and commits its own transaction.\n");
        }
        out.append('\n').append(script.text());
        return out.toString();
    }

    /** Which table, if any, an event rebuilds (given the schema before it). */
    private static final class RebuildNeed implements SchemaEvent.Visitor<Optional<Identifier>> {
        private final Schema before;

        RebuildNeed(Schema before) {
            this.before = before;
        }

        @Override
        public Optional<Identifier> visit(ColumnAdded e) {
            Column c = e.column();
            // ADD COLUMN can only append, and cannot add a STORED generated column: the rebuild can do both
            boolean alterable = e.before() == null && !c.stored() && Ddl.isConstant(c.defaultValue())
                    && (!c.notNull() || (c.defaultValue() != null && !SqlText.normalize(c.defaultValue()).equals("NULL")));
            return alterable ? Optional.empty() : Optional.of(e.table());
        }

        @Override
        public Optional<Identifier> visit(ColumnDropped e) {
            Table t = before.table(e.table()).orElseThrow();
            boolean constrained = t.column(e.column()).map(Column::stored).orElse(false)
                    || t.uniques().stream().anyMatch(u -> u.columns().contains(e.column()))
                    || t.foreignKeys().stream().anyMatch(f -> f.columns().contains(e.column()))
                    || t.checks().stream().anyMatch(c -> SqlText.mentions(c.expression(), e.column()));
            return constrained ? Optional.of(e.table()) : Optional.empty();
        }

        @Override public Optional<Identifier> visit(ColumnAltered e) { return Optional.of(e.table()); }
        @Override public Optional<Identifier> visit(ForeignKeyAdded e) { return Optional.of(e.table()); }
        @Override public Optional<Identifier> visit(ForeignKeyDropped e) { return Optional.of(e.table()); }
        @Override public Optional<Identifier> visit(CheckAdded e) { return Optional.of(e.table()); }
        @Override public Optional<Identifier> visit(CheckDropped e) { return Optional.of(e.table()); }
        @Override public Optional<Identifier> visit(UniqueAdded e) { return Optional.of(e.table()); }
        @Override public Optional<Identifier> visit(UniqueDropped e) { return Optional.of(e.table()); }
        @Override public Optional<Identifier> visit(PrimaryKeyAltered e) { return Optional.of(e.table()); }
        @Override public Optional<Identifier> visit(TableCreated e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(TableDropped e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(TableRenamed e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(ColumnRenamed e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(IndexCreated e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(IndexDropped e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(ViewCreated e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(ViewDropped e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(TriggerCreated e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(TriggerDropped e) { return Optional.empty(); }
        @Override public Optional<Identifier> visit(SqlExecuted e) { return Optional.empty(); }
    }

    /** The statements of an event that needs no rebuild. */
    private static final class Statements implements SchemaEvent.Visitor<List<String>> {
        private final Schema before;
        private final Schema after;

        Statements(Schema before, Schema after) {
            this.before = before;
            this.after = after;
        }

        @Override
        public List<String> visit(TableCreated e) {
            return List.of(Ddl.createTable(e.table()));
        }

        @Override
        public List<String> visit(TableDropped e) {
            return List.of("DROP TABLE " + e.table().quoted());
        }

        @Override
        public List<String> visit(TableRenamed e) {
            if (e.from().equals(e.to())) {
                // only the case changes: SQLite sees the new name as taken, so go through a free one
                Identifier via = TableRebuild.temporaryName("_strata_rename_", e.from());
                return List.of("ALTER TABLE " + e.from().quoted() + " RENAME TO " + via.quoted(),
                        "ALTER TABLE " + via.quoted() + " RENAME TO " + e.to().quoted());
            }
            return List.of("ALTER TABLE " + e.from().quoted() + " RENAME TO " + e.to().quoted());
        }

        @Override
        public List<String> visit(ColumnAdded e) {
            return List.of("ALTER TABLE " + e.table().quoted() + " ADD COLUMN " + Ddl.column(e.column()));
        }

        @Override
        public List<String> visit(ColumnDropped e) {
            List<String> out = new ArrayList<>();
            for (Index i : before.indexesOn(e.table())) {
                if (after.index(i.name()).isEmpty()) {
                    out.add("DROP INDEX " + i.name().quoted());
                }
            }
            out.add("ALTER TABLE " + e.table().quoted() + " DROP COLUMN " + e.column().quoted());
            return out;
        }

        @Override
        public List<String> visit(ColumnRenamed e) {
            return List.of("ALTER TABLE " + e.table().quoted() + " RENAME COLUMN " + e.from().quoted() + " TO " + e.to().quoted());
        }

        @Override
        public List<String> visit(IndexCreated e) {
            return List.of(Ddl.createIndex(e.index()));
        }

        @Override
        public List<String> visit(IndexDropped e) {
            return List.of("DROP INDEX " + e.index().quoted());
        }

        @Override
        public List<String> visit(ViewCreated e) {
            return List.of(Ddl.createView(e.view()));
        }

        @Override
        public List<String> visit(ViewDropped e) {
            return List.of("DROP VIEW " + e.view().quoted());
        }

        @Override
        public List<String> visit(TriggerCreated e) {
            return List.of(e.trigger().sql());
        }

        @Override
        public List<String> visit(TriggerDropped e) {
            return List.of("DROP TRIGGER " + e.trigger().quoted());
        }

        @Override
        public List<String> visit(SqlExecuted e) {
            return SqlSplitter.split(e.up()).stream().map(SqlSplitter.Statement::sql).toList();
        }

        private List<String> rebuildOnly(String what) {
            throw new IllegalStateException(what + " is rendered as a table rebuild");
        }

        @Override public List<String> visit(ColumnAltered e) { return rebuildOnly(e.describe()); }
        @Override public List<String> visit(ForeignKeyAdded e) { return rebuildOnly(e.describe()); }
        @Override public List<String> visit(ForeignKeyDropped e) { return rebuildOnly(e.describe()); }
        @Override public List<String> visit(CheckAdded e) { return rebuildOnly(e.describe()); }
        @Override public List<String> visit(CheckDropped e) { return rebuildOnly(e.describe()); }
        @Override public List<String> visit(UniqueAdded e) { return rebuildOnly(e.describe()); }
        @Override public List<String> visit(UniqueDropped e) { return rebuildOnly(e.describe()); }
        @Override public List<String> visit(PrimaryKeyAltered e) { return rebuildOnly(e.describe()); }
    }

}
