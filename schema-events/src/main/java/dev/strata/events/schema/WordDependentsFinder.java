package dev.strata.events.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Dependents found by the names a view's or trigger's SQL mentions, followed through views. */
final class WordDependentsFinder implements DependentsFinder {

    private static final List<Identifier> ROWID = List.of(Identifier.of("rowid"), Identifier.of("oid"), Identifier.of("_rowid_"));

    @Override
    public Dependents find(Schema schema, Set<Identifier> relations, Set<ColumnRef> columns) {
        Set<Identifier> views = new LinkedHashSet<>();
        for (boolean grew = true; grew; ) {
            grew = false;
            for (View v : schema.views().values()) {
                if (!relations.contains(v.name()) && !views.contains(v.name())
                        && (mentionsAny(v.select(), relations) || mentionsAny(v.select(), views) || usesColumn(schema, v.select(), null, columns))) {
                    grew = views.add(v.name());
                }
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        for (Trigger t : schema.triggers().values()) {
            if (!relations.contains(t.table()) && (views.contains(t.table()) || mentionsAny(t.sql(), relations)
                    || mentionsAny(t.sql(), views) || usesColumn(schema, t.sql(), t.table(), columns))) {
                triggers.add(t);
            }
        }
        return new Dependents(schema.views().values().stream().filter(v -> views.contains(v.name())).toList(), triggers);
    }

    private static boolean mentionsAny(String sql, Set<Identifier> names) {
        return names.stream().anyMatch(n -> SqlText.mentions(sql, n));
    }

    /** Whether the SQL names a column (or, for a rowid alias, the rowid) and its table, or sits on that table. */
    private static boolean usesColumn(Schema schema, String sql, Identifier on, Set<ColumnRef> columns) {
        for (ColumnRef c : columns) {
            boolean alias = schema.table(c.table()).flatMap(Table::rowidAlias).filter(c.column()::equals).isPresent();
            boolean named = SqlText.mentions(sql, c.column()) || alias && ROWID.stream().anyMatch(r -> SqlText.mentions(sql, r));
            if (named && (c.table().equals(on) || SqlText.mentions(sql, c.table()))) {
                return true;
            }
        }
        return false;
    }
}
