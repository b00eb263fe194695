package dev.strata.events.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SQLite lexer: enough to compare SQL fragments (defaults, CHECK expressions, view bodies,
 * trigger statements) semantically and to find the identifiers they mention. It never executes or
 * builds SQL.
 */
public final class SqlText {

    /** A lexical token. {@code text} keeps the source spelling. */
    public record Token(Kind kind, String text, int start) {
        public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, BLOB, PARAMETER, SYMBOL }

        /** The offset just after the token in the source. */
        public int end() {
            return start + text.length();
        }

        /** The identifier this token names, ASCII-folded as {@link Identifier#key()}, if it is a bare word or a quoted identifier. */
        public String identifierKey() {
            return switch (kind) {
                case WORD -> Identifier.foldAscii(text);
                case QUOTED_IDENTIFIER -> Identifier.foldAscii(unquote(text));
                default -> null;
            };
        }
    }

    private SqlText() {
    }

    /** Splits SQL into tokens, dropping white space and comments. */
    public static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                int end = closing(sql, i, '\'');
                out.add(new Token(Token.Kind.STRING, sql.substring(i, end), i));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = closing(sql, i, c);
                out.add(new Token(Token.Kind.QUOTED_IDENTIFIER, sql.substring(i, end), i));
                i = end;
            } else if (c == '[') {
                int end = sql.indexOf(']', i);
                end = end < 0 ? n : end + 1;
                out.add(new Token(Token.Kind.QUOTED_IDENTIFIER, sql.substring(i, end), i));
                i = end;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int end = closing(sql, i + 1, '\'');
                out.add(new Token(Token.Kind.BLOB, sql.substring(i, end), i));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                        || ((sql.charAt(i) == '+' || sql.charAt(i) == '-')
                            && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    i++;
                }
                out.add(new Token(Token.Kind.NUMBER, sql.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_' || c > 127) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$' || sql.charAt(i) > 127)) {
                    i++;
                }
                out.add(new Token(Token.Kind.WORD, sql.substring(start, i), start));
            } else if (c == '?' || c == ':' || c == '@' || (c == '$' && i + 1 < n && Character.isLetter(sql.charAt(i + 1)))) {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Token.Kind.PARAMETER, sql.substring(start, i), start));
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                if (two.equals("||") || two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")
                        || two.equals("==") || two.equals("<<") || two.equals(">>") || two.equals("->")) {
                    String text = two.equals("->") && i + 2 < n && sql.charAt(i + 2) == '>' ? "->>" : two;
                    out.add(new Token(Token.Kind.SYMBOL, text, i));
                    i += text.length();
                } else {
                    out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i));
                    i++;
                }
            }
        }
        return out;
    }

    /**
     * Where the quoted text that starts at {@code start} with {@code quote} ends: just past its closing
     * quote (a doubled quote is part of the text), or the end of {@code sql} when it is not closed.
     */
    public static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** Removes the quotes of a quoted identifier or string token. */
    public static String unquote(String text) {
        if (text.length() >= 2) {
            char first = text.charAt(0);
            char last = text.charAt(text.length() - 1);
            if (first == '[' && last == ']') {
                return text.substring(1, text.length() - 1);
            }
            if ((first == '"' || first == '`' || first == '\'') && last == first) {
                String q = String.valueOf(first);
                return text.substring(1, text.length() - 1).replace(q + q, q);
            }
        }
        return text;
    }

    /**
     * A canonical form for comparing SQL fragments: comments and insignificant white space removed,
     * words and identifiers in upper case, quotes around plain identifiers removed, one pair of
     * parentheses around the whole fragment removed. String literals are kept as written.
     */
    public static String normalize(String sql) {
        if (sql == null) {
            return null;
        }
        List<Token> tokens = tokens(sql);
        while (wrappedInParentheses(tokens)) {
            tokens = tokens.subList(1, tokens.size() - 1);
        }
        StringBuilder out = new StringBuilder();
        Token previous = null;
        for (Token t : tokens) {
            String text = switch (t.kind()) {
                case WORD -> upperAscii(t.text());
                case QUOTED_IDENTIFIER -> {
                    String bare = unquote(t.text());
                    // SQLite folds only ASCII letters, so a quoted name keeps its other characters as written
                    yield Identifier.isPlain(bare) ? upperAscii(bare) : '"' + upperAscii(bare).replace("\"", "\"\"") + '"';
                }
                case BLOB -> t.text().toUpperCase(Locale.ROOT);
                default -> t.text();
            };
            if (previous != null && isWordLike(previous) && isWordLike(t)) {
                out.append(' ');
            }
            out.append(text);
            previous = t;
        }
        return out.toString();
    }

    /** A statement or fragment stripped of surrounding white space and of one final {@code ;}. */
    public static String withoutFinalSemicolon(String sql) {
        String out = sql.strip();
        return out.endsWith(";") ? out.substring(0, out.length() - 1).strip() : out;
    }

    /** Normalizes a declared column type: upper case, single spaces, no spaces around parentheses. */
    public static String normalizeType(String type) {
        if (type == null) {
            return "";
        }
        return normalize(type);
    }

    /** Whether the fragment mentions {@code name} as an identifier (bare or quoted). */
    public static boolean mentions(String sql, Identifier name) {
        if (sql == null) {
            return false;
        }
        for (Token t : tokens(sql)) {
            if (name.key().equals(t.identifierKey())) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> JSON_FUNCTIONS = java.util.Set.of("json_extract", "json_valid", "json_type",
            "json_each", "json_tree", "json_array_length", "json", "jsonb", "json_set", "json_insert", "json_replace",
            "json_remove", "json_patch", "jsonb_extract");

    /**
     * The names (as keys) of the columns a JSON function takes as its first argument, or that stand left of
     * {@code ->} or {@code ->>}: columns whose values must be JSON for the SQL to run.
     */
    public static java.util.Set<String> jsonArguments(String sql) {
        java.util.Set<String> out = new java.util.HashSet<>();
        // most SQL names no JSON function: a plain search is cheaper than the tokens
        if (sql == null) {
            return out;
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        if (!lower.contains("json_") && !lower.contains("json(") && !lower.contains("jsonb") && !sql.contains("->")) {
            return out;
        }
        List<Token> t = tokens(sql);
        for (int i = 0; i < t.size(); i++) {
            String word = t.get(i).text().toLowerCase(Locale.ROOT);
            if (i + 2 < t.size() && JSON_FUNCTIONS.contains(word) && t.get(i + 1).text().equals("(")) {
                // a qualified column, t.payload, names the column last
                int at = i + 2;
                while (at + 2 < t.size() && t.get(at + 1).text().equals(".") && t.get(at + 2).identifierKey() != null) {
                    at += 2;
                }
                if (t.get(at).identifierKey() != null) {
                    out.add(t.get(at).identifierKey());
                }
            }
            if ((word.equals("->") || word.equals("->>")) && i > 0 && t.get(i - 1).identifierKey() != null) {
                out.add(t.get(i - 1).identifierKey());
            }
        }
        return out;
    }

    /**
     * Replaces every identifier token naming {@code from} by the quoted {@code to}, keeping the rest
     * of the text as written (used where SQLite itself rewrites references on a rename).
     */
    public static String renameIdentifier(String sql, Identifier from, Identifier to) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (Token t : tokens(sql)) {
            if (from.key().equals(t.identifierKey())) {
                out.append(sql, i, t.start()).append(to.quoted());
                i = t.end();
            }
        }
        out.append(sql.substring(i));
        return out.toString();
    }

    /**
     * Why {@code fragment} could end the clause it is written into, or null if it cannot: a {@code ;},
     * a comment start, a quote or parenthesis left open or closed too often, a NUL, or (unless
     * {@code commas}) a comma outside parentheses, which would start the next column definition.
     */
    public static String breakOut(String fragment, boolean commas) {
        int depth = 0;
        int i = 0;
        while (i < fragment.length()) {
            char ch = fragment.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
                int end = afterQuoted(fragment, i, ch == '[' ? ']' : ch);
                if (end < 0) {
                    return "a quote " + ch + " is not closed";
                }
                i = end;
                continue;
            }
            if (ch == ';' || ch == '\0') {
                return ch == ';' ? "it holds ';'" : "it holds a NUL character";
            }
            if (fragment.startsWith("--", i) || fragment.startsWith("/*", i)) {
                return "it starts a comment";
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth < 0) {
                return "it closes a parenthesis it did not open";
            } else if (ch == ',' && depth == 0 && !commas) {
                return "it holds ',' outside parentheses";
            }
            i++;
        }
        return depth == 0 ? null : "a parenthesis is not closed";
    }

    /** Just past the quote that closes the one at {@code start}, or -1 if none does; a doubled quote is text. */
    private static int afterQuoted(String sql, int start, char close) {
        for (int i = start + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i++;
                    continue;
                }
                return i + 1;
            }
        }
        return -1;
    }

    /** Upper case for ASCII letters only: SQLite folds no other letter in names and keywords. */
    private static String upperAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            out.append(ch >= 'a' && ch <= 'z' ? (char) (ch - ('a' - 'A')) : ch);
        }
        return out.toString();
    }

    private static boolean isWordLike(Token t) {
        return t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.QUOTED_IDENTIFIER
                || t.kind() == Token.Kind.PARAMETER || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.BLOB;
    }

    private static boolean wrappedInParentheses(List<Token> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).text().equals("(") || !tokens.get(tokens.size() - 1).text().equals(")")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String s = tokens.get(i).text();
            if (tokens.get(i).kind() != Token.Kind.SYMBOL) {
                continue;
            }
            if (s.equals("(")) {
                depth++;
            } else if (s.equals(")")) {
                depth--;
                if (depth == 0 && i < tokens.size() - 1) {
                    return false;
                }
            }
        }
        return true;
    }
}
