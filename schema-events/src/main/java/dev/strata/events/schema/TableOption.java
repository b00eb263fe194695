package dev.strata.events.schema;

import java.util.Locale;

/** A table option written after a CREATE TABLE's column list, in the order SQLite documents them. */
public enum TableOption {
    WITHOUT_ROWID("WITHOUT ROWID"),
    STRICT("STRICT");

    private final String sql;

    TableOption(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /** The option written as {@code text} (any case, any spacing), e.g. {@code "without rowid"}. */
    public static TableOption parse(String text) {
        String normal = text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        for (TableOption o : values()) {
            if (o.sql.equals(normal)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown table option '" + text + "': expected WITHOUT ROWID or STRICT");
    }
}
