package dev.strata.events.sql;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.IndexTerm;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.TableOption;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** CREATE statements for schema objects. Every name goes through {@link Identifier#quoted()}. */
public final class Ddl {

    private Ddl() {
    }

    public static String createTable(Table t) {
        return createTable(t, t.name());
    }

    /** The table's definition under another name (the new table of a rebuild). */
    public static String createTable(Table t, Identifier as) {
        List<String> parts = new ArrayList<>();
        boolean inlineKey = t.primaryKey().autoincrement();
        for (Column c : t.columns()) {
            String def = column(c);
            if (inlineKey && c.name().equals(t.primaryKey().columns().get(0))) {
                def = c.name().quoted() + " INTEGER" + (c.notNull() ? " NOT NULL" : "") + " PRIMARY KEY AUTOINCREMENT"
                        + defaultClause(c) + collation(c);
            }
            parts.add(def);
        }
        if (t.primaryKey().isPresent() && !inlineKey) {
            parts.add("PRIMARY KEY (" + names(t.primaryKey().columns()) + ")");
        }
        for (Unique u : t.uniques()) {
            parts.add("UNIQUE (" + names(u.columns()) + ")");
        }
        for (ForeignKey fk : t.foreignKeys()) {
            parts.add(foreignKey(fk));
        }
        for (Check c : t.checks()) {
            parts.add((c.name() == null ? "" : "CONSTRAINT " + c.name().quoted() + " ") + "CHECK (" + c.expression() + ")");
        }
        String options = t.options().stream().sorted().map(TableOption::sql).collect(Collectors.joining(", "));
        return "CREATE TABLE " + as.quoted() + " (\n    " + String.join(",\n    ", parts) + "\n)" + (options.isEmpty() ? "" : " " + options);
    }

    /** A column definition: name, declared type, NOT NULL, DEFAULT, COLLATE, GENERATED ALWAYS AS. */
    public static String column(Column c) {
        StringBuilder out = new StringBuilder(c.name().quoted());
        if (!c.type().isEmpty()) {
            out.append(' ').append(c.type());
        }
        if (c.notNull()) {
            out.append(" NOT NULL");
        }
        out.append(defaultClause(c)).append(collation(c));
        if (c.isGenerated()) {
            out.append(" GENERATED ALWAYS AS (").append(c.generated()).append(c.stored() ? ") STORED" : ") VIRTUAL");
        }
        return out.toString();
    }

    private static String defaultClause(Column c) {
        if (c.defaultValue() == null) {
            return "";
        }
        return " DEFAULT " + (isLiteral(c.defaultValue()) ? c.defaultValue() : "(" + c.defaultValue() + ")");
    }

    private static String collation(Column c) {
        return c.collation() == null ? "" : " COLLATE " + c.collation().toUpperCase(Locale.ROOT);
    }

    /** Whether a default is a literal SQLite accepts without parentheses (and ALTER TABLE ADD COLUMN accepts). */
    public static boolean isLiteral(String value) {
        List<SqlText.Token> tokens = SqlText.tokens(value);
        if (tokens.size() == 2 && (tokens.get(0).text().equals("-") || tokens.get(0).text().equals("+"))) {
            return tokens.get(1).kind() == SqlText.Token.Kind.NUMBER;
        }
        if (tokens.size() != 1) {
            return false;
        }
        SqlText.Token t = tokens.get(0);
        return switch (t.kind()) {
            case NUMBER, STRING, BLOB -> true;
            case WORD -> List.of("NULL", "TRUE", "FALSE", "CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP")
                    .contains(t.text().toUpperCase(Locale.ROOT));
            default -> false;
        };
    }

    /** Whether ALTER TABLE ADD COLUMN accepts this default (a constant, not CURRENT_*). */
    public static boolean isConstant(String value) {
        return value == null || (isLiteral(value) && !SqlText.normalize(value).startsWith("CURRENT_"));
    }

    static String foreignKey(ForeignKey fk) {
        String out = "FOREIGN KEY (" + names(fk.columns()) + ") REFERENCES " + fk.referencedTable().quoted()
                + (fk.referencedColumns().isEmpty() ? "" : " (" + names(fk.referencedColumns()) + ")");
        if (fk.onDelete() != ForeignKeyAction.NO_ACTION) {
            out += " ON DELETE " + fk.onDelete().sql();
        }
        if (fk.onUpdate() != ForeignKeyAction.NO_ACTION) {
            out += " ON UPDATE " + fk.onUpdate().sql();
        }
        return out;
    }

    public static String createIndex(Index i) {
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + i.name().quoted() + " ON " + i.table().quoted()
                + " (" + i.terms().stream().map(IndexTerm::sql).collect(Collectors.joining(", ")) + ")"
                + (i.where() == null ? "" : " WHERE " + i.where());
    }

    public static String createView(View v) {
        return "CREATE VIEW " + v.name().quoted() + " AS " + v.select();
    }

    static String names(List<Identifier> ids) {
        return ids.stream().map(Identifier::quoted).collect(Collectors.joining(", "));
    }
}
