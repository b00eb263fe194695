package dev.strata.events.sqlite;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.SqlText.Token;
import dev.strata.events.schema.TableOption;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads from stored CREATE statements what SQLite's pragmas do not report: AUTOINCREMENT, column
 * collations, generated columns' expressions, CHECK constraints, table options, a view's SELECT, a
 * partial index's WHERE and the text of its terms.
 */
final class CreateStatements {

    private static final Set<String> COLUMN_CONSTRAINT_START = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE",
            "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");
    private static final Set<String> TABLE_CONSTRAINT_START = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    private CreateStatements() {
    }

    /** What a CREATE TABLE statement says beyond the pragmas; maps are keyed by {@link Identifier#key()}. */
    record TableText(boolean autoincrement, Map<String, String> collations, Map<String, String> generated,
                     List<Check> checks, Set<TableOption> options) {
    }

    /** One term of a CREATE INDEX as written: its column or expression, an explicit collation or null, DESC. */
    record TermText(String text, String collation, boolean descending) {
    }

    static TableText table(String sql) {
        List<Token> tokens = SqlText.tokens(sql);
        int open = indexOf(tokens, "(", 0);
        boolean autoincrement = false;
        Map<String, String> collations = new HashMap<>();
        Map<String, String> generated = new HashMap<>();
        List<Check> checks = new ArrayList<>();
        if (open < 0) {
            return new TableText(false, collations, generated, checks, Set.of());
        }
        for (List<Token> part : splitTopLevel(tokens, open)) {
            if (part.isEmpty()) {
                continue;
            }
            boolean tableConstraint = part.get(0).kind() == Token.Kind.WORD
                    && TABLE_CONSTRAINT_START.contains(upper(part.get(0)));
            int i = 0;
            String column = null;
            if (!tableConstraint) {
                column = part.get(0).identifierKey();
                i = 1;
                while (i < part.size() && !(part.get(i).kind() == Token.Kind.WORD && COLUMN_CONSTRAINT_START.contains(upper(part.get(i))))) {
                    i = part.get(i).text().equals("(") ? close(part, i) + 1 : i + 1;
                }
            }
            Identifier constraintName = null;
            while (i < part.size()) {
                Token t = part.get(i);
                String word = t.kind() == Token.Kind.WORD ? upper(t) : "";
                if (word.equals("CONSTRAINT") && i + 1 < part.size()) {
                    constraintName = Identifier.of(SqlText.unquote(part.get(i + 1).text()));
                    i += 2;
                    continue;
                }
                if (word.equals("CHECK") && i + 1 < part.size() && part.get(i + 1).text().equals("(")) {
                    int end = close(part, i + 1);
                    checks.add(new Check(constraintName, sql.substring(part.get(i + 1).end(), part.get(end).start()).strip()));
                    constraintName = null;
                    i = end + 1;
                    continue;
                }
                if (word.equals("AS") && column != null && i + 1 < part.size() && part.get(i + 1).text().equals("(")) {
                    int end = close(part, i + 1);
                    generated.put(column, sql.substring(part.get(i + 1).end(), part.get(end).start()).strip());
                    i = end + 1;
                    continue;
                }
                if (word.equals("COLLATE") && column != null && i + 1 < part.size()) {
                    collations.put(column, SqlText.unquote(part.get(i + 1).text()));
                    i += 2;
                    continue;
                }
                if (word.equals("AUTOINCREMENT")) {
                    autoincrement = true;
                }
                if (word.equals("PRIMARY") || word.equals("UNIQUE") || word.equals("NOT") || word.equals("DEFAULT")
                        || word.equals("REFERENCES") || word.equals("FOREIGN")) {
                    constraintName = null;
                }
                i = t.text().equals("(") ? close(part, i) + 1 : i + 1;
            }
        }
        return new TableText(autoincrement, collations, generated, checks, options(tokens, close(tokens, open) + 1));
    }

    /** The options after the column list: {@code WITHOUT ROWID}, {@code STRICT}, separated by commas. */
    private static Set<TableOption> options(List<Token> tokens, int from) {
        Set<TableOption> out = EnumSet.noneOf(TableOption.class);
        StringBuilder option = new StringBuilder();
        for (int i = from; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).text().equals(",") || tokens.get(i).text().equals(";")) {
                if (!option.isEmpty()) {
                    out.add(TableOption.parse(option.toString()));
                    option.setLength(0);
                }
                continue;
            }
            option.append(' ').append(tokens.get(i).text());
        }
        return out;
    }

    /** The terms of a CREATE INDEX statement, in order. */
    static List<TermText> indexTerms(String sql) {
        List<Token> tokens = SqlText.tokens(sql);
        int open = indexOf(tokens, "(", 0);
        List<TermText> out = new ArrayList<>();
        if (open < 0) {
            return out;
        }
        for (List<Token> part : splitTopLevel(tokens, open)) {
            int last = part.size() - 1;
            boolean descending = false;
            String collation = null;
            if (last > 0 && part.get(last).kind() == Token.Kind.WORD && (upper(part.get(last)).equals("ASC") || upper(part.get(last)).equals("DESC"))) {
                descending = upper(part.get(last)).equals("DESC");
                last--;
            }
            if (last > 1 && part.get(last - 1).kind() == Token.Kind.WORD && upper(part.get(last - 1)).equals("COLLATE")) {
                collation = SqlText.unquote(part.get(last).text());
                last -= 2;
            }
            out.add(new TermText(last < 0 ? "" : sql.substring(part.get(0).start(), part.get(last).end()).strip(), collation, descending));
        }
        return out;
    }

    /** The SELECT of a CREATE VIEW statement. */
    static String viewSelect(String sql) {
        String select = afterTopLevel(sql, "AS");
        if (select == null) {
            throw new IllegalStateException("cannot find the SELECT of view statement: " + sql);
        }
        return select;
    }

    /** The WHERE condition of a CREATE INDEX statement, or null. */
    static String indexWhere(String sql) {
        String where = sql == null ? null : afterTopLevel(sql, "WHERE");
        return where != null && where.endsWith(";") ? where.substring(0, where.length() - 1).strip() : where;
    }

    /** The text after the first {@code keyword} outside parentheses, or null. */
    private static String afterTopLevel(String sql, String keyword) {
        List<Token> tokens = SqlText.tokens(sql);
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")")) {
                depth--;
            } else if (depth == 0 && t.kind() == Token.Kind.WORD && upper(t).equals(keyword) && i + 1 < tokens.size()) {
                return sql.substring(tokens.get(i + 1).start()).strip();
            }
        }
        return null;
    }

    private static List<List<Token>> splitTopLevel(List<Token> tokens, int open) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (t.text().equals(",") && depth == 0) {
                parts.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        parts.add(current);
        return parts;
    }

    private static int close(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String s = tokens.get(i).kind() == Token.Kind.SYMBOL ? tokens.get(i).text() : "";
            if (s.equals("(")) {
                depth++;
            } else if (s.equals(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    private static int indexOf(List<Token> tokens, String text, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Token.Kind.SYMBOL && tokens.get(i).text().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    private static String upper(Token t) {
        return t.text().toUpperCase(Locale.ROOT);
    }
}
