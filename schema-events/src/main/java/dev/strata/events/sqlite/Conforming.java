package dev.strata.events.sqlite;

import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Unique;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A table as the seeder should see it to give rows that a revision's new constraints accept: its columns
 * now, with the NOT NULLs, CHECKs, foreign keys and unique keys the next schema puts on them.
 */
final class Conforming {

    private Conforming() {
    }

    static Table table(Table now, Schema schema, Schema next) {
        Table later = next.tables().get(now.name());
        if (later == null) {
            return now;
        }
        List<Column> columns = now.columns().stream()
                .map(c -> later.column(c.name()).filter(Column::notNull).map(x -> c.withNotNull(true)).orElse(c)).toList();
        List<ForeignKey> foreignKeys = new ArrayList<>(now.foreignKeys());
        for (ForeignKey fk : later.foreignKeys()) {
            if (!foreignKeys.contains(fk) && fk.columns().stream().allMatch(now::hasColumn)
                    && schema.tables().containsKey(fk.referencedTable())
                    && foreignKeys.stream().noneMatch(f -> f.columns().equals(fk.columns()))) {
                foreignKeys.add(fk);
            }
        }
        List<Unique> uniques = new ArrayList<>(now.uniques());
        for (Unique u : later.uniques()) {
            if (!uniques.contains(u) && u.columns().stream().allMatch(now::hasColumn) && !u.columns().equals(now.primaryKey().columns())) {
                uniques.add(u);
            }
        }
        List<dev.strata.events.schema.Check> checks = new ArrayList<>(now.checks());
        later.checks().stream().filter(c -> !checks.contains(c)).forEach(checks::add);
        try {
            return new Table(now.name(), columns, now.primaryKey(), uniques, foreignKeys, checks);
        } catch (IllegalArgumentException e) {
            // constraints that cannot sit together on today's table: seed it as it is
            return now;
        }
    }

    /**
     * The unique keys of some tables of the schema, each as its table then its columns sorted: primary keys,
     * UNIQUE constraints, unique indexes on plain columns.
     */
    static Set<List<Identifier>> uniqueKeys(Schema schema, Set<Identifier> tables) {
        Set<List<Identifier>> out = new HashSet<>();
        for (Identifier name : tables) {
            Table t = schema.tables().get(name);
            if (t == null) {
                continue;
            }
            if (!t.primaryKey().columns().isEmpty()) {
                out.add(DataSeeder.keyOf(t.name(), t.primaryKey().columns()));
            }
            t.uniques().forEach(u -> out.add(DataSeeder.keyOf(t.name(), u.columns())));
            for (Index i : schema.indexesOn(name)) {
                if (i.unique() && i.where() == null && i.isOnColumns()) {
                    out.add(DataSeeder.keyOf(i.table(), i.columns()));
                }
            }
        }
        return out;
    }
}
