package dev.strata.events.schema;

import java.util.Locale;

/** What a foreign key does when its parent row is deleted or updated. */
public enum ForeignKeyAction {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT"), CASCADE("CASCADE");

    private final String sql;

    ForeignKeyAction(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /** Parses SQLite's spelling ({@code "SET NULL"}) or the enum name ({@code set_null}). */
    public static ForeignKeyAction parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
        for (ForeignKeyAction a : values()) {
            if (a.sql.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown foreign key action '" + text
                + "': expected one of NO ACTION, RESTRICT, SET NULL, SET DEFAULT, CASCADE");
    }
}
