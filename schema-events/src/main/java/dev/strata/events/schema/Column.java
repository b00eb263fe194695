package dev.strata.events.schema;

import java.util.Objects;

/**
 * A column: name, declared type (may be empty, as SQLite allows), nullability, default expression
 * and collation. Types, defaults and collations compare semantically (case, spacing, redundant
 * parentheses do not matter).
 *
 * @param defaultValue the default as SQL text ({@code 0}, {@code 'USD'}, {@code CURRENT_TIMESTAMP}), or null
 * @param collation a collation name such as {@code NOCASE}, or null for the default
 */
public record Column(Identifier name, String type, boolean notNull, String defaultValue, String collation) {

    public Column {
        Objects.requireNonNull(name, "column name must not be null");
        type = type == null ? "" : type.strip();
        // a declared type is a name with an optional size; anything else could smuggle SQL into DDL
        if (!type.isEmpty() && !type.matches("[A-Za-z_][A-Za-z0-9_ ]*(\\(\\s*[+-]?\\d+\\s*(,\\s*[+-]?\\d+\\s*)?\\))?")) {
            throw new IllegalArgumentException("column " + name + ": invalid type '" + type
                    + "': use a type name with an optional size, such as TEXT, INTEGER or NUMERIC(12, 4)");
        }
        if (defaultValue != null && defaultValue.isBlank()) {
            throw new IllegalArgumentException("column " + name + ": default must not be blank (leave it out for no default)");
        }
        if (collation != null) {
            if (!Identifier.isValid(collation)) {
                throw new IllegalArgumentException("column " + name + ": invalid collation '" + collation + "'");
            }
        }
    }

    public static Column of(String name, String type) {
        return new Column(Identifier.of(name), type, false, null, null);
    }

    public Column withName(Identifier newName) {
        return new Column(newName, type, notNull, defaultValue, collation);
    }

    public Column withNotNull(boolean value) {
        return new Column(name, type, value, defaultValue, collation);
    }

    public Column withDefault(String value) {
        return new Column(name, type, notNull, value, collation);
    }

    public Column withType(String value) {
        return new Column(name, value, notNull, defaultValue, collation);
    }

    public Column withCollation(String value) {
        return new Column(name, type, notNull, defaultValue, value);
    }

    /** SQLite's type affinity for the declared type (section 3.1 of "Datatypes In SQLite"). */
    public Affinity affinity() {
        return Affinity.of(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && name.equals(c.name) && notNull == c.notNull
                && (type.equals(c.type) || SqlText.normalizeType(type).equals(SqlText.normalizeType(c.type)))
                && (Objects.equals(defaultValue, c.defaultValue)
                    || Objects.equals(SqlText.normalize(defaultValue), SqlText.normalize(c.defaultValue)))
                && Objects.equals(collationKey(), c.collationKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, notNull, SqlText.normalizeType(type), SqlText.normalize(defaultValue), collationKey());
    }

    private String collationKey() {
        return collation == null || collation.equalsIgnoreCase("BINARY") ? null : collation.toUpperCase(java.util.Locale.ROOT);
    }
}
