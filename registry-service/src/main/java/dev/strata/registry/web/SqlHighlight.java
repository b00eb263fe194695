package dev.strata.registry.web;

import dev.strata.events.schema.SqlText;

import java.util.Locale;
import java.util.Set;

/**
 * SQL as highlighted HTML, from schema-events' tokenizer: keywords, strings, numbers, quoted names and comments
 * each in a span the stylesheet colours. The text between tokens (white space, comments) is kept as written.
 */
final class SqlHighlight {

    private static final Set<String> KEYWORDS = Set.of("ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "AND", "AS", "ASC",
            "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CHECK", "COLLATE", "COLUMN", "COMMIT",
            "CONSTRAINT", "CREATE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DISTINCT", "DROP", "EACH", "ELSE",
            "END", "EXISTS", "FOR", "FOREIGN", "FROM", "GENERATED", "GROUP", "IF", "IMMEDIATE", "IN", "INDEX", "INITIALLY",
            "INSERT", "INTO", "IS", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "NO", "NOT", "NULL", "OF", "ON", "OR", "ORDER",
            "PRAGMA", "PRIMARY", "REFERENCES", "RENAME", "REPLACE", "RESTRICT", "ROLLBACK", "ROW", "ROWID", "SELECT", "SET",
            "STRICT", "TABLE", "TEMP", "THEN", "TO", "TRANSACTION", "TRIGGER", "UNIQUE", "UPDATE", "USING", "VALUES", "VIEW",
            "VIRTUAL", "WHEN", "WHERE", "WITH", "WITHOUT");

    private SqlHighlight() {
    }

    /** {@code <pre><code>} of the SQL, highlighted. */
    static Html of(String sql) {
        Html h = new Html().raw("<pre class=\"sql\"><code>");
        int at = 0;
        for (SqlText.Token t : SqlText.tokens(sql)) {
            between(h, sql.substring(at, t.start()));
            String css = switch (t.kind()) {
                case WORD -> KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT)) ? "k" : null;
                case STRING, BLOB -> "s";
                case NUMBER -> "n";
                case QUOTED_IDENTIFIER -> "i";
                default -> null;
            };
            if (css == null) {
                h.text(t.text());
            } else {
                h.raw("<span class=\"" + css + "\">").text(t.text()).raw("</span>");
            }
            at = t.end();
        }
        between(h, sql.substring(at));
        return h.raw("</code></pre>\n");
    }

    /** White space as it is; comments (the tokenizer drops them) marked as comments. */
    private static void between(Html h, String gap) {
        String trimmed = gap.strip();
        if (trimmed.isEmpty()) {
            h.text(gap);
        } else {
            int start = gap.indexOf(trimmed);
            h.text(gap.substring(0, start)).raw("<span class=\"c\">").text(trimmed).raw("</span>")
                    .text(gap.substring(start + trimmed.length()));
        }
    }
}
