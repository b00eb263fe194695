package dev.strata.cli.check.walk;

import dev.strata.cli.project.MigrationPair;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import dev.strata.events.sql.SqlScript;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a version's scripts may touch, read from their text: the tables a round trip must watch. */
final class Tables {

    private static final List<String> DML = List.of("INSERT", "UPDATE", "DELETE", "REPLACE", "WITH");

    private Tables() {
    }

    /** Whether SQL may give a table a name it did not have: CREATE [TEMP|VIRTUAL ...] TABLE, or RENAME TO. */
    static boolean mayNameTable(String sql) {
        List<SqlText.Token> tokens = SqlText.tokens(sql);
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).text();
            if (word.equalsIgnoreCase("CREATE")) {
                for (int j = i + 1; j <= i + 3 && j < tokens.size(); j++) {
                    if (tokens.get(j).text().equalsIgnoreCase("TABLE")) {
                        return true;
                    }
                }
            } else if (word.equalsIgnoreCase("RENAME") && i + 1 < tokens.size() && tokens.get(i + 1).text().equalsIgnoreCase("TO")) {
                return true;
            }
        }
        return false;
    }

    /** Tables named by the scripts, with their children (cascades) and the tables their triggers write, transitively. */
    static Set<Identifier> affected(Schema schema, MigrationPair pair) {
        Set<String> named = new HashSet<>(pair.up().identifierKeys());
        if (pair.down() != null) {
            named.addAll(pair.down().identifierKeys());
        }
        Set<Identifier> out = new HashSet<>();
        schema.tables().keySet().stream().filter(t -> named.contains(t.key())).forEach(out::add);
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Table t : schema.tables().values()) {
                if (!out.contains(t.name()) && (t.foreignKeys().stream().anyMatch(f -> out.contains(f.referencedTable()))
                        || writtenByTriggersOn(schema, out, t.name()))) {
                    grew |= out.add(t.name());
                }
            }
        }
        return out;
    }

    /** Whether a trigger on one of the tables reads or writes {@code table}. */
    private static boolean writtenByTriggersOn(Schema schema, Set<Identifier> tables, Identifier table) {
        return schema.triggers().values().stream().anyMatch(tr -> tables.contains(tr.table()))
                && schema.dependents(table).triggers().stream().anyMatch(tr -> tables.contains(tr.table()));
    }

    /** Whether a statement of the script writes rows of the table: a data migration, whose changes to rows are intended. */
    static boolean touchedByDml(SqlScript script, Identifier table) {
        for (String s : script.statements()) {
            if (isDml(s) && SqlText.mentions(s, table)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a statement of the script writes rows of the table in place (UPDATE, DELETE FROM, INSERT or REPLACE
     * INTO it): a data migration. A copy into another table, as a rebuild makes, does not count.
     */
    static boolean writesInPlace(SqlScript script, Identifier table) {
        for (String s : script.statements()) {
            List<SqlText.Token> t = SqlText.tokens(s);
            int at = target(t);
            // INSERT INTO t SELECT ... copies rows, as a rebuild does; VALUES adds the migration's own
            if (at >= 0 && table.key().equals(t.get(at).identifierKey())
                    && !(t.get(0).text().equalsIgnoreCase("INSERT") && t.stream().anyMatch(x -> x.text().equalsIgnoreCase("SELECT")))) {
                return true;
            }
        }
        return false;
    }

    /** The index of the token naming the table a DML statement writes, or -1; a WITH clause is skipped. */
    private static int target(List<SqlText.Token> t) {
        if (t.isEmpty()) {
            return -1;
        }
        int start = 0;
        if (t.get(0).text().equalsIgnoreCase("WITH")) {
            int depth = 0;
            start = -1;
            for (int k = 1; k < t.size() && start < 0; k++) {
                String w = t.get(k).text();
                depth += w.equals("(") ? 1 : w.equals(")") ? -1 : 0;
                if (depth == 0 && List.of("UPDATE", "INSERT", "DELETE", "REPLACE").contains(w.toUpperCase(Locale.ROOT))) {
                    start = k;
                }
            }
            if (start < 0) {
                return -1;
            }
        }
        int at = targetFrom(t.subList(start, t.size()));
        return at < 0 ? -1 : start + at;
    }

    private static int targetFrom(List<SqlText.Token> t) {
        String first = t.get(0).text().toUpperCase(Locale.ROOT);
        int i;
        switch (first) {
            case "UPDATE", "INSERT", "REPLACE" -> {
                i = 1;
                // UPDATE OR REPLACE t, INSERT OR IGNORE INTO t
                if (i < t.size() && t.get(i).text().equalsIgnoreCase("OR")) {
                    i += 2;
                }
                if (i < t.size() && t.get(i).text().equalsIgnoreCase("INTO")) {
                    i++;
                }
            }
            case "DELETE" -> i = 2;
            default -> {
                return -1;
            }
        }
        // a schema-qualified name, main.t, names the table last
        if (i + 2 < t.size() && t.get(i + 1).text().equals(".")) {
            i += 2;
        }
        return i < t.size() ? i : -1;
    }

    /**
     * Whether the script means to lose rows of the table: it drops the table and creates it again empty (no
     * {@code RENAME TO t} of a copy, no {@code INSERT INTO t ... SELECT}), or copies only the rows a WHERE selects.
     */
    static boolean dropsRowsByIntent(SqlScript script, Identifier table) {
        boolean dropped = false;
        boolean refilled = false;
        boolean filtered = false;
        for (String s : script.statements()) {
            List<SqlText.Token> t = SqlText.tokens(s);
            if (t.size() >= 3 && t.get(0).text().equalsIgnoreCase("DROP") && t.get(1).text().equalsIgnoreCase("TABLE")) {
                int at = t.get(2).text().equalsIgnoreCase("IF") ? 4 : 2;
                if (at + 2 < t.size() && t.get(at + 1).text().equals(".")) {
                    at += 2;
                }
                dropped |= at < t.size() && table.key().equals(t.get(at).identifierKey());
            }
            boolean copy = !t.isEmpty() && List.of("INSERT", "REPLACE", "CREATE").contains(t.get(0).text().toUpperCase(Locale.ROOT));
            for (int i = 0; i + 1 < t.size(); i++) {
                String w = t.get(i).text();
                refilled |= w.equalsIgnoreCase("TO") && i > 0 && t.get(i - 1).text().equalsIgnoreCase("RENAME")
                        && table.key().equals(t.get(i + 1).identifierKey());
                if (copy && w.equalsIgnoreCase("FROM") && table.key().equals(t.get(i + 1).identifierKey())) {
                    filtered |= t.subList(i + 2, t.size()).stream().anyMatch(x -> x.text().equalsIgnoreCase("WHERE"));
                }
            }
            int at = target(t);
            refilled |= at >= 0 && table.key().equals(t.get(at).identifierKey()) && t.stream().anyMatch(x -> x.text().equalsIgnoreCase("SELECT"));
        }
        return (dropped && !refilled) || filtered;
    }

    /** Whether the script deletes the rows of the table that a WHERE selects: a targeted clean-up, not a wipe. */
    static boolean deletesSome(SqlScript script, Identifier table) {
        for (String s : script.statements()) {
            List<SqlText.Token> t = SqlText.tokens(s);
            int at = target(t);
            if (at >= 0 && t.get(0).text().equalsIgnoreCase("DELETE") && table.key().equals(t.get(at).identifierKey())
                    && t.subList(at, t.size()).stream().anyMatch(x -> x.text().equalsIgnoreCase("WHERE"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDml(String statement) {
        String first = SqlText.tokens(statement).stream().findFirst().map(t -> t.text().toUpperCase(Locale.ROOT)).orElse("");
        return DML.contains(first);
    }
}
