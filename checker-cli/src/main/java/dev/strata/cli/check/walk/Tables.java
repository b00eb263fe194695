package dev.strata.cli.check.walk;

import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;
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
        Set<String> named = new HashSet<>();
        for (MigrationScript script : pair.down() == null ? List.of(pair.up()) : List.of(pair.up(), pair.down())) {
            for (SqlText.Token t : SqlText.tokens(script.text())) {
                String key = t.identifierKey();
                if (key != null) {
                    named.add(key);
                }
            }
        }
        Set<Identifier> out = new HashSet<>();
        schema.tables().keySet().stream().filter(t -> named.contains(t.key())).forEach(out::add);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Table t : schema.tables().values()) {
                if (!out.contains(t.name()) && t.foreignKeys().stream().anyMatch(f -> out.contains(f.referencedTable()))) {
                    grew |= out.add(t.name());
                }
            }
            for (var trigger : schema.triggers().values()) {
                if (out.contains(trigger.table())) {
                    for (Identifier t : schema.tables().keySet()) {
                        if (!out.contains(t) && SqlText.mentions(trigger.sql(), t)) {
                            grew |= out.add(t);
                        }
                    }
                }
            }
        }
        return out;
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

    /** Whether any statement of the script writes rows. */
    static boolean writesRows(SqlScript script) {
        return script.statements().stream().anyMatch(Tables::isDml);
    }

    private static boolean isDml(String statement) {
        String first = SqlText.tokens(statement).stream().findFirst().map(t -> t.text().toUpperCase(Locale.ROOT)).orElse("");
        return DML.contains(first);
    }
}
