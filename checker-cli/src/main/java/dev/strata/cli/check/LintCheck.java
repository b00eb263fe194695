package dev.strata.cli.check;

import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.InvalidEventException;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Affinity;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqliteDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lint}: risky changes, as warnings with a rule id and its rationale. For a plain Flyway
 * folder the changes of each version are derived from the live schema before and after it, and the
 * renames its upgrade states.
 */
public final class LintCheck implements Check {

    public static final String NAME = "lint";
    private static final Pattern SIZE = Pattern.compile("\\(\\s*(\\d+)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        String settings = "disabled=" + new java.util.TreeSet<>(context.options().disabledLintRules());
        if (context.hasEvents()) {
            List<Revision> revisions = context.revisions();
            String folder = context.migrations().shownAs();
            return PerRevision.findings(context, NAME, settings + "\nmigrations=" + folder, revisions.size(),
                    i -> context.revisionKeys().get(i), i -> {
                        Revision r = revisions.get(i);
                        String file = folder + "/" + r.upgradeFileName();
                        Schema before = context.schemaAt(r.number() - 1);
                        Schema after = context.schemaAt(r.number());
                        List<Finding> out = new ArrayList<>();
                        lint(context, r.number(), file, before, r.events(), out);
                        dangling(context, r.number(), file, before, after, out);
                        dataDependent(context, r.number(), file, before, after, out);
                        return out;
                    });
        }
        List<Schema> live = context.walk().liveSchemas();
        var pairs = context.migrations().pairs();
        List<byte[]> versions = context.versionKeys();
        return PerRevision.findings(context, NAME, settings, live.size() - 1, versions == null ? null : versions::get, v -> {
            int i = v + 1;
            var pair = pairs.get(v);
            List<Finding> out = new ArrayList<>();
            try {
                Schema before = live.get(i - 1);
                lint(context, pair.version(), pair.up().file(), before, changes(before, live.get(i), pair.up().script()), out);
            } catch (RuntimeException e) {
                // the changes of a version are derived from two live schemas; one Strata cannot express as events is no verdict
                out.add(new Finding(NAME, Finding.Severity.INFO, pair.version(), pair.up().file(), null,
                        "lint could not name the changes of this version as events: " + e.getMessage(), null));
            }
            dangling(context, pair.version(), pair.up().file(), live.get(i - 1), live.get(i), out);
            dataDependent(context, pair.version(), pair.up().file(), live.get(i - 1), live.get(i), out);
            return out;
        });
    }

    /** Constraints a version puts on rows that exist, each with the query that finds the rows breaking it. */
    private static void dataDependent(CheckContext context, int revision, String file, Schema before, Schema after,
                                      List<Finding> out) {
        if (context.options().disabledLintRules().contains(LintRule.DATA_DEPENDENT.id())) {
            return;
        }
        for (DataDependence.Constraint c : DataDependence.between(before, after)) {
            out.add(Finding.warning(NAME, revision, file, "[" + LintRule.DATA_DEPENDENT.id() + "] adds " + c.constraint()
                    + " on table " + c.table() + ": " + LintRule.DATA_DEPENDENT.rationale(),
                    "before deploying, run on a copy of production: " + c.query()));
        }
    }

    /** Foreign keys that point at a table that does not exist after a version, and did not before it. */
    private static void dangling(CheckContext context, int revision, String file, Schema before, Schema after, List<Finding> out) {
        if (context.options().disabledLintRules().contains(LintRule.DANGLING_FOREIGN_KEY.id())) {
            return;
        }
        java.util.Set<String> was = danglingKeys(before);
        for (String key : danglingKeys(after)) {
            if (!was.contains(key)) {
                out.add(Finding.warning(NAME, revision, file, "[" + LintRule.DANGLING_FOREIGN_KEY.id() + "] " + key + ": "
                        + LintRule.DANGLING_FOREIGN_KEY.rationale(), "drop or change the foreign key with the table it points at,"
                        + " or disable the rule in strata.yaml (lint: {disable: [dangling-foreign-key]})"));
            }
        }
    }

    private static java.util.Set<String> danglingKeys(Schema schema) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (var t : schema.tables().values()) {
            for (var fk : t.foreignKeys()) {
                if (!schema.tables().containsKey(fk.referencedTable())) {
                    out.add("the foreign key " + t.name() + fk.columns() + " references table " + fk.referencedTable()
                            + ", which does not exist");
                }
            }
        }
        return out;
    }

    /**
     * The changes of a version without events: the renames its upgrade states, where the schema allows them,
     * then the schema diff. A diff alone shows a renamed table or column as one dropped and another added.
     */
    static List<SchemaEvent> changes(Schema before, Schema after, SqlScript up) {
        List<SchemaEvent> out = new ArrayList<>();
        Schema schema = before;
        for (String statement : up.statements()) {
            SchemaEvent rename = statedRename(SqlText.tokens(statement));
            if (rename != null) {
                try {
                    schema = rename.applyTo(schema);
                    out.add(rename);
                } catch (InvalidEventException e) {
                    // e.g. the second half of a rebuild, renaming a table the script created: the diff tells
                }
            }
        }
        try {
            out.addAll(SchemaDiff.events(schema, after));
        } catch (InvalidEventException noOrder) {
            // the migration went from one to the other anyway: classify what changed, in any order
            out.addAll(SchemaDiff.changes(schema, after));
        }
        return out;
    }

    /** ALTER TABLE [schema.]t RENAME TO u, or RENAME [COLUMN] a TO b, as an event; null for any other statement. */
    private static SchemaEvent statedRename(List<SqlText.Token> t) {
        if (t.size() < 6 || !t.get(0).text().equalsIgnoreCase("ALTER") || !t.get(1).text().equalsIgnoreCase("TABLE")) {
            return null;
        }
        int at = t.size() > 4 && t.get(3).text().equals(".") ? 4 : 2;
        Identifier table = name(t, at);
        if (table == null || at + 1 >= t.size() || !t.get(at + 1).text().equalsIgnoreCase("RENAME")) {
            return null;
        }
        int k = at + 2;
        if (k + 1 < t.size() && t.get(k).text().equalsIgnoreCase("TO")) {
            Identifier to = name(t, k + 1);
            return to == null ? null : new TableRenamed(table, to);
        }
        if (k < t.size() && t.get(k).text().equalsIgnoreCase("COLUMN")) {
            k++;
        }
        Identifier from = name(t, k);
        Identifier to = k + 2 < t.size() && t.get(k + 1).text().equalsIgnoreCase("TO") ? name(t, k + 2) : null;
        return from == null || to == null ? null : new ColumnRenamed(table, from, to);
    }

    private static Identifier name(List<SqlText.Token> t, int i) {
        if (i >= t.size() || t.get(i).identifierKey() == null) {
            return null;
        }
        String text = t.get(i).kind() == SqlText.Token.Kind.WORD ? t.get(i).text() : SqlText.unquote(t.get(i).text());
        return Identifier.isValid(text) ? Identifier.of(text) : null;
    }

    private static void lint(CheckContext context, int revision, String file, Schema before, List<SchemaEvent> events,
                             List<Finding> out) {
        Schema schema = before;
        for (SchemaEvent e : events) {
            for (Hit hit : hits(schema, e)) {
                if (!context.options().disabledLintRules().contains(hit.rule().id())) {
                    out.add(Finding.warning(NAME, revision, file, "[" + hit.rule().id() + "] " + hit.what() + ": "
                            + hit.rule().rationale(), "if intended, disable the rule for this project in strata.yaml"
                            + " (lint: {disable: [" + hit.rule().id() + "]})"));
                }
            }
            schema = e.applyTo(schema);
        }
    }

    private record Hit(LintRule rule, String what) {
    }

    private static List<Hit> hits(Schema before, SchemaEvent e) {
        List<Hit> out = new ArrayList<>();
        if (e instanceof TableDropped d) {
            out.add(new Hit(LintRule.DROP_TABLE, "drops table " + d.table()));
        } else if (e instanceof ColumnDropped d) {
            out.add(new Hit(LintRule.DROP_COLUMN, "drops column " + d.table() + "." + d.column()));
        } else if (e instanceof ColumnAdded a && a.column().notNull() && a.column().defaultValue() == null) {
            out.add(new Hit(LintRule.NOT_NULL_WITHOUT_DEFAULT, "adds NOT NULL column " + a.table() + "." + a.column().name()
                    + " without a default"));
        } else if (e instanceof TableRenamed r) {
            out.add(new Hit(LintRule.RENAME_TABLE, "renames table " + r.from() + " to " + r.to()));
        } else if (e instanceof ColumnRenamed r) {
            out.add(new Hit(LintRule.RENAME_COLUMN, "renames column " + r.table() + "." + r.from() + " to " + r.to()));
        } else if (e instanceof ColumnAltered a) {
            Column old = before.table(a.table()).flatMap(t -> t.column(a.column().name())).orElse(null);
            if (old != null && !old.notNull() && a.column().notNull() && a.column().defaultValue() == null) {
                out.add(new Hit(LintRule.NOT_NULL_WITHOUT_DEFAULT, "makes " + a.table() + "." + old.name()
                        + " NOT NULL without a default"));
            }
            if (old != null && narrows(old.type(), a.column().type())) {
                out.add(new Hit(LintRule.TYPE_NARROWING, "changes " + a.table() + "." + old.name() + " from "
                        + old.type() + " to " + a.column().type()));
            }
        }
        if (!SqliteDialect.render(before, List.of(e)).transactional()) {
            out.add(new Hit(LintRule.REBUILD_REFERENCED_TABLE, e.describe() + " rebuilds a table that foreign keys reference"));
        }
        return out;
    }

    /** Whether a value of type {@code from} may not fit {@code to}. */
    static boolean narrows(String from, String to) {
        Affinity a = Affinity.of(from);
        Affinity b = Affinity.of(to);
        if (a != b) {
            return switch (a) {
                case TEXT, BLOB -> true;
                case REAL, NUMERIC -> b == Affinity.INTEGER;
                case INTEGER -> false;
            };
        }
        Matcher x = SIZE.matcher(from);
        Matcher y = SIZE.matcher(to);
        return x.find() && y.find() && Integer.parseInt(y.group(1)) < Integer.parseInt(x.group(1));
    }
}
