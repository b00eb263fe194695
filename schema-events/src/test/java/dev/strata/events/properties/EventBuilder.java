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
        /** For failure messages: the schema before as DDL, then one line per event. */
        String describe() {
            return "before:\n" + SqliteDialect.createAll(before).text() + "\nevents:\n"
                    + events.stream().map(e -> "  " + e.describe()).collect(Collectors.joining("\n"));
        }
    }

    /**
     * @param withData leave out the events that rows may rightly refuse whatever the rendering
     *                 (a foreign key added to a table that holds rows)
     */
    static Sequence sequence(Schema before, List<EventSpec> specs, boolean withData) {
        Schema current = before;
        List<SchemaEvent> events = new ArrayList<>();
        for (EventSpec spec : specs) {
            Schema at = current;
            SchemaEvent[] built = new SchemaEvent[1];
            Schema next = SchemaBuilder.attempt(at, () -> built[0] = event(at, spec, withData));
            if (next != at) {
                events.add(built[0]);
                current = next;
            }
        }
        return new Sequence(before, events, current);
    }

    private static SchemaEvent event(Schema s, EventSpec e, boolean withData) {
        List<Table> tables = new ArrayList<>(s.tables().values());
        if (e.kind() == 0 || tables.isEmpty()) {
            return new TableCreated(SchemaBuilder.table(s, e.table()));
        }
        Table t = tables.get(e.a() % tables.size());
        List<Column> cols = t.columns();
        Column c = cols.get(e.b() % cols.size());
        Identifier table = t.name();
        return switch (e.kind()) {
            case 1 -> EventGenerator.isReferencedByOthers(s, t) ? null : new TableDropped(table);
            case 2 -> new TableRenamed(table, Identifier.of("t" + e.c() % (SchemaSpecs.TABLE_NAMES + 2)));
            case 3 -> new ColumnAdded(table, SchemaBuilder.column(new ColumnSpec(e.c() % (SchemaSpecs.COLUMN_NAMES + 2),
                    e.d() % SchemaSpecs.TYPES.size(), e.b())));
            case 4 -> new ColumnDropped(table, c.name());
            case 5 -> new ColumnRenamed(table, c.name(), Identifier.of("c" + e.c() % (SchemaSpecs.COLUMN_NAMES + 2)));
            case 6 -> new ColumnAltered(table, altered(c, e.c(), e.d()));
            case 7 -> new IndexCreated(SchemaBuilder.index(Identifier.of("i" + e.d() % 5), t, e.b(), e.c(), e.d() % 2 == 0));
            case 8 -> pick(s.indexes(), e.b()) == null ? null : new IndexDropped(pick(s.indexes(), e.b()));
            case 9 -> withData ? null : foreignKey(s, t, tables.get(e.c() % tables.size()), e);
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
            default -> pick(s.triggers(), e.b()) == null ? null : new TriggerDropped(pick(s.triggers(), e.b()));
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
        List<Column> numeric = SchemaBuilder.numeric(t.columns());
        if (numeric.isEmpty()) {
            return null;
        }
        Column c = numeric.get(e.b() % numeric.size());
        return new CheckAdded(t.name(), new Check(e.c() % 3 == 0 ? Identifier.of("ck" + e.c() % 2) : null, c.name().name() + " >= 0"));
    }
}
