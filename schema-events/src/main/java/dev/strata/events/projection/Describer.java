package dev.strata.events.projection;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.IndexTerm;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.TableOption;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.VirtualTable;

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
        e.indexes().forEach((name, i) -> {
            Index other = a.indexes().get(name);
            if (other != null && !i.equals(other)) {
                index(i, other);
            }
        });
        objects(e.indexes(), a.indexes(), "index", Describer::index, false);
        objects(e.views(), a.views(), "view", v -> "AS " + v.select(), true);
        objects(e.triggers(), a.triggers(), "trigger", Trigger::sql, true);
        objects(e.virtualTables(), a.virtualTables(), "virtual table", VirtualTable::sql, true);
        return out;
    }

    /** One sentence per property in which two indexes of the same name differ. */
    private void index(Index e, Index a) {
        String prefix = "index " + e.name() + ": ";
        if (!e.table().equals(a.table())) {
            differs(e.name().name(), prefix + "it is on table ", e.table().name(), a.table().name());
        }
        if (e.unique() != a.unique()) {
            differs(e.name().name(), prefix + "it is ", e.unique() ? "UNIQUE" : "not UNIQUE", a.unique() ? "UNIQUE" : "not UNIQUE");
        }
        if (!e.terms().equals(a.terms())) {
            differs(e.name().name(), prefix + "the terms are ", terms(e), terms(a));
        }
        if (!new Index(e.name(), e.table(), e.terms(), e.unique(), a.where()).equals(e)) {
            differs(e.name().name(), prefix + "the condition is ", e.where() == null ? "absent" : "WHERE " + e.where(),
                    a.where() == null ? "absent" : "WHERE " + a.where());
        }
    }

    private void differs(String object, String what, String inExpected, String inActual) {
        out.add(new Difference(object, what + inExpected + " in " + expected + " but " + inActual + " in " + actual, false));
    }

    private void table(Table e, Table a) {
        String prefix = "table " + e.name() + ": ";
        for (TableOption option : TableOption.values()) {
            if (e.options().contains(option) != a.options().contains(option)) {
                differs(e.name().name(), prefix + "it is ", option(e, option), option(a, option));
            }
        }
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

    private <T> void objects(Map<Identifier, T> e, Map<Identifier, T> a, String kind, Function<T, String> show, boolean whole) {
        e.forEach((name, x) -> {
            T other = a.get(name);
            if (other == null) {
                presence(name.name(), kind + " " + name, true);
            } else if (whole && !x.equals(other)) {
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
                + (c.collation() == null ? "" : " COLLATE " + c.collation())
                + (c.isGenerated() ? " GENERATED ALWAYS AS (" + c.generated() + ")" + (c.stored() ? " STORED" : " VIRTUAL") : "");
    }

    private static String option(Table t, TableOption option) {
        boolean has = t.options().contains(option);
        return switch (option) {
            case WITHOUT_ROWID -> has ? "WITHOUT ROWID" : "a rowid table";
            case STRICT -> has ? "STRICT" : "not STRICT";
        };
    }

    private static String terms(Index i) {
        return "(" + String.join(", ", i.terms().stream().map(IndexTerm::toString).toList()) + ")";
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
        return (i.unique() ? "UNIQUE " : "") + "ON " + i.table() + terms(i) + (i.where() == null ? "" : " WHERE " + i.where());
    }

}
