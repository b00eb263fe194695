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
import dev.strata.events.InvalidEventException;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.TriggerCreated;
import dev.strata.events.TriggerDropped;
import dev.strata.events.UniqueAdded;
import dev.strata.events.UniqueDropped;
import dev.strata.events.ViewCreated;
import dev.strata.events.ViewDropped;
import dev.strata.events.schema.Affinity;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds valid event sequences from a list of choices (which jqwik generates and shrinks): each
 * choice picks an event kind and its details against the current schema; an event the schema does
 * not accept is skipped, so every sequence folds.
 */
final class EventGenerator {

    private static final String[] TYPES = {"INTEGER", "TEXT", "REAL", "NUMERIC", "BLOB", "VARCHAR(20)"};
    private static final int KINDS = 20;

    private final boolean withData;
    private int counter;

    /** @param withData events must also succeed on tables holding rows (no foreign keys added to filled tables) */
    EventGenerator(boolean withData) {
        this.withData = withData;
    }

    record Sequence(Schema before, List<SchemaEvent> events, Schema after) {
    }

    /** A schema built by the first choices, and events from the rest applied to it. */
    Sequence sequence(List<Integer> setup, List<Integer> changes) {
        Schema before = apply(Schema.EMPTY, setup, new ArrayList<>(), true);
        List<SchemaEvent> events = new ArrayList<>();
        Schema after = apply(before, changes, events, false);
        return new Sequence(before, events, after);
    }

    private Schema apply(Schema schema, List<Integer> choices, List<SchemaEvent> out, boolean building) {
        Schema current = schema;
        for (int choice : choices) {
            Random r = new Random(choice * 7919L + out.size());
            try {
                SchemaEvent e = event(current, building ? (choice % 3 == 0 ? 0 : choice % KINDS) : choice % KINDS, r, building);
                if (e == null) {
                    continue;
                }
                current = e.applyTo(current);
                out.add(e);
            } catch (InvalidEventException | IllegalArgumentException ignored) {
                // not valid here: skip it
            }
        }
        return current;
    }

    static boolean isReferencedByOthers(Schema s, Table t) {
        return s.referencing(t.name()).stream().anyMatch(o -> !o.name().equals(t.name()));
    }

    private SchemaEvent event(Schema s, int kind, Random r, boolean building) {
        List<Table> tables = new ArrayList<>(s.tables().values());
        Table t = tables.isEmpty() ? null : tables.get(r.nextInt(tables.size()));
        if (kind == 0 || t == null) {
            return new TableCreated(newTable(s, r));
        }
        Column c = t.columns().get(r.nextInt(t.columns().size()));
        return switch (kind) {
            // dropping a referenced table leaves a dangling foreign key, which SQLite then refuses writes through
            case 1 -> isReferencedByOthers(s, t) ? null : new TableDropped(t.name());
            case 2 -> new TableRenamed(t.name(), Identifier.of("t" + (++counter + 50)));
            case 3 -> new ColumnAdded(t.name(), newColumn("c" + (++counter + 50), r, true));
            case 4 -> new ColumnDropped(t.name(), c.name());
            case 5 -> new ColumnRenamed(t.name(), c.name(), Identifier.of("c" + (++counter + 50)));
            case 6 -> new ColumnAltered(t.name(), altered(c, r));
            case 7 -> new IndexCreated(Index.of(Identifier.of("i" + (++counter)), t.name(), List.of(c.name()),
                    r.nextInt(4) == 0 && t.primaryKey().columns().equals(List.of(c.name())),
                    r.nextBoolean() ? null : c.name().name() + " IS NOT NULL"));
            case 8 -> s.indexes().isEmpty() ? null : new IndexDropped(s.indexes().keySet().iterator().next());
            case 9 -> foreignKey(s, t, r);
            case 10 -> t.foreignKeys().isEmpty() ? null : new ForeignKeyDropped(t.name(), t.foreignKeys().get(0).columns());
            case 11 -> numeric(t) == null ? null : new CheckAdded(t.name(), new Check(r.nextBoolean() ? null
                    : Identifier.of("ck" + (++counter)), numeric(t).name().name() + " >= 0"));
            case 12 -> t.checks().isEmpty() ? null : new CheckDropped(t.name(), t.checks().get(0));
            case 13 -> t.primaryKey().columns().contains(c.name()) ? null : new UniqueAdded(t.name(), new Unique(List.of(c.name())));
            case 14 -> t.uniques().isEmpty() ? null : new UniqueDropped(t.name(), t.uniques().get(0));
            case 15 -> t.primaryKey().isPresent() && !t.primaryKey().autoincrement() && !withData
                    ? new PrimaryKeyAltered(t.name(), PrimaryKey.NONE) : null;
            case 16 -> new ViewCreated(new View(Identifier.of("v" + (++counter)), "SELECT " + c.name().name() + " FROM " + t.name().name()));
            case 17 -> s.views().isEmpty() ? null : new ViewDropped(s.views().keySet().iterator().next());
            case 18 -> new TriggerCreated(new Trigger(Identifier.of("g" + (++counter)), t.name(), "CREATE TRIGGER g" + counter
                    + " AFTER UPDATE ON " + t.name().name() + " BEGIN SELECT 1; END"));
            default -> s.triggers().isEmpty() ? null : new TriggerDropped(s.triggers().keySet().iterator().next());
        };
    }

    private Table newTable(Schema s, Random r) {
        String name = "t" + (++counter);
        List<Column> columns = new ArrayList<>();
        PrimaryKey key = PrimaryKey.NONE;
        int shape = r.nextInt(3);
        if (shape == 0) {
            columns.add(new Column(Identifier.of("id"), "INTEGER", true, null, null));
            key = new PrimaryKey(List.of(Identifier.of("id")), r.nextBoolean());
        }
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            columns.add(newColumn("c" + i, r, false));
        }
        if (shape == 1) {
            key = new PrimaryKey(List.of(columns.get(0).name(), columns.get(1 % columns.size()).name()).stream().distinct().toList(), false);
        }
        List<Unique> uniques = r.nextInt(3) == 0 ? List.of(new Unique(List.of(columns.get(columns.size() - 1).name()))) : List.of();
        List<ForeignKey> fks = new ArrayList<>();
        List<Table> parents = s.tables().values().stream().filter(p -> p.primaryKey().columns().size() == 1).toList();
        if (!parents.isEmpty() && r.nextBoolean()) {
            Table p = parents.get(r.nextInt(parents.size()));
            Column pk = p.column(p.primaryKey().columns().get(0)).orElseThrow();
            Column fkCol = new Column(Identifier.of("ref"), pk.type(), false, null, null);
            columns.add(fkCol);
            ForeignKeyAction[] actions = ForeignKeyAction.values();
            fks.add(new ForeignKey(List.of(fkCol.name()), p.name(), List.of(pk.name()),
                    r.nextBoolean() ? ForeignKeyAction.CASCADE : actions[r.nextInt(actions.length)], ForeignKeyAction.NO_ACTION));
        }
        List<Check> checks = new ArrayList<>();
        Table draft = new Table(Identifier.of(name), columns, key, uniques, fks, List.of());
        if (numeric(draft) != null && r.nextInt(3) == 0) {
            checks.add(Check.of(numeric(draft).name().name() + " >= 0"));
        }
        return new Table(Identifier.of(name), columns, key, uniques, fks, checks);
    }

    private static Column newColumn(String name, Random r, boolean added) {
        String type = TYPES[r.nextInt(TYPES.length)];
        boolean notNull = r.nextInt(3) == 0;
        String dflt = notNull || r.nextInt(3) == 0 ? defaultFor(type) : null;
        return new Column(Identifier.of(name), type, notNull && dflt != null, dflt, type.equals("TEXT") && r.nextInt(4) == 0 ? "NOCASE" : null);
    }

    private static String defaultFor(String type) {
        return switch (Affinity.of(type)) {
            case INTEGER, NUMERIC -> "0";
            case TEXT -> "'x'";
            case REAL -> "1.5";
            case BLOB -> null;
        };
    }

    private static Column altered(Column c, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> c.withType(TYPES[r.nextInt(TYPES.length)]).withDefault(null).withNotNull(false);
            case 1 -> c.withDefault(c.defaultValue() == null ? defaultFor(c.type()) : null).withNotNull(false);
            default -> c.withCollation(c.collation() == null && c.affinity() == Affinity.TEXT ? "NOCASE" : null);
        };
    }

    private SchemaEvent foreignKey(Schema s, Table t, Random r) {
        if (withData) {
            return null;
        }
        List<Table> parents = s.tables().values().stream().filter(p -> p.primaryKey().columns().size() == 1).toList();
        if (parents.isEmpty()) {
            return null;
        }
        Table p = parents.get(r.nextInt(parents.size()));
        Column pk = p.column(p.primaryKey().columns().get(0)).orElseThrow();
        Column col = t.columns().stream().filter(x -> !t.foreignKey(List.of(x.name())).isPresent()).findFirst().orElse(null);
        return col == null ? null : new ForeignKeyAdded(t.name(), new ForeignKey(List.of(col.name()), p.name(), List.of(pk.name()),
                ForeignKeyAction.values()[r.nextInt(5)], ForeignKeyAction.NO_ACTION));
    }

    private static Column numeric(Table t) {
        return t.columns().stream().filter(c -> c.affinity() == Affinity.INTEGER || c.affinity() == Affinity.REAL)
                .filter(c -> !c.name().name().equals("ref")).findFirst().orElse(null);
    }
}
