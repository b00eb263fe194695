package dev.strata.events.schema;

import java.util.List;

/**
 * A table's primary key: its columns in key order (empty for a table keyed by rowid alone) and
 * whether it is {@code INTEGER PRIMARY KEY AUTOINCREMENT}.
 */
public record PrimaryKey(List<Identifier> columns, boolean autoincrement) {

    public static final PrimaryKey NONE = new PrimaryKey(List.of(), false);

    public PrimaryKey {
        columns = List.copyOf(columns);
        if (columns.size() != columns.stream().distinct().count()) {
            throw new IllegalArgumentException("primary key lists a column twice: " + columns);
        }
        if (autoincrement && columns.size() != 1) {
            throw new IllegalArgumentException("AUTOINCREMENT needs a primary key of exactly one INTEGER column, not " + columns);
        }
    }

    public static PrimaryKey of(String... columns) {
        return new PrimaryKey(java.util.Arrays.stream(columns).map(Identifier::of).toList(), false);
    }

    public boolean isPresent() {
        return !columns.isEmpty();
    }
}
