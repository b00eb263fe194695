package dev.strata.events.properties;

import dev.strata.events.CheckAdded;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.IndexCreated;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.SchemaEvent;
import dev.strata.events.UniqueAdded;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.sql.SqliteDialect;
import dev.strata.events.sqlite.ScratchDatabase;
import dev.strata.events.sqlite.ScriptException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether seeded rows, not the rendering, made a script fail. The events are run again one at a time
 * on the same rows; the rows refuse when one event fails on a constraint that event itself adds or
 * re-checks, on its own table:
 * <ul>
 *   <li>UNIQUE: a UNIQUE constraint or unique index added, a primary key changed, or a column altered
 *       (a NOCASE collation or a new type can make two values equal);</li>
 *   <li>NOT NULL: a column altered to NOT NULL, a primary key changed, a NOT NULL column added;</li>
 *   <li>CHECK: a CHECK added, a column altered (a new type converts the values the CHECK reads), or a
 *       primary key that makes a column the rowid alias (its NULLs, which passed {@code c IN (...)},
 *       become new rowids, which may not);</li>
 *   <li>FOREIGN KEY: a foreign key added; a key column (child or parent) whose type affinity changes,
 *       since a new type converts values (TEXT '1' becomes INTEGER 1); a primary key that makes a key
 *       column the rowid alias, which turns its NULLs into new rowids;</li>
 *   <li>datatype mismatch: a column that becomes an INTEGER PRIMARY KEY holds a non-integer.</li>
 * </ul>
 * Rebuilding a table, whatever event asks for it, is never an excuse: a rebuild that deletes or
 * orphans rows is the bug class these properties exist to catch.
 * A script that fails where the same events one at a time do not, or on any other error, is the
 * rendering's fault.
 */
final class DataRefusal {

    private DataRefusal() {
    }

    /**
     * The reason the rows refuse, as a statistics label, or empty when the failure is the rendering's.
     *
     * @param prepare creates the schema {@code before} and its rows on a fresh database, the same way
     *                the failing run did
     */
    static Optional<String> of(Schema before, List<SchemaEvent> events, Prepare prepare) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            prepare.on(db);
            Schema at = before;
            for (SchemaEvent e : events) {
                try {
                    db.apply(SqliteDialect.render(at, List.of(e)));
                } catch (ScriptException failure) {
                    return refusedBy(e, at, failure.sqliteMessage());
                }
                at = e.applyTo(at);
            }
            return Optional.empty();
        }
    }

    interface Prepare {
        void on(ScratchDatabase db) throws Exception;
    }

    private static Optional<String> refusedBy(SchemaEvent e, Schema at, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        boolean addsUnique = e instanceof UniqueAdded || e instanceof IndexCreated i && i.index().unique();
        boolean keyOrColumn = e instanceof PrimaryKeyAltered || e instanceof ColumnAltered;
        if (m.contains("unique constraint failed") && (addsUnique || keyOrColumn) && names(m, table(e))) {
            return Optional.of("UNIQUE refused by " + kind(e));
        }
        if (m.contains("not null constraint failed") && (keyOrColumn || e instanceof ColumnAdded) && names(m, table(e))) {
            return Optional.of("NOT NULL refused by " + kind(e));
        }
        if (m.contains("check constraint failed") && (e instanceof CheckAdded || e instanceof ColumnAltered
                || e instanceof PrimaryKeyAltered p && newRowidAlias(p, at) != null)) {
            return Optional.of("CHECK refused by " + kind(e));
        }
        if ((m.contains("foreign key constraint failed") || m.contains("no_foreign_key_violations_after_rebuild"))
                && (e instanceof ForeignKeyAdded || convertsKeyValues(e, at))) {
            return Optional.of("FOREIGN KEY refused by " + kind(e));
        }
        if (m.contains("datatype mismatch") && keyOrColumn) {
            return Optional.of("datatype mismatch by " + kind(e));
        }
        return Optional.empty();
    }

    /** A column in a foreign key, as child or parent, that gets another affinity or becomes the rowid alias. */
    private static boolean convertsKeyValues(SchemaEvent e, Schema at) {
        if (e instanceof ColumnAltered a) {
            Table t = at.table(a.table()).orElseThrow();
            boolean newAffinity = t.column(a.column().name()).map(c -> c.affinity() != a.column().affinity()).orElse(false);
            return newAffinity && inForeignKey(at, t, a.column().name());
        }
        if (e instanceof PrimaryKeyAltered p) {
            Identifier alias = newRowidAlias(p, at);
            return alias != null && inForeignKey(at, at.table(p.table()).orElseThrow(), alias);
        }
        return false;
    }

    /** The column the new primary key makes the rowid alias, if it was not before; else null. */
    private static Identifier newRowidAlias(PrimaryKeyAltered p, Schema at) {
        Identifier was = at.table(p.table()).orElseThrow().rowidAlias().orElse(null);
        Identifier now = p.applyTo(at).table(p.table()).orElseThrow().rowidAlias().orElse(null);
        return now == null || now.equals(was) ? null : now;
    }

    private static boolean inForeignKey(Schema s, Table t, Identifier column) {
        boolean child = t.foreignKeys().stream().anyMatch(f -> f.columns().contains(column));
        boolean parent = s.referencing(t.name()).stream().flatMap(r -> r.foreignKeys().stream())
                .anyMatch(f -> f.referencedTable().equals(t.name()) && f.referencedColumns().contains(column));
        return child || parent;
    }

    private static String kind(SchemaEvent e) {
        return e.getClass().getSimpleName();
    }

    private static Identifier table(SchemaEvent e) {
        if (e instanceof UniqueAdded u) {
            return u.table();
        }
        if (e instanceof IndexCreated i) {
            return i.index().table();
        }
        if (e instanceof PrimaryKeyAltered p) {
            return p.table();
        }
        if (e instanceof ColumnAltered a) {
            return a.table();
        }
        if (e instanceof ColumnAdded a) {
            return a.table();
        }
        return null;
    }

    /** Whether SQLite's "... constraint failed: t.c" names a column of {@code table} (rebuilds name their new table). */
    private static boolean names(String message, Identifier table) {
        String t = table.name().toLowerCase(Locale.ROOT);
        return message.contains(": " + t + ".") || message.contains(", " + t + ".") || message.contains("_strata_new_" + t + ".");
    }
}
