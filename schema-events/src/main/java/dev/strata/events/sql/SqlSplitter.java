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
        // whether the statement so far has more than whitespace, comments and semicolons
        boolean content = false;
        // the line of position linePos, counted on as statements start, so each character is counted once
        int line = 1;
        int linePos = 0;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == ';' && blockDepth == 0) {
                if (content) {
                    int first = firstNonBlank(script, start);
                    line += newlines(script, linePos, first);
                    linePos = first;
                    out.add(new Statement(script.substring(start, i + 1).strip(), line));
                }
                start = i + 1;
                i++;
                inTrigger = false;
                firstWords = "";
                content = false;
                continue;
            }
            content |= c != ';' && !Character.isWhitespace(c);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlText.closing(script, i, c);
            } else if (c == '[') {
                int end = script.indexOf(']', i);
                i = end < 0 ? n : end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(script.charAt(i)) || script.charAt(i) == '_' || script.charAt(i) == '$')) {
                    i++;
                }
                if (firstWords.length() < 40) {
                    firstWords = firstWords + script.substring(s, i).toUpperCase(Locale.ROOT) + " ";
                    inTrigger = firstWords.startsWith("CREATE TRIGGER ") || firstWords.startsWith("CREATE TEMP TRIGGER ")
                            || firstWords.startsWith("CREATE TEMPORARY TRIGGER ");
                }
                if (inTrigger) {
                    if (isWord(script, s, i, "BEGIN") || isWord(script, s, i, "CASE")) {
                        blockDepth++;
                    } else if (isWord(script, s, i, "END") && blockDepth > 0) {
                        blockDepth--;
                    }
                }
            } else {
                i++;
            }
        }
        if (content) {
            line += newlines(script, linePos, firstNonBlank(script, start));
            out.add(new Statement(script.substring(start, n).strip(), line));
        }
        return out;
    }

    private static boolean isWord(String script, int start, int end, String word) {
        return end - start == word.length() && script.regionMatches(true, start, word, 0, word.length());
    }

    private static int firstNonBlank(String script, int from) {
        int k = from;
        while (k < script.length() && Character.isWhitespace(script.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int newlines(String script, int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            if (script.charAt(k) == '\n') {
                count++;
            }
        }
        return count;
    }
}
