package dev.strata.events.projection;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns the differences of two schemas into sentences naming both sides. */
final class Describer {

    private final String expected;
    private final String actual;
    private final List<Difference> out = new ArrayList<>();

    Describer(String expected, String actual) {
        this.expected = expected;
        this.actual = actual;
    }

    List<Difference> compare(Schema e, Schema a) {
        for (Table t : e.tables().values()) {
            Table other = a.tables().get(t.name());
            if (other == null) {
                presence(t.name().name(), "table " + t.name(), true);
            } else if (other != t) {
                table(t, other);
            }
        }
        for (Table t : a.tables().values()) {
            if (!e.tables().containsKey(t.name())) {
                presence(t.name().name(), "table " + t.name(), false);
            }
        }
        objects(e.indexes(), a.indexes(), "index", Describer::index);
        objects(e.views(), a.views(), "view", v -> "AS " + v.select());
        objects(e.triggers(), a.triggers(), "trigger", Trigger::sql);
        return out;
    }

    private void table(Table e, Table a) {
        String prefix = "table " + e.name() + ": ";
        for (Column c : e.columns()) {
            Column other = a.column(c.name()).orElse(null);
            if (other == null) {
                presence(e.name() + "." + c.name(), prefix + "column " + c.name(), true);
            } else if (!c.equals(other)) {
                out.add(new Difference(e.name() + "." + c.name(), prefix + "column " + c.name() + " is " + column(c) + " in "
                        + expected + " but " + column(other) + " in " + actual, false));
            }
        }
        for (Column c : a.columns()) {
            if (!e.hasColumn(c.name())) {
                presence(e.name() + "." + c.name(), prefix + "column " + c.name(), false);
            }
        }
        if (!e.primaryKey().equals(a.primaryKey())) {
            out.add(new Difference(e.name().name(), prefix + "the primary key is " + key(e) + " in " + expected + " but "
                    + key(a) + " in " + actual, false));
        }
        constraints(e.name(), e.uniques(), a.uniques(), u -> "UNIQUE " + u.columns());
        constraints(e.name(), e.foreignKeys(), a.foreignKeys(), Describer::foreignKey);
        constraints(e.name(), e.checks(), a.checks(), Check::toString);
        List<Identifier> common = e.columnNames().stream().filter(a::hasColumn).toList();
        List<Identifier> otherOrder = a.columnNames().stream().filter(e::hasColumn).toList();
        if (!common.equals(otherOrder)) {
            out.add(new Difference(e.name().name(), prefix + "columns are in the order " + common + " in " + expected
                    + " but " + otherOrder + " in " + actual + " (order does not make the schemas unequal)", true));
        }
    }

    private <T> void constraints(Identifier table, List<T> e, List<T> a, Function<T, String> show) {
        for (T x : e) {
            if (!a.contains(x)) {
                presence(table.name(), "table " + table + ": " + show.apply(x), true);
            }
        }
        for (T x : a) {
            if (!e.contains(x)) {
                presence(table.name(), "table " + table + ": " + show.apply(x), false);
            }
        }
    }

    private <T> void objects(Map<Identifier, T> e, Map<Identifier, T> a, String kind, Function<T, String> show) {
        e.forEach((name, x) -> {
            T other = a.get(name);
            if (other == null) {
                presence(name.name(), kind + " " + name, true);
            } else if (!x.equals(other)) {
                out.add(new Difference(name.name(), kind + " " + name + " is " + show.apply(x) + " in " + expected + " but "
                        + show.apply(other) + " in " + actual, false));
            }
        });
        a.forEach((name, x) -> {
            if (!e.containsKey(name)) {
                presence(name.name(), kind + " " + name, false);
            }
        });
    }

    private void presence(String object, String what, boolean inExpected) {
        out.add(new Difference(object, what + " is in " + (inExpected ? expected : actual) + " but not in "
                + (inExpected ? actual : expected), false));
    }

    static String column(Column c) {
        return (c.type().isEmpty() ? "untyped" : c.type()) + (c.notNull() ? " NOT NULL" : "")
                + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue())
                + (c.collation() == null ? "" : " COLLATE " + c.collation());
    }

    private static String key(Table t) {
        return t.primaryKey().isPresent() ? t.primaryKey().columns() + (t.primaryKey().autoincrement() ? " AUTOINCREMENT" : "")
                : "absent";
    }

    static String foreignKey(ForeignKey f) {
        return "FOREIGN KEY " + f.columns() + " REFERENCES " + f.referencedTable() + f.referencedColumns()
                + " ON DELETE " + f.onDelete().sql() + " ON UPDATE " + f.onUpdate().sql();
    }

    static String index(Index i) {
        return (i.unique() ? "UNIQUE " : "") + "ON " + i.table() + i.columns() + (i.where() == null ? "" : " WHERE " + i.where());
    }

}
