package dev.strata.events.sql;

import dev.strata.events.schema.Dependents;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SQLite's documented procedure for table changes {@code ALTER TABLE} cannot make
 * (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"):
 * create the new table, copy the rows, drop the old one, rename the new one, then recreate the
 * table's indexes and triggers and the views and triggers elsewhere that refer to it (SQLite's
 * rename refuses to leave them dangling).
 *
 * <p>When any foreign key references the table, dropping it with {@code foreign_keys = ON} would
 * delete or fail on child rows, so the whole script runs with foreign keys off, inside its own
 * transaction, and proves with {@code pragma_foreign_key_check} that no row was orphaned
 * ({@link #withForeignKeysOff}). Otherwise the rebuild is ordinary transactional DDL; if the new table
 * has foreign keys, a check scoped to it still fails the script on an orphan, even when the
 * connection runs with foreign keys off.
 */
record TableRebuild(List<String> statements, boolean needsForeignKeysOff) {

    private static final String SAVEPOINT = "strata_rebuild";
    /** The statement that commits a non-transactional script's own transaction. */
    static final String COMMIT = "RELEASE " + SAVEPOINT;
    private static final Identifier CHECK_TABLE = Identifier.of("_strata_foreign_key_check");
    private static final Identifier CHECK_TRIGGER = Identifier.of("_strata_foreign_key_check_fails");
    /** Part of every failure message, so tools and people can recognise it. */
    static final String VIOLATION = "no_foreign_key_violations_after_rebuild";
    private static final int MAX_NAME = 128;

    /**
     * The rebuild of {@code table} from its definition in {@code before} to the one in {@code after}.
     *
     * @param fresh columns of the new table that must not be copied from the old one, although a
     *     column of that name exists there (dropped and added again within the rebuilt events)
     */
    static TableRebuild of(Schema before, Schema after, Identifier table, Set<Identifier> fresh) {
        return of(before, after, table, fresh, java.util.Map.of());
    }

    /**
     * @param filled columns new to the table whose rows get a value other than the new definition's default: the
     *     default a column was added with, when a later event of the same rebuild changed it (SQL expressions)
     */
    static TableRebuild of(Schema before, Schema after, Identifier table, Set<Identifier> fresh, java.util.Map<Identifier, String> filled) {
        Table old = before.table(table).orElseThrow();
        Table now = after.table(table).orElseThrow();
        Identifier temp = temporaryName("_strata_new_", table);
        Dependents dependents = before.dependents(table);
        List<View> views = dependents.views();
        List<Trigger> triggers = dependents.triggers();
        boolean referenced = !before.referencing(table).isEmpty() || !after.referencing(table).isEmpty();

        List<String> out = new ArrayList<>();
        triggers.forEach(t -> out.add("DROP TRIGGER " + t.name().quoted()));
        for (int i = views.size() - 1; i >= 0; i--) {
            out.add("DROP VIEW " + views.get(i).name().quoted());
        }
        out.add(Ddl.createTable(now, temp));
        // SQLite computes generated columns itself and refuses values for them (reading one is fine)
        List<Column> copied = now.columns().stream().filter(c -> !c.isGenerated() && old.hasColumn(c.name()) && !fresh.contains(c.name()))
                .toList();
        // only where the column's default changed after it was added: otherwise the new definition's default does it
        List<Column> fill = now.columns().stream().filter(c -> !c.isGenerated() && !copied.contains(c) && filled.containsKey(c.name())
                && !filled.get(c.name()).equals(c.defaultValue())).toList();
        String kept = Stream.concat(copied.stream(), fill.stream()).map(c -> c.name().quoted()).collect(Collectors.joining(", "));
        String values = Stream.concat(copied.stream().map(c -> c.name().quoted()), fill.stream().map(c -> filled.get(c.name())))
                .collect(Collectors.joining(", "));
        if (!kept.isEmpty()) {
            out.add("INSERT INTO " + temp.quoted() + " (" + kept + ") SELECT " + values + " FROM " + table.quoted());
        } else {
            // no column carries over, but every row must: each comes back with the new columns' defaults
            out.add("INSERT INTO " + temp.quoted() + " (rowid) SELECT rowid FROM " + table.quoted());
        }
        if (old.primaryKey().autoincrement() && now.primaryKey().autoincrement()) {
            // AUTOINCREMENT promises never to reuse a key: carry the old high-water mark over, not max(key) of the copy
            out.add("DELETE FROM sqlite_sequence WHERE name = " + literal(temp) + " COLLATE NOCASE");
            out.add("INSERT INTO sqlite_sequence (name, seq) SELECT " + literal(temp) + ", seq FROM sqlite_sequence"
                    + " WHERE name = " + literal(table) + " COLLATE NOCASE");
        }
        out.add("DROP TABLE " + table.quoted());
        out.add("ALTER TABLE " + temp.quoted() + " RENAME TO " + table.quoted());
        after.indexesOn(table).forEach(i -> out.add(Ddl.createIndex(i)));
        for (View v : after.views().values()) {
            if (views.stream().anyMatch(d -> d.name().equals(v.name()))) {
                out.add(Ddl.createView(v));
            }
        }
        for (Trigger t : after.triggers().values()) {
            if (t.table().equals(table) || triggers.stream().anyMatch(d -> d.name().equals(t.name()))) {
                out.add(t.sql());
            }
        }
        if (!referenced && !now.foreignKeys().isEmpty()) {
            out.addAll(foreignKeyCheck("pragma_foreign_key_check(" + literal(table) + ")", "ABORT",
                    "rows of " + table.name() + " would violate its foreign keys; the table was not changed"));
        }
        return new TableRebuild(out, referenced);
    }

    /** A scratch name for the table while Strata reshapes it, within SQLite's length limit for names. */
    static Identifier temporaryName(String prefix, Identifier table) {
        String name = prefix + table.name();
        return Identifier.of(name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME));
    }

    /** A table name as an SQL string literal (identifiers never contain quotes, but escape anyway). */
    private static String literal(Identifier name) {
        return "'" + name.name().replace("'", "''") + "'";
    }

    /**
     * Wraps statements in SQLite's foreign-keys-off procedure. A violation left at the end raises
     * {@code ROLLBACK}: SQLite itself undoes the whole transaction, so the database is unchanged even
     * under a runner (stock Flyway) that does not roll back a script it runs outside a transaction.
     */
    static SqlScript withForeignKeysOff(List<String> statements) {
        List<String> out = new ArrayList<>();
        out.add("PRAGMA foreign_keys = OFF");
        out.add("SAVEPOINT " + SAVEPOINT);
        out.addAll(statements);
        out.addAll(foreignKeyCheck("pragma_foreign_key_check", "ROLLBACK",
                "rows would violate a foreign key after the table rebuild; nothing was changed"));
        out.add(COMMIT);
        out.add("PRAGMA foreign_keys = ON");
        return new SqlScript(out, false);
    }

    /**
     * Statements that fail (with {@code RAISE(action, ...)}) if {@code source} has any row. PRAGMA
     * foreign_key_check only reports; a temporary table whose insert trigger raises turns the report
     * into an error. Find the offending rows with {@code PRAGMA foreign_key_check}.
     */
    private static List<String> foreignKeyCheck(String source, String action, String message) {
        String text = VIOLATION + ": " + message + " (find the rows with PRAGMA foreign_key_check)";
        return List.of(
                "CREATE TEMP TABLE " + CHECK_TABLE.quoted() + " (\"violations\" INTEGER NOT NULL)",
                "CREATE TEMP TRIGGER " + CHECK_TRIGGER.quoted() + " BEFORE INSERT ON " + CHECK_TABLE.quoted()
                        + " WHEN NEW.\"violations\" > 0 BEGIN SELECT RAISE(" + action + ", '" + text.replace("'", "''")
                        + "'); END",
                "INSERT INTO " + CHECK_TABLE.quoted() + " (\"violations\") SELECT count(*) FROM " + source,
                "DROP TABLE " + CHECK_TABLE.quoted());
    }
}
