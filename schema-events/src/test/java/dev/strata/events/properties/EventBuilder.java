package dev.strata.events.properties;

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
import dev.strata.events.SchemaEvent;
import dev.strata.events.SqlExecuted;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.TriggerDropped;
import dev.strata.events.UniqueAdded;
import dev.strata.events.UniqueDropped;
import dev.strata.events.ViewDropped;
import dev.strata.events.properties.SchemaSpecs.ColumnSpec;
import dev.strata.events.properties.SchemaSpecs.EventSpec;
import dev.strata.events.properties.SchemaSpecs.ForeignKeySpec;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;
import dev.strata.events.sql.SqliteDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns {@link EventSpec}s into a valid event sequence over a schema: each spec picks an event kind
 * and, against the current schema, the table, column or object it changes; an event the fold
 * refuses is left out.
 */
final class EventBuilder {

    private EventBuilder() {
    }

    /** Events applied to {@code before}, giving {@code after}. */
    record Sequence(Schema before, List<SchemaEvent> events, Schema after) {
        /** The hard cases this sequence reaches, for the statistics that show the generators reach them. */
        List<String> reaches() {
            String all = events.stream().map(SchemaEvent::describe).collect(Collectors.joining("\n"));
            List<String> out = new ArrayList<>();
            if (events.stream().anyMatch(e -> e instanceof TableRenamed r && onlyCase(r.from(), r.to())
                    || e instanceof ColumnRenamed c && onlyCase(c.from(), c.to()))) {
                out.add("a rename that changes only the case");
            }
            if (events.stream().anyMatch(SqlExecuted.class::isInstance)) {
                out.add("a data migration");
            }
            if (all.contains(" IN (") || SqliteDialect.createAll(before).text().contains(" IN (")) {
                out.add("CHECK ... IN (...)");
            }
            if (all.contains(" BEGIN UPDATE ") || SqliteDialect.createAll(before).text().contains(" BEGIN UPDATE ")) {
                out.add("a trigger writing another table");
            }
            if (events.stream().anyMatch(e -> e instanceof ForeignKeyAdded f && before.table(f.table()).isPresent())) {
                out.add("a foreign key added to a table that held rows");
            }
            if (events.stream().anyMatch(e -> e instanceof ColumnAltered a && a.column().notNull())) {
                out.add("a column made NOT NULL");
            }
            return out.isEmpty() ? List.of("none") : out;
        }

        private static boolean onlyCase(Identifier a, Identifier b) {
            return a.name().equalsIgnoreCase(b.name()) && !a.name().equals(b.name());
        }

        /** For failure messages: the schema before as DDL, then one line per event. */
        String describe() {
            return "before:\n" + SqliteDialect.createAll(before).text() + "\nevents:\n"
                    + events.stream().map(e -> "  " + e.describe()).collect(Collectors.joining("\n"));
        }
    }

    /**
     * Every event kind is built whether or not the tables hold rows (a foreign key added to a filled
     * table too): a property that runs them on rows excuses only the refusals the rows cause.
     */
    static Sequence sequence(Schema before, List<EventSpec> specs) {
        Schema current = before;
        List<SchemaEvent> events = new ArrayList<>();
        for (EventSpec spec : specs) {
            Schema at = current;
            SchemaEvent[] built = new SchemaEvent[1];
            Schema next = SchemaBuilder.attempt(at, () -> built[0] = event(at, spec));
            if (next != at || built[0] instanceof SqlExecuted) {
                events.add(built[0]);
                current = next;
            }
        }
        return new Sequence(before, events, current);
    }

    static boolean isReferencedByOthers(Schema s, Table t) {
        return s.referencing(t.name()).stream().anyMatch(o -> !o.name().equals(t.name()));
    }

    /** The same name in another case: SQLite and the fold compare names case-insensitively (README). */
    static Identifier otherCase(Identifier name) {
        String n = name.name();
        String upper = n.toUpperCase(java.util.Locale.ROOT);
        return Identifier.of(upper.equals(n) ? n.toLowerCase(java.util.Locale.ROOT) : upper);
    }

    private static SchemaEvent event(Schema s, EventSpec e) {
        List<Table> tables = new ArrayList<>(s.tables().values());
        if (e.kind() == 0 || tables.isEmpty()) {
            return new TableCreated(SchemaBuilder.table(s, e.table()));
        }
        Table t = tables.get(e.a() % tables.size());
        List<Column> cols = t.columns();
        Column c = cols.get(e.b() % cols.size());
        // one event in four names its table in another case than it was created with
        Identifier table = e.d() % 4 == 1 ? otherCase(t.name()) : t.name();
        return switch (e.kind()) {
            case 1 -> isReferencedByOthers(s, t) ? null : new TableDropped(table);
            case 2 -> new TableRenamed(table, e.c() % 4 == 0 ? otherCase(t.name()) : Identifier.of("t" + e.c() % (SchemaSpecs.TABLE_NAMES + 2)));
            case 3 -> new ColumnAdded(table, SchemaBuilder.column(new ColumnSpec(e.c() % (SchemaSpecs.COLUMN_NAMES + 2),
                    e.d() % SchemaSpecs.TYPES.size(), e.b())));
            case 4 -> new ColumnDropped(table, c.name());
            case 5 -> new ColumnRenamed(table, c.name(), e.c() % 4 == 0 ? otherCase(c.name())
                    : Identifier.of("c" + e.c() % (SchemaSpecs.COLUMN_NAMES + 2)));
            case 6 -> new ColumnAltered(table, altered(c, e.c(), e.d()));
            case 7 -> new IndexCreated(SchemaBuilder.index(Identifier.of("i" + e.d() % 5), t, e.b(), e.c(), e.d() % 2 == 0));
            case 8 -> pick(s.indexes(), e.b()) == null ? null : new IndexDropped(pick(s.indexes(), e.b()));
            case 9 -> foreignKey(s, t, tables.get(e.c() % tables.size()), e);
            case 10 -> t.foreignKeys().isEmpty() ? null
                    : new ForeignKeyDropped(table, t.foreignKeys().get(e.b() % t.foreignKeys().size()).columns());
            case 11 -> check(t, e);
            case 12 -> t.checks().isEmpty() ? null : new CheckDropped(table, t.checks().get(e.b() % t.checks().size()));
            case 13 -> new UniqueAdded(table, new Unique(SchemaBuilder.columns(cols, e.b(), e.c() % 2 == 0 ? 2 : 1)));
            case 14 -> t.uniques().isEmpty() ? null : new UniqueDropped(table, t.uniques().get(e.b() % t.uniques().size()));
            case 15 -> new PrimaryKeyAltered(table, key(cols, e.b(), e.c()));
            case 16 -> SchemaBuilder.view(s, Identifier.of("v" + e.d() % 3), e.a(), e.b(), e.c());
            case 17 -> pick(s.views(), e.b()) == null ? null : new ViewDropped(pick(s.views(), e.b()));
            case 18 -> SchemaBuilder.trigger(s, Identifier.of("g" + e.d() % 3), e.a(), e.b(), e.c());
            case 19 -> pick(s.triggers(), e.b()) == null ? null : new TriggerDropped(pick(s.triggers(), e.b()));
            default -> dataMigration(t, c);
        };
    }

    private static Identifier pick(Map<Identifier, ?> objects, int n) {
        return objects.isEmpty() ? null : new ArrayList<>(objects.keySet()).get(n % objects.size());
    }

    private static Column altered(Column c, int variant, int d) {
        return switch (variant % 5) {
            case 0 -> c.withType(SchemaSpecs.TYPES.get(d % SchemaSpecs.TYPES.size()));
            case 1 -> c.withNotNull(!c.notNull());
            case 2 -> c.withDefault(c.defaultValue() == null ? SchemaBuilder.defaultFor(c.type(), d) : null);
            case 3 -> c.withCollation(c.collation() == null ? "NOCASE" : null);
            default -> SchemaBuilder.column(new ColumnSpec(0, d % SchemaSpecs.TYPES.size(), d)).withName(c.name());
        };
    }

    private static PrimaryKey key(List<Column> cols, int b, int variant) {
        return switch (variant % 4) {
            case 0 -> PrimaryKey.NONE;
            case 1 -> new PrimaryKey(SchemaBuilder.columns(cols, b, 1), false);
            case 2 -> new PrimaryKey(SchemaBuilder.columns(cols, b, 2), false);
            default -> new PrimaryKey(SchemaBuilder.columns(cols, b, 1), true);
        };
    }

    private static SchemaEvent foreignKey(Schema s, Table child, Table parent, EventSpec e) {
        var fk = SchemaBuilder.foreignKey(s, child, parent, new ForeignKeySpec(e.b(), 0, e.d(), e.d() % 5, e.c() % 5));
        return fk == null ? null : new ForeignKeyAdded(child.name(), fk);
    }

    private static SchemaEvent check(Table t, EventSpec e) {
        Check check = SchemaBuilder.check(t.columns(), e.b(), e.c());
        return check == null ? null : new CheckAdded(t.name(), check);
    }

    /**
     * A data migration that writes every row of a column back in place, up and down: SQLite re-checks
     * the column's foreign keys, CHECKs and NOT NULL, and fires its UPDATE triggers, on the rows the
     * events before it left.
     */
    private static SchemaEvent dataMigration(Table t, Column c) {
        String sql = "UPDATE " + t.name().quoted() + " SET " + c.name().quoted() + " = " + c.name().quoted() + ";";
        return new SqlExecuted("write " + t.name() + "." + c.name() + " back in place", sql, sql);
    }
}
