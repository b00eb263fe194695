package dev.strata.cli.check;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The constraints a change puts on rows that already exist: a UNIQUE key, a foreign key, NOT NULL or a
 * CHECK on a table that was there before. Whether the change runs depends on the data; each comes with
 * the query that finds, on a copy of production, the rows that would make it fail.
 *
 * <pre>for (var c : DataDependence.between(before, after)) System.out.println(c.constraint() + ": " + c.query());</pre>
 */
public final class DataDependence {

    /** One constraint on existing rows: what it is, in words, and a query for the rows that break it. */
    public record Constraint(Identifier table, String constraint, String query) {
    }

    private DataDependence() {
    }

    /** The constraints {@code after} puts on tables and columns that {@code before} has, and did not have there. */
    public static List<Constraint> between(Schema before, Schema after) {
        List<Constraint> out = new ArrayList<>();
        for (Table now : after.tables().values()) {
            Table was = before.tables().get(now.name());
            if (was == null) {
                continue;
            }
            String from = " FROM " + now.name().quoted();
            for (Unique u : now.uniques()) {
                if (!was.isKeyedBy(u.columns()) && u.columns().stream().allMatch(was::hasColumn)) {
                    out.add(duplicates(now.name(), "UNIQUE (" + names(u.columns()) + ")",
                            u.columns().stream().map(Identifier::quoted).toList(), null));
                }
            }
            for (Index i : after.indexesOn(now.name())) {
                if (before.indexes().containsValue(i) || !was.columnNames().stream().anyMatch(i::mentions)
                        || !now.columnNames().stream().filter(i::mentions).allMatch(was::hasColumn)) {
                    continue;
                }
                List<String> terms = i.terms().stream().map(t -> t.column() != null ? t.column().quoted() : "(" + t.expression() + ")")
                        .toList();
                if (i.unique() && !(i.isOnColumns() && was.isKeyedBy(i.columns()))) {
                    out.add(duplicates(now.name(), "unique index " + i.name() + " ("
                            + i.terms().stream().map(t -> t.column() != null ? t.column().toString() : t.expression())
                            .collect(Collectors.joining(", ")) + ")", terms, i.where()));
                }
                for (String json : i.terms().stream().filter(t -> t.column() == null)
                        .flatMap(t -> SqlText.jsonArguments(t.expression()).stream()).distinct().toList()) {
                    Identifier column = Identifier.of(json);
                    if (was.hasColumn(column)) {
                        out.add(new Constraint(now.name(), "index " + i.name() + ", which reads " + column + " as JSON",
                                "SELECT *" + from + " WHERE " + column.quoted() + " IS NOT NULL AND NOT json_valid(" + column.quoted() + ")"));
                    }
                }
            }
            for (ForeignKey fk : now.foreignKeys()) {
                if (!was.foreignKeys().contains(fk) && fk.columns().stream().allMatch(was::hasColumn)
                        && before.tables().containsKey(fk.referencedTable())) {
                    out.add(new Constraint(now.name(), "foreign key (" + names(fk.columns()) + ") REFERENCES " + fk.referencedTable()
                            + " (" + names(fk.referencedColumns()) + ")", orphans(now.name(), fk)));
                }
            }
            for (var column : now.columns()) {
                if (column.notNull() && was.column(column.name()).map(c -> !c.notNull()).orElse(false)) {
                    out.add(new Constraint(now.name(), "NOT NULL on " + column.name(), "SELECT *" + from + " WHERE "
                            + column.name().quoted() + " IS NULL"));
                }
            }
            for (Check c : now.checks()) {
                if (!was.checks().contains(c) && was.columnNames().stream().anyMatch(col -> SqlText.mentions(c.expression(), col))) {
                    out.add(new Constraint(now.name(), c.toString(), "SELECT *" + from + " WHERE NOT (" + c.expression() + ")"));
                }
            }
        }
        return out;
    }

    /** @param terms the key's columns or expressions, as SQL */
    private static Constraint duplicates(Identifier table, String what, List<String> terms, String where) {
        String cols = String.join(", ", terms);
        String notNull = terms.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" AND "));
        return new Constraint(table, what, "SELECT " + cols + ", count(*) FROM " + table.quoted() + " WHERE " + notNull
                + (where == null ? "" : " AND (" + where + ")") + " GROUP BY " + cols + " HAVING count(*) > 1");
    }

    private static String orphans(Identifier table, ForeignKey fk) {
        String present = fk.columns().stream().map(c -> "t." + c.quoted() + " IS NOT NULL").collect(Collectors.joining(" AND "));
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < fk.columns().size(); i++) {
            match.append(i == 0 ? "" : " AND ").append("p.").append(fk.referencedColumns().get(i).quoted()).append(" = t.")
                    .append(fk.columns().get(i).quoted());
        }
        return "SELECT t.* FROM " + table.quoted() + " AS t WHERE " + present + " AND NOT EXISTS (SELECT 1 FROM "
                + fk.referencedTable().quoted() + " AS p WHERE " + match + ")";
    }

    private static String names(List<Identifier> ids) {
        return ids.stream().map(Identifier::toString).collect(Collectors.joining(", "));
    }
}
