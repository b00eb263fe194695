package dev.strata.events.sql;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.View;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQLite's documented procedure for table changes {@code ALTER TABLE} cannot make
 * (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"):
 * create the new table, copy the rows, drop the old one, rename the new one, then recreate the
 * table's indexes and triggers and the views and triggers elsewhere that refer to it (SQLite's
 * rename refuses to leave them dangling).
 *
 * <p>When any foreign key references the table, dropping it with {@code foreign_keys = ON} would
 * delete or fail on child rows, so the whole script runs with foreign keys off, inside its own
 * transaction, and proves with {@code pragma_foreign_key_check} that no row was orphaned.
 */
record TableRebuild(List<String> statements, boolean needsForeignKeysOff) {

    private static final String SAVEPOINT = "strata_rebuild";
    private static final String CHECK_TABLE = "\"_strata_foreign_key_check\"";

    static TableRebuild of(Schema before, Schema after, Identifier table) {
        Table old = before.table(table).orElseThrow();
        Table now = after.table(table).orElseThrow();
        Identifier temp = Identifier.of("_strata_new_" + table.name());
        List<View> views = dependentViews(before, table);
        List<Trigger> triggers = dependentTriggers(before, table, views);

        List<String> out = new ArrayList<>();
        triggers.forEach(t -> out.add("DROP TRIGGER " + t.name().quoted()));
        for (int i = views.size() - 1; i >= 0; i--) {
            out.add("DROP VIEW " + views.get(i).name().quoted());
        }
        out.add(Ddl.createTable(now, temp));
        String kept = now.columns().stream().filter(c -> old.hasColumn(c.name()))
                .map(c -> c.name().quoted()).collect(Collectors.joining(", "));
        out.add("INSERT INTO " + temp.quoted() + " (" + kept + ") SELECT " + kept + " FROM " + table.quoted());
        out.add("DROP TABLE " + table.quoted());
        out.add("ALTER TABLE " + temp.quoted() + " RENAME TO " + table.quoted());
        after.indexesOn(table).forEach(i -> out.add(Ddl.createIndex(i)));
        after.triggersOn(table).forEach(t -> out.add(t.sql()));
        for (View v : after.views().values()) {
            if (views.stream().anyMatch(d -> d.name().equals(v.name()))) {
                out.add(Ddl.createView(v));
            }
        }
        for (Trigger t : after.triggers().values()) {
            if (triggers.stream().anyMatch(d -> d.name().equals(t.name()))) {
                out.add(t.sql());
            }
        }
        boolean referenced = !before.referencing(table).isEmpty() || !after.referencing(table).isEmpty();
        return new TableRebuild(out, referenced);
    }

    /** Views that mention the table, or mention such a view, in creation order. */
    private static List<View> dependentViews(Schema schema, Identifier table) {
        Set<Identifier> names = new LinkedHashSet<>();
        names.add(table);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : schema.views().values()) {
                if (!names.contains(v.name()) && names.stream().anyMatch(n -> SqlText.mentions(v.select(), n))) {
                    names.add(v.name());
                    grew = true;
                }
            }
        }
        return schema.views().values().stream().filter(v -> names.contains(v.name())).toList();
    }

    /** Triggers on other tables or on views that mention the table or a dependent view. */
    private static List<Trigger> dependentTriggers(Schema schema, Identifier table, List<View> views) {
        Set<Identifier> names = new LinkedHashSet<>();
        names.add(table);
        views.forEach(v -> names.add(v.name()));
        return schema.triggers().values().stream()
                .filter(t -> !t.table().equals(table))
                .filter(t -> names.contains(t.table()) || names.stream().anyMatch(n -> SqlText.mentions(t.sql(), n)))
                .toList();
    }

    /** Wraps statements in SQLite's foreign-keys-off procedure, with a check that fails on violations. */
    static SqlScript withForeignKeysOff(List<String> statements) {
        List<String> out = new ArrayList<>();
        out.add("PRAGMA foreign_keys = OFF");
        out.add("SAVEPOINT " + SAVEPOINT);
        out.addAll(statements);
        out.add("CREATE TEMP TABLE " + CHECK_TABLE + " (\"violations\" INTEGER NOT NULL"
                + " CONSTRAINT \"no_foreign_key_violations_after_rebuild\" CHECK (\"violations\" = 0))");
        out.add("INSERT INTO " + CHECK_TABLE + " SELECT count(*) FROM pragma_foreign_key_check");
        out.add("DROP TABLE " + CHECK_TABLE);
        out.add("RELEASE " + SAVEPOINT);
        out.add("PRAGMA foreign_keys = ON");
        return new SqlScript(out, false);
    }
}
