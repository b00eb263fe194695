package dev.strata.events.sqlite;

import dev.strata.events.schema.ColumnRef;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.View;
import dev.strata.events.sql.Ddl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory database holding one schema's tables, views and triggers (no rows, no indexes), on which
 * SQLite itself says what stands on a table, view or column. A table or view is dropped, a column renamed
 * away, inside a savepoint that is then rolled back:
 * <ul>
 *   <li>{@code RENAME COLUMN} rewrites exactly the views and triggers that use the column (with
 *   {@code legacy_alter_table} off, the default), so those whose SQL changed are its direct dependents;</li>
 *   <li>after a drop, any {@code ALTER TABLE ... RENAME} re-checks every view and trigger and fails with
 *   "error in view V: ..." or "error in trigger T: ...": the one named is dropped too and the probe repeated
 *   until it passes, which also finds what stands on a dependent.</li>
 * </ul>
 * Views and triggers that do not compile on the schema as it is are left out of every answer.
 */
final class DependentsScratch implements AutoCloseable {

    private static final String PROBE = "_strata_dependents_probe";
    private static final Duration BUDGET = Duration.ofSeconds(30);

    private final Connection c;
    private final Sandbox sandbox;
    /** The views and triggers that compile, by key. */
    private final Map<String, Identifier> views = new HashMap<>();
    private final Map<String, Identifier> triggers = new HashMap<>();
    private final Map<String, Set<String>> answers = new HashMap<>();
    /** Whether the probe table has its second name (each probe renames it between the two). */
    private boolean probeRenamed;
    private int renamedColumns;

    DependentsScratch(Schema schema) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite::memory:");
        try {
            sandbox = Sandbox.confine(c, BUDGET);
            sandbox.start();
            load(schema);
            // what is broken already breaks no matter what changes: take it out of the question
            dropBroken();
            sandbox.stop();
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void load(Schema schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA legacy_alter_table = OFF");
            // one transaction for the whole copy: a schema change commits per statement otherwise
            st.execute("BEGIN");
            for (var t : schema.tables().values()) {
                st.execute(Ddl.createTable(t));
            }
            for (var v : schema.virtualTables().values()) {
                tryCreate(st, v.sql());
            }
            st.execute("CREATE TABLE " + Identifier.of(PROBE).quoted() + " (x)");
            for (View v : schema.views().values()) {
                if (tryCreate(st, Ddl.createView(v))) {
                    views.put(v.name().key(), v.name());
                }
            }
            for (Trigger t : schema.triggers().values()) {
                if (tryCreate(st, t.sql())) {
                    triggers.put(t.name().key(), t.name());
                }
            }
            st.execute("COMMIT");
        }
    }

    /** Creates an object SQLite may refuse (a module it lacks, a trigger on a view it cannot read). */
    private static boolean tryCreate(Statement st, String sql) {
        try {
            st.execute(sql);
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    /** The keys of the views and triggers that stand on the relations or columns, directly or through views. */
    Set<String> dependents(Set<Identifier> relations, Set<ColumnRef> columns) throws SQLException {
        String question = relations.stream().map(Identifier::key).sorted().toList() + "|"
                + columns.stream().map(r -> r.table().key() + "." + r.column().key()).sorted().toList();
        Set<String> known = answers.get(question);
        if (known != null) {
            return known;
        }
        Set<String> found = new LinkedHashSet<>();
        boolean probeWas = probeRenamed;
        sandbox.start();
        try (Statement st = c.createStatement()) {
            st.execute("SAVEPOINT question");
            try {
                // renames keep every view and trigger valid, so all columns are renamed before anything is dropped
                for (ColumnRef col : columns) {
                    found.addAll(renameAway(st, col));
                }
                for (String key : found) {
                    drop(st, key);
                }
                for (Identifier r : relations) {
                    String type = type(st, r);
                    if ("view".equals(type) || "table".equals(type)) {
                        st.execute("DROP " + type.toUpperCase(Locale.ROOT) + " " + r.quoted());
                    }
                }
                found.addAll(dropUntilClean(st));
            } finally {
                st.execute("ROLLBACK TO question");
                st.execute("RELEASE question");
                probeRenamed = probeWas;
                sandbox.stop();
            }
        }
        answers.put(question, Set.copyOf(found));
        return answers.get(question);
    }

    /** Renames the column away: the views and triggers whose SQL SQLite rewrote for it are the ones that use it. */
    private Set<String> renameAway(Statement st, ColumnRef col) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        if (!"table".equals(type(st, col.table())) || !hasColumn(st, col)) {
            return out;
        }
        Map<String, String> before = definitions(st);
        st.execute("ALTER TABLE " + col.table().quoted() + " RENAME COLUMN " + col.column().quoted() + " TO "
                + Identifier.of("_strata_gone_" + renamedColumns++).quoted());
        Map<String, String> after = definitions(st);
        before.forEach((key, sql) -> {
            if (!sql.equals(after.get(key))) {
                out.add(key);
            }
        });
        return out;
    }

    /** Renames the probe table until SQLite finds no view or trigger that fails to compile, dropping each it names. */
    private Set<String> dropUntilClean(Statement st) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        int limit = views.size() + triggers.size() + 1;
        for (int i = 0; i <= limit; i++) {
            Identifier from = Identifier.of(probeRenamed ? PROBE + "_" : PROBE);
            Identifier to = Identifier.of(probeRenamed ? PROBE : PROBE + "_");
            try {
                st.execute("ALTER TABLE " + from.quoted() + " RENAME TO " + to.quoted());
                probeRenamed = !probeRenamed;
                return out;
            } catch (SQLException e) {
                String broken = named(e.getMessage());
                if (broken == null || out.contains(broken)) {
                    throw new SQLException("SQLite refused a rename on the scratch copy for a reason Strata cannot place: "
                            + e.getMessage(), e);
                }
                out.add(broken);
                drop(st, broken);
            }
        }
        throw new SQLException("views and triggers kept failing to compile after " + limit + " were dropped");
    }

    private void dropBroken() throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String key : dropUntilClean(st)) {
                views.remove(key);
                triggers.remove(key);
            }
        }
    }

    /** The view or trigger an "error in view V: ..." or "error in trigger T after ...: ..." message names. */
    private String named(String message) {
        if (message == null) {
            return null;
        }
        String best = null;
        for (String kind : List.of("view", "trigger")) {
            for (Identifier name : (kind.equals("view") ? views : triggers).values()) {
                // the longest name that fits, should one name begin another
                String prefix = "error in " + kind + " " + name.name();
                int at = message.indexOf(prefix);
                if (at >= 0 && (message.startsWith(":", at + prefix.length()) || message.startsWith(" after ", at + prefix.length()))
                        && (best == null || name.key().length() > best.length())) {
                    best = name.key();
                }
            }
        }
        return best;
    }

    private void drop(Statement st, String key) throws SQLException {
        if (views.containsKey(key)) {
            st.execute("DROP VIEW IF EXISTS " + views.get(key).quoted());
        } else if (triggers.containsKey(key)) {
            st.execute("DROP TRIGGER IF EXISTS " + triggers.get(key).quoted());
        }
    }

    /** The SQL of every view and trigger, by key. */
    private Map<String, String> definitions(Statement st) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_schema WHERE type IN ('view', 'trigger')")) {
            while (rs.next()) {
                out.put(Identifier.of(rs.getString(1)).key(), rs.getString(2));
            }
        }
        return out;
    }

    /** "table", "view", ... or null when the scratch copy has no object of that name. */
    private static String type(Statement st, Identifier name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT type FROM sqlite_schema WHERE name = " + literal(name.name()) + " COLLATE NOCASE")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private boolean hasColumn(Statement st, ColumnRef col) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM pragma_table_xinfo(" + literal(col.table().name()) + ") WHERE name = "
                + literal(col.column().name()) + " COLLATE NOCASE")) {
            return rs.next();
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
