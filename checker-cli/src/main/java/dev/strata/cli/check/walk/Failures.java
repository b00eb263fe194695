package dev.strata.cli.check.walk;

import dev.strata.cli.check.Finding;
import dev.strata.cli.check.HistoryWalk;
import dev.strata.cli.project.MigrationScript;
import dev.strata.events.schema.SqlText;
import dev.strata.events.sqlite.ScriptException;

import java.util.List;
import java.util.Locale;

/** A script that failed on a scratch database, as a finding on its file and line with a fix that fits the case. */
final class Failures {

    // the name of Strata's own check after a rebuild with foreign keys off (TableRebuild): its RAISE is a foreign-key failure
    private static final String REBUILD_CHECK = "no_foreign_key_violations_after_rebuild";

    private Failures() {
    }

    /**
     * @param what {@code upgrade}, {@code downgrade}, ...
     * @param context extra words after the failure, such as {@code "; it runs without the seeded rows"}, or empty
     */
    static Finding of(MigrationScript script, ScriptException e, String what, String label, boolean foreignKeys, String context) {
        String said = e.sqliteMessage() == null ? "" : e.sqliteMessage();
        String message = e.getMessage().replace("\n", " ");
        String hint;
        if (said.contains(REBUILD_CHECK)) {
            message = "statement " + e.statement() + " leaves rows that violate a foreign key (PRAGMA foreign_key_check finds them"
                    + " after a table rebuild)";
            hint = "the rows of a child table no longer match their parent after the rebuild; keep the parent's key columns and values";
        } else if (opensTransaction(script) || said.contains("within a transaction") || said.contains("no transaction is active")) {
            hint = "the script manages its own transaction (BEGIN/COMMIT): " + script.outsideTransaction();
        } else if (said.contains("FOREIGN KEY constraint failed")) {
            hint = foreignKeys
                    ? "rows would break a foreign key; the scratch database runs with foreign keys on, as applications that declare"
                    + " them do: rebuild a referenced table with foreign keys off, as SQLite documents (docs/sqlite-rebuilds.md)"
                    : "rows would break a foreign key that the script itself checks";
        } else {
            hint = "fix the statement";
        }
        return new Finding(HistoryWalk.REVERSIBILITY, Finding.Severity.ERROR, script.version(), script.file(),
                script.lineOf(Math.max(1, e.statement())), "the " + what + " of " + label + " fails: " + message + context, hint);
    }

    /** Whether a transactional script has its own BEGIN or COMMIT, which fails inside the transaction Flyway opens. */
    private static boolean opensTransaction(MigrationScript script) {
        if (!script.transactional()) {
            return false;
        }
        for (String statement : script.script().statements()) {
            List<SqlText.Token> t = SqlText.tokens(statement);
            String first = t.isEmpty() ? "" : t.get(0).text().toUpperCase(Locale.ROOT);
            if (first.equals("BEGIN") || first.equals("COMMIT") || first.equals("END")) {
                return true;
            }
        }
        return false;
    }

    static String fileName(MigrationScript s) {
        return s.name();
    }
}
