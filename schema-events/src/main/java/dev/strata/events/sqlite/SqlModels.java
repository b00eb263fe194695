package dev.strata.events.sqlite;

import dev.strata.events.schema.Schema;
import dev.strata.events.schema.SqlText;
import dev.strata.events.sql.SqlSplitter;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Models declared as CREATE statements ({@code schema/models.sql}), parsed by SQLite itself: the
 * statements run in a fresh in-memory database, which is then introspected. Only CREATE TABLE, INDEX,
 * VIEW and TRIGGER statements run: models never attach a file, write one ({@code VACUUM INTO}) or set
 * pragmas, whoever wrote them (a person, SQLAlchemy, Hibernate).
 */
public final class SqlModels {

    private SqlModels() {
    }

    private static final Set<String> MODIFIERS = Set.of("TEMP", "TEMPORARY", "UNIQUE", "VIRTUAL");
    private static final Set<String> OBJECTS = Set.of("TABLE", "INDEX", "VIEW", "TRIGGER");

    /**
     * @throws IllegalArgumentException naming the statement (number and line) and SQLite's message, or
     *                                  a statement that is not a CREATE of a table, index, view or trigger
     */
    public static Schema parse(String sql) {
        try (ScratchDatabase db = ScratchDatabase.inMemory(false); Statement st = db.connection().createStatement()) {
            int n = 0;
            db.startBudget();
            for (SqlSplitter.Statement s : SqlSplitter.split(sql)) {
                n++;
                if (!isCreate(s.sql())) {
                    throw new IllegalArgumentException("statement " + n + " (line " + codeLine(s) + ", " + firstLine(s) + "): models hold "
                            + "only CREATE TABLE, CREATE INDEX, CREATE VIEW and CREATE TRIGGER statements; move anything else to a migration");
                }
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    String reason = db.sandboxReason(e.getMessage());
                    throw new IllegalArgumentException("statement " + n + " (line " + codeLine(s) + ", " + firstLine(s) + "): "
                            + (reason == null ? e.getMessage() : reason + " (SQLite says: " + e.getMessage() + ")"));
                }
            }
            db.stopBudget();
            return db.schema();
        } catch (SQLException e) {
            throw new IllegalStateException("reading models through an in-memory SQLite database: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** CREATE [TEMP|TEMPORARY|UNIQUE|VIRTUAL] TABLE|INDEX|VIEW|TRIGGER ... */
    private static boolean isCreate(String statement) {
        List<SqlText.Token> words = SqlText.tokens(statement).stream().limit(3).toList();
        if (words.isEmpty() || !word(words.get(0)).equals("CREATE")) {
            return false;
        }
        int i = 1;
        if (i < words.size() && MODIFIERS.contains(word(words.get(i)))) {
            i++;
        }
        return i < words.size() && OBJECTS.contains(word(words.get(i)));
    }

    private static String word(SqlText.Token token) {
        return token.kind() == SqlText.Token.Kind.WORD ? token.text().toUpperCase(Locale.ROOT) : "";
    }

    /** The line of the statement's first line of code, not of a comment above it. */
    private static int codeLine(SqlSplitter.Statement s) {
        return s.line() + firstCode(s.sql().lines().toList());
    }

    private static String firstLine(SqlSplitter.Statement s) {
        List<String> lines = s.sql().lines().toList();
        return lines.isEmpty() ? s.sql().strip() : lines.get(firstCode(lines)).strip().replaceAll(";$", "");
    }

    /** The index of the first line that is neither blank nor a comment (the last line when all are). */
    private static int firstCode(List<String> lines) {
        int code = 0;
        while (code < lines.size() - 1 && (lines.get(code).isBlank() || lines.get(code).strip().startsWith("--"))) {
            code++;
        }
        return code;
    }
}
