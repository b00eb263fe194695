package dev.strata.events.sql;

import dev.strata.events.schema.SqlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration file into statements at top-level semicolons, keeping {@code CREATE TRIGGER ...
 * BEGIN ... END} bodies (and the CASE ... END inside them) whole, as {@code sqlite3_complete} does.
 * Comments stay with the statement they precede; blank statements are dropped.
 */
public final class SqlSplitter {

    private SqlSplitter() {
    }

    /** A statement and the 1-based line of the file it starts on. */
    public record Statement(String sql, int line) {
    }

    public static List<Statement> split(String script) {
        List<Statement> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = script.length();
        boolean inTrigger = false;
        int blockDepth = 0;
        String firstWords = "";
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(script, i, c);
            } else if (c == '[') {
                int end = script.indexOf(']', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(script.charAt(i)) || script.charAt(i) == '_' || script.charAt(i) == '$')) {
                    i++;
                }
                String word = script.substring(s, i).toUpperCase(Locale.ROOT);
                if (firstWords.length() < 40) {
                    firstWords = firstWords + word + " ";
                    inTrigger = firstWords.startsWith("CREATE TRIGGER ") || firstWords.startsWith("CREATE TEMP TRIGGER ")
                            || firstWords.startsWith("CREATE TEMPORARY TRIGGER ");
                }
                if (inTrigger) {
                    if (word.equals("BEGIN") || word.equals("CASE")) {
                        blockDepth++;
                    } else if (word.equals("END") && blockDepth > 0) {
                        blockDepth--;
                    }
                }
            } else if (c == ';' && blockDepth == 0) {
                add(out, script, start, i + 1);
                start = i + 1;
                i++;
                inTrigger = false;
                firstWords = "";
            } else {
                i++;
            }
        }
        add(out, script, start, n);
        return out;
    }

    private static void add(List<Statement> out, String script, int start, int end) {
        String text = script.substring(start, end);
        if (SqlText.tokens(text).stream().allMatch(t -> t.text().equals(";"))) {
            return;
        }
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
            lead++;
        }
        int line = 1;
        for (int k = 0; k < start + lead; k++) {
            if (script.charAt(k) == '\n') {
                line++;
            }
        }
        out.add(new Statement(text.strip(), line));
    }

    private static int skipQuoted(String s, int i, char quote) {
        int k = i + 1;
        while (k < s.length()) {
            if (s.charAt(k) == quote) {
                if (k + 1 < s.length() && s.charAt(k + 1) == quote) {
                    k += 2;
                    continue;
                }
                return k + 1;
            }
            k++;
        }
        return s.length();
    }
}
