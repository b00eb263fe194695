package dev.strata.events.properties;

import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.IndexCreated;
import dev.strata.events.InvalidEventException;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableCreated;
import dev.strata.events.TriggerCreated;
import dev.strata.events.ViewCreated;
import dev.strata.events.properties.SchemaSpecs.ColumnSpec;
import dev.strata.events.properties.SchemaSpecs.ForeignKeySpec;
import dev.strata.events.properties.SchemaSpecs.ObjectSpec;
import dev.strata.events.properties.SchemaSpecs.SchemaSpec;
import dev.strata.events.properties.SchemaSpecs.TableSpec;
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
import java.util.function.Supplier;

/**
 * Resolves {@link SchemaSpecs} against a schema. Every object is added through its event, and an
 * event the fold refuses is left out, so what comes out is a schema the fold accepts (foreign keys
 * target keys, names are free, AUTOINCREMENT is on an INTEGER key, and so on).
 */
final class SchemaBuilder {

    static final Identifier ID = Identifier.of("id");

    private SchemaBuilder() {
    }

    static Schema build(SchemaSpec spec) {
        Schema s = Schema.EMPTY;
        for (TableSpec t : spec.tables()) {
            Schema current = s;
            s = attempt(s, () -> new TableCreated(table(current, t)));
        }
        for (ObjectSpec o : spec.objects()) {
            Schema current = s;
            s = attempt(s, () -> object(current, o));
        }
        return s;
    }

    /** Applies the event the supplier builds, or leaves the schema as it is if it cannot be built or applied. */
    static Schema attempt(Schema s, Supplier<SchemaEvent> event) {
        try {
            SchemaEvent e = event.get();
            return e == null ? s : e.applyTo(s);
        } catch (InvalidEventException | IllegalArgumentException notHere) {
            return s;
        }
    }

    static Table table(Schema s, TableSpec spec) {
        return table(s, spec, Identifier.of("t" + spec.name()));
    }

    static Table table(Schema s, TableSpec spec, Identifier name) {
        List<Column> cols = new ArrayList<>();
        if (spec.key() == 1 || spec.key() == 2) {
            cols.add(new Column(ID, "INTEGER", spec.check() % 2 == 0, null, null));
        }
        for (ColumnSpec c : spec.columns()) {
            Column col = column(c);
            if (cols.stream().noneMatch(x -> x.name().equals(col.name()))) {
                cols.add(col);
            }
        }
        int n = cols.size();
        PrimaryKey key = switch (spec.key()) {
            case 1 -> new PrimaryKey(List.of(ID), false);
            case 2 -> new PrimaryKey(List.of(ID), true);
            case 3 -> new PrimaryKey(List.of(cols.get(0).name()), false);
            case 4 -> n < 2 ? PrimaryKey.NONE : new PrimaryKey(List.of(cols.get(0).name(), cols.get(1).name()), false);
            case 5 -> n < 2 ? PrimaryKey.NONE : new PrimaryKey(List.of(cols.get(n - 1).name(), cols.get(n - 2).name()), false);
            default -> PrimaryKey.NONE;
        };
        List<Unique> uniques = new ArrayList<>();
        for (int u : spec.uniques()) {
            Unique unique = new Unique(columns(cols, u, u >= 10 ? 2 : 1));
            if (!unique.columns().equals(key.columns()) && !uniques.contains(unique)) {
                uniques.add(unique);
            }
        }
        Table draft = new Table(name, cols, key, uniques, List.of(), List.of());
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKeySpec f : spec.foreignKeys()) {
            List<Table> parents = new ArrayList<>(s.tables().values());
            parents.add(draft);
            Table parent = parents.get(f.parent() % parents.size());
            ForeignKey fk = foreignKey(s, draft, parent, f);
            if (fk != null && fks.stream().noneMatch(x -> x.columns().equals(fk.columns()))) {
                fks.add(fk);
            }
        }
        Check check = spec.check() < 0 ? null : check(cols, spec.check(), spec.check());
        return new Table(name, cols, key, uniques, fks, check == null ? List.of() : List.of(check));
    }

    /**
     * A CHECK on column number {@code n}: {@code c >= 0} on a numeric column, or (one in four)
     * {@code c IN (...)} on an INTEGER, NUMERIC or TEXT one; named when {@code variant} is a multiple of 3.
     */
    static Check check(List<Column> cols, int n, int variant) {
        Identifier name = variant % 3 == 0 ? Identifier.of("ck" + variant % 2) : null;
        if (variant % 4 == 3) {
            List<Column> listed = cols.stream().filter(c -> c.affinity() != Affinity.REAL && c.affinity() != Affinity.BLOB).toList();
            if (!listed.isEmpty()) {
                Column c = listed.get(n % listed.size());
                return new Check(name, c.name().name() + (c.affinity() == Affinity.TEXT ? " IN ('x', 'y', 'z')" : " IN (-1, 0, 1, 2)"));
            }
        }
        List<Column> numeric = numeric(cols);
        return numeric.isEmpty() ? null : new Check(name, numeric.get(n % numeric.size()).name().name() + " >= 0");
    }

    static Column column(ColumnSpec c) {
        String type = SchemaSpecs.TYPES.get(c.type());
        return new Column(Identifier.of("c" + c.name()), type, c.notNull(), c.withDefault() ? defaultFor(type, c.flags()) : null,
                c.nocase() && Affinity.of(type) == Affinity.TEXT ? "NOCASE" : null);
    }

    /** A constant default that fits the type; several spellings, as models and SQLite write them. */
    static String defaultFor(String type, int variant) {
        return switch (Affinity.of(type)) {
            case INTEGER -> variant % 2 == 0 ? "0" : "-1";
            case NUMERIC -> "0";
            case REAL -> "1.5";
            case TEXT -> variant % 2 == 0 ? "'x'" : "CURRENT_TIMESTAMP";
            case BLOB -> "X'0A'";
        };
    }

    /** {@code count} distinct columns starting at number {@code from}, wrapping around. */
    static List<Identifier> columns(List<Column> cols, int from, int count) {
        List<Identifier> out = new ArrayList<>();
        for (int i = 0; i < Math.min(count, cols.size()); i++) {
            out.add(cols.get((from + i) % cols.size()).name());
        }
        return out;
    }

    static List<Column> numeric(List<Column> cols) {
        return cols.stream().filter(c -> c.affinity() == Affinity.INTEGER || c.affinity() == Affinity.REAL
                || c.affinity() == Affinity.NUMERIC).toList();
    }

    /** The keys a foreign key may target: the primary key, UNIQUE constraints, full unique indexes. */
    static List<List<Identifier>> keys(Schema s, Table t) {
        List<List<Identifier>> out = new ArrayList<>();
        if (t.primaryKey().isPresent()) {
            out.add(t.primaryKey().columns());
        }
        t.uniques().forEach(u -> out.add(u.columns()));
        s.indexesOn(t.name()).stream().filter(i -> i.unique() && i.where() == null).forEach(i -> out.add(i.columns()));
        return out;
    }

    static ForeignKey foreignKey(Schema s, Table child, Table parent, ForeignKeySpec f) {
        List<List<Identifier>> keys = keys(s, parent);
        if (keys.isEmpty()) {
            return null;
        }
        List<Identifier> target = keys.get(f.key() % keys.size());
        List<Identifier> from = columns(child.columns(), f.column(), target.size());
        if (from.size() != target.size()) {
            return null;
        }
        ForeignKeyAction[] actions = ForeignKeyAction.values();
        return new ForeignKey(from, parent.name(), target, actions[f.onDelete()], actions[f.onUpdate()]);
    }

    private static SchemaEvent object(Schema s, ObjectSpec o) {
        List<Table> tables = new ArrayList<>(s.tables().values());
        if (tables.isEmpty()) {
            return null;
        }
        Table t = tables.get(o.a() % tables.size());
        return switch (o.kind()) {
            case 0, 1, 2, 3 -> new IndexCreated(index(Identifier.of("i" + o.name()), t, o.b(), o.c(), o.kind() % 2 == 1));
            case 4, 5, 6 -> view(s, Identifier.of("v" + o.name() % 3), o.a(), o.b(), o.c());
            case 7, 8 -> trigger(s, Identifier.of("g" + o.name() % 3), o.a(), o.b(), o.c());
            default -> {
                Table parent = tables.get(o.b() % tables.size());
                ForeignKey fk = foreignKey(s, t, parent, new ForeignKeySpec(o.c(), 0, o.c() / 3, o.c() % 5, o.b() % 5));
                yield fk == null ? null : new ForeignKeyAdded(t.name(), fk);
            }
        };
    }

    static Index index(Identifier name, Table t, int b, int c, boolean unique) {
        List<Identifier> cols = columns(t.columns(), b, c % 3 == 0 ? 2 : 1);
        Identifier first = cols.get(0);
        String where = switch (c % 4) {
            case 1 -> first.name() + " IS NOT NULL";
            case 2 -> numeric(t.columns()).stream().anyMatch(x -> x.name().equals(first)) ? first.name() + " >= 0" : null;
            default -> null;
        };
        return Index.of(name, t.name(), cols, unique, where);
    }

    /** Views over one table, a join of two, or {@code SELECT *} over a table or another view. */
    static SchemaEvent view(Schema s, Identifier name, int a, int b, int c) {
        List<Table> tables = new ArrayList<>(s.tables().values());
        Table t = tables.get(a % tables.size());
        Identifier col = t.columns().get(b % t.columns().size()).name();
        String select = switch (c % 5) {
            case 0 -> "SELECT " + String.join(", ", columns(t.columns(), b, 2).stream().map(Identifier::name).toList())
                    + " FROM " + t.name().name();
            case 1 -> "SELECT " + col.name() + " FROM " + t.name().name() + " WHERE " + col.name() + " IS NOT NULL";
            case 2 -> {
                Table u = tables.get(b % tables.size());
                Identifier other = u.columns().get(c % u.columns().size()).name();
                yield "SELECT x." + col.name() + " AS a1, y." + other.name() + " AS a2 FROM " + t.name().name() + " AS x JOIN "
                        + u.name().name() + " AS y ON x.rowid = y.rowid";
            }
            case 3 -> "SELECT * FROM " + t.name().name();
            default -> s.views().isEmpty() ? null : "SELECT * FROM " + new ArrayList<>(s.views().keySet()).get(b % s.views().size()).name();
        };
        return select == null ? null : new ViewCreated(new View(name, select));
    }

    /**
     * Triggers on a table that mention one of its columns or write another table, or an INSTEAD OF
     * trigger on a view.
     */
    static SchemaEvent trigger(Schema s, Identifier name, int a, int b, int c) {
        if (c % 5 == 4 && !s.views().isEmpty()) {
            Identifier v = new ArrayList<>(s.views().keySet()).get(a % s.views().size());
            return new TriggerCreated(new Trigger(name, v, "CREATE TRIGGER " + name.name() + " INSTEAD OF INSERT ON " + v.name()
                    + " BEGIN SELECT 1; END"));
        }
        List<Table> tables = new ArrayList<>(s.tables().values());
        Table t = tables.get(a % tables.size());
        String col = t.columns().get(c % t.columns().size()).name().name();
        String on = " ON " + t.name().name();
        Table other = tables.get(b % tables.size());
        String otherCol = other.columns().get(a % other.columns().size()).name().name();
        String sql = "CREATE TRIGGER " + name.name() + switch (b % 4) {
            case 0 -> " AFTER UPDATE OF " + col + on + " BEGIN SELECT NEW." + col + "; END";
            case 1 -> " BEFORE DELETE" + on + " BEGIN SELECT OLD." + col + "; END";
            case 2 -> " AFTER INSERT" + on + " WHEN NEW." + col + " IS NOT NULL BEGIN SELECT 1; END";
            default -> " AFTER INSERT" + on + " BEGIN UPDATE " + other.name().name() + " SET " + otherCol + " = " + otherCol
                    + " WHERE rowid = NEW.rowid; END";
        };
        return new TriggerCreated(new Trigger(name, t.name(), sql));
    }
}
